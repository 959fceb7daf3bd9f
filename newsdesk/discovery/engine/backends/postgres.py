"""PostgreSQL full-text search over SearchDocument.vector (generated column, GIN index: migration 0002).

The vector weights headline A, standfirst B, tags and bylines C, body D. A ParsedQuery becomes a
tsquery from quoted words only (`'word'`, `'pre':*`, `'a' <-> 'b'`, `!'x'`), normalised by the
'english' configuration as the vector was. Candidates are the newest matches with a LIMIT, and
ts_rank runs on those rows only (in an outer query), so a common word does not rank the archive.
"""

import time
from dataclasses import replace

from django.db import connection, transaction

from newsdesk.discovery.engine.backends.base import (
    CANDIDATE_COLUMNS,
    CANDIDATE_WIDTH,
    HEADLINE_CANDIDATES,
    MARK_END,
    MARK_START,
    Candidates,
    SearchBackend,
    candidate_columns,
    candidate_from_row,
    filter_sql,
)

CONFIG = "english"
# ts_rank weights for D, C, B, A labels (body, meta, standfirst, headline).
WEIGHTS = "{0.1, 0.3, 0.5, 1.0}"
# 1: divide the rank by 1 + log(length), so a long body does not win by size alone.
NORMALISATION = 1
SNIPPET_LEAD = 120  # characters before the first match
SNIPPET_WINDOW = 640  # two fragments of up to 35 words fit; ts_headline parses all of it
# The vector stays in the database: only its rank comes back.
OUTER_COLUMNS = candidate_columns("m", "extract(epoch FROM {})::float8")
SNIPPET_OPTIONS = (
    f'StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "'
)


def lexeme(word: str, suffix: str = "") -> str:
    return "'" + word.replace("'", "''").replace("\\", "") + "'" + (":" + suffix if suffix else "")


def phrase_part(word: str, weight: str = "") -> str:
    # PostgreSQL's parser reads the number in "ML-1" or "covid-19" as a signed integer ('-1'), so a number
    # inside a phrase matches either way.
    if word.isdigit():
        return f"({lexeme(word, weight)} | {lexeme('-' + word, weight)})"
    return lexeme(word, weight)


def tsquery_text(parsed, weight: str = "") -> str:
    """to_tsquery input from plain words; `weight` ("A") restricts every positive word to the headline."""
    positive = [lexeme(term, weight) for term in parsed.terms]
    positive += ["(" + " <-> ".join(phrase_part(word, weight) for word in phrase) + ")" for phrase in parsed.phrases]
    if parsed.prefix:
        either = [lexeme(parsed.prefix, "*" + weight)] + [lexeme(word, weight) for word in parsed.completions]
        positive.append("(" + " | ".join(either) + ")")
    negative = ["!(" + " <-> ".join(lexeme(word) for word in excluded.split()) + ")" for excluded in parsed.excluded]
    return " & ".join(positive + negative)


class PostgresBackend(SearchBackend):
    name = "postgres"

    def candidates(self, parsed, filters, limit, *, ranked=True):
        found = {}
        # An author, tag or entity chosen: its own index finds its few articles (migration 0007), where a
        # walk would read the archive newest first for them.
        share = match_share(parsed)
        walk = share >= WALK_SHARE and not filters.has_selective_facets
        headline = (tsquery_text(replace(parsed, excluded=())), tsquery_text(parsed), tsquery_text(parsed, "A"))
        for candidate in self._matches(*headline, filters, HEADLINE_CANDIDATES, walk=walk, ranked=ranked):
            found.setdefault(candidate.page_id, candidate)
        query, matches, partial = tsquery_text(parsed), None, False
        if walk or filters.has_selective_facets:
            since = None
        elif parsed.phrases:
            since = phrase_slice(share, limit)
        else:
            since = newest_slice(share, limit)
        if since is not None:
            matches = self._matches(None, query, None, filters, limit, walk=False, ranked=ranked, since=since)
            if parsed.phrases:
                partial = len(matches) < limit  # older articles were not read for the phrase
            elif len(matches) < limit:
                matches = None  # fewer in the slice than the words' statistics promised: read them all
        if matches is None:
            matches = self._matches(None, query, None, filters, limit, walk=walk, ranked=ranked)
            # A walk that stopped at its bound before finding `limit` matches may have left older articles unread.
            partial = walk and len(matches) < limit and more_than(filters, limit * WALK_ROWS_PER_CANDIDATE)
        for candidate in matches:
            found.setdefault(candidate.page_id, candidate)
        result = Candidates(found.values())
        result.partial = partial
        return result

    def _matches(self, in_headline, query, rank_query, filters, limit, *, walk, ranked, since=None):
        planner, sql, params = matches_statement(
            in_headline, query, rank_query, filters, limit, walk=walk, ranked=ranked, since=since
        )
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(planner)
            cursor.execute(sql, params)
            rows = cursor.fetchall()
            # Inside a search's turn (or any outer transaction) SET LOCAL would outlive this statement.
            cursor.execute(PLANNER_DEFAULTS)
        return [candidate_from_row(row, row[CANDIDATE_WIDTH]) for row in rows]

    def snippets(self, parsed, page_ids):
        if not page_ids:
            return {}
        # ts_headline parses all the text it is given: give it a window around the first place the first
        # word's stem appears (the whole body took ~3 ms an article), or the opening when it is not found.
        sql = (
            f"SELECT page_id, ts_headline('{CONFIG}', substr(body, greatest(1, strpos(lower(body), %s) - %s), %s), "
            f"to_tsquery('{CONFIG}', %s), %s) FROM discovery_searchdocument WHERE page_id = ANY(%s)"
        )
        params = [anchor(parsed), SNIPPET_LEAD, SNIPPET_WINDOW, tsquery_text(parsed), SNIPPET_OPTIONS, list(page_ids)]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return dict(cursor.fetchall())


# Walk the newest-first index when at least this share of articles match: the walk reads about
# limit / share rows, the GIN plan every match (share x archive) plus a sort.
WALK_SHARE = 0.2
STATISTICS_SECONDS = 300
_statistics = {"read_at": -STATISTICS_SECONDS, "frequencies": {}}


def lexeme_frequencies() -> dict[str, float]:
    """Share of documents holding each common lexeme, from ANALYZE's statistics on the vector column
    (refreshed by the rebuild, and by autovacuum as the archive grows); read at most every few minutes."""
    if time.monotonic() - _statistics["read_at"] >= STATISTICS_SECONDS:
        _statistics["depths"] = publication_depths()
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT most_common_elems::text::text[], most_common_elem_freqs FROM pg_stats "
                "WHERE schemaname = current_schema() AND tablename = 'discovery_searchdocument' AND attname = 'vector'"
            )
            row = cursor.fetchone()
        _statistics["frequencies"] = dict(zip(row[0], row[1], strict=False)) if row and row[0] else {}
        _statistics["read_at"] = time.monotonic()
    return _statistics["frequencies"]


# A word in between (in 0.5 % to 20 % of articles) has thousands of matches, every one a row read from the
# table before the newest are known (16,700 rows and 31 ms on 100,000 articles for a word in 17 %). The
# newest slice of the archive expected to hold SLICE_MARGIN times the candidates wanted is read instead:
# the GIN index and the publication-time index, combined before the table is read (806 rows, 11 ms).
# A slice that holds fewer than wanted is read again whole, so the candidates are the same either way.
SLICE_MIN_SHARE = 0.005
SLICE_MARGIN = 2
DEPTHS = [1000 * 2**step for step in range(8)]  # 1,000 … 128,000 articles back


def publication_depths() -> list[tuple[int, object]]:
    """(n, time) pairs: the publication time of the n-th newest document, for n in DEPTHS within the archive."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT n, published_at FROM (SELECT published_at, row_number() OVER (ORDER BY published_at DESC) AS n "
            "FROM discovery_searchdocument WHERE published_at IS NOT NULL ORDER BY published_at DESC LIMIT %s) s "
            "WHERE n = ANY(%s) ORDER BY n",
            [DEPTHS[-1], DEPTHS],
        )
        return cursor.fetchall()


def newest_slice(share: float, limit: int):
    """The publication time from which the newest articles hold about SLICE_MARGIN x `limit` matches of
    words in `share` of articles; None when that is not worth a slice, or reaches past the archive."""
    if not SLICE_MIN_SHARE <= share < WALK_SHARE:
        return None
    wanted = limit * SLICE_MARGIN / share
    return next((published for depth, published in _statistics.get("depths", ()) if depth >= wanted), None)


# A phrase's words can be common where the phrase is rare, and every article holding the words is a vector
# read to compare their positions (16,677 of them, 170 ms, for one two-word phrase on 100,000 articles).
# Only the newest slice of the archive expected to hold this many times the candidates wanted in matches of
# the words is read for a phrase: a bounded read, whose count is then a lower bound.
PHRASE_ROWS_PER_CANDIDATE = 4


def phrase_slice(share: float, limit: int):
    """The publication time from which the newest articles hold about PHRASE_ROWS_PER_CANDIDATE x `limit`
    articles with every word of the phrase (in `share` of articles); None where the whole archive holds fewer."""
    if share <= 0:
        return None
    wanted = limit * PHRASE_ROWS_PER_CANDIDATE / share
    return next((published for depth, published in _statistics.get("depths", ()) if depth >= wanted), None)


def more_than(filters, rows: int) -> bool:
    """Whether more than `rows` documents pass `filters` (facets and the reader rule): the newest-first index
    is stepped past `rows` of them, as far as the walk went and no further."""
    where, params = filter_sql(filters)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT 1 FROM discovery_searchdocument d WHERE {where} "
            "ORDER BY d.published_at DESC NULLS LAST LIMIT 1 OFFSET %s",
            [*params, rows],
        )
        return cursor.fetchone() is not None


def match_share(parsed) -> float:
    """Estimated share of documents matching every positive word (independence assumed); 0 for a rare word."""
    frequencies = lexeme_frequencies()
    if not frequencies:
        return 0.0
    key = (parsed, _statistics["read_at"])
    if key not in _shares:
        if len(_shares) >= MAX_SHARES:
            _shares.clear()
        _shares[key] = estimated_share(parsed, frequencies)
    return _shares[key]


_shares = {}
MAX_SHARES = 512


def estimated_share(parsed, frequencies) -> float:
    """Share of documents holding every positive word and none of the excluded single words."""
    words = [word for phrase in parsed.phrases for word in phrase] + list(parsed.terms)
    # An excluded word common in the archive leaves few matches ("government -minister": a walk read
    # 4,000 rows to find none, 95 ms; the GIN index answers in 10).
    excluded = [word for word in parsed.excluded if " " not in word]
    lexemes, stem, unwanted = [], parsed.prefix, []
    if words or parsed.prefix:
        with connection.cursor() as cursor:
            # The prefix is stemmed as to_tsquery stems it ("government:*" reads 'govern':*).
            cursor.execute(
                f"SELECT array(SELECT lexeme FROM unnest(to_tsvector('{CONFIG}', %s))), "
                f"coalesce((SELECT lexeme FROM unnest(to_tsvector('{CONFIG}', %s)) LIMIT 1), %s), "
                f"array(SELECT lexeme FROM unnest(to_tsvector('{CONFIG}', %s)))",
                [" ".join(words), parsed.prefix, parsed.prefix, " ".join(excluded)],
            )
            lexemes, stem, unwanted = cursor.fetchone()
    share = 1.0
    for lexeme_ in lexemes:
        share *= frequencies.get(lexeme_, 0.0)
    for lexeme_ in unwanted:
        share *= 1.0 - frequencies.get(lexeme_, 0.0)
    if parsed.prefix:
        share *= min(1.0, sum(f for word, f in frequencies.items() if word.startswith(stem)))
    return share


def matches_statement(
    in_headline, query, rank_query, filters, limit, *, walk, ranked=True, since=None
) -> tuple[str, str, list]:
    """Planner settings, SQL and parameters for the newest `limit` matches of `query` (or of `in_headline`
    in the headline alone, when given), ranked in an outer query.

    Two plans, chosen by how many articles the words are in (`match_share`): a common word walks the
    newest-first index, checks each row and stops at `limit`; a rarer one reads its matches from the GIN
    index and sorts those. The planner's own choice read every match of a common word and sorted.

    The walk reads at most WALK_ROWS_PER_CANDIDATE rows per candidate wanted: common words can make a
    rare phrase ("government minister" next to each other), which would otherwise walk the archive
    (0.9 s on 100,000 articles); such a query gives fewer candidates instead.

    Headline matches are read from the headline's own vector, which sits in the row. A headline holding
    every word matches the whole article too, so the article's vector (kept out of line, about 8 KB) is
    read only for the newest `limit` of them, to rank them and to drop any holding an excluded word:
    checking it for every headline match of a word being typed ("gove") read 2,500 of them (105 ms).
    """
    where, params = filter_sql(filters)
    if since is not None:
        where, params = f"{where} AND d.published_at >= %s", [*params, since]
    walking = walk and in_headline is None
    if walking:
        source = (
            f"(SELECT * FROM discovery_searchdocument d WHERE {where} "
            "ORDER BY d.published_at DESC NULLS LAST LIMIT %s) d"
        )
        source_params, where, params = [*params, limit * WALK_ROWS_PER_CANDIDATE], "true", []
    else:
        source, source_params = "discovery_searchdocument d", []
    if in_headline is None:
        matched, matched_params, excluded, excluded_params = "d.vector", [query], "true", []
    else:
        matched, matched_params = "d.headline_vector", [in_headline]
        excluded, excluded_params = "true", []
        if query != in_headline:
            excluded, excluded_params = f"m.vector @@ to_tsquery('{CONFIG}', %s)", [query]
    # Ranking costs about 10 ms over 1,000 candidates: only when relevance orders the results. ts_rank,
    # not ts_rank_cd: a third of the time on the same rows, and on the judged set (tests/test_relevance.py)
    # it put the expected article first 19 times of 19 where ts_rank_cd did 18, precision@5 equal.
    rank = f"ts_rank(%s::float4[], m.vector, to_tsquery('{CONFIG}', %s), {NORMALISATION})" if ranked else "0.0"
    rank_params = [WEIGHTS, rank_query or query] if ranked else []
    sql = (
        f"SELECT {OUTER_COLUMNS}, {rank} FROM ("
        f"SELECT {CANDIDATE_COLUMNS}, d.vector FROM {source} "
        f"WHERE {matched} @@ to_tsquery('{CONFIG}', %s) AND {where} "
        f"ORDER BY d.published_at DESC NULLS LAST LIMIT %s) m WHERE {excluded}"
    )
    # A sequential scan is priced without the cost of unpacking each row's vector (1.4 s instead of 5 ms
    # for a rare word on 20,000 articles): never that. Headline matches are few: always the GIN index.
    off = "enable_bitmapscan" if walking else "enable_indexscan"
    # No parallel workers: a search reads a bounded few hundred rows, and with many readers searching at once
    # each query's two extra processes only competed for the same cores (a walk under a rare facet was
    # planned with two).
    planner = f"SET LOCAL enable_seqscan = off; SET LOCAL {off} = off; SET LOCAL max_parallel_workers_per_gather = 0"
    return planner, sql, [*rank_params, *source_params, *matched_params, *params, limit, *excluded_params]


PLANNER_DEFAULTS = (
    "SET LOCAL enable_seqscan TO DEFAULT; SET LOCAL enable_bitmapscan TO DEFAULT; "
    "SET LOCAL enable_indexscan TO DEFAULT; SET LOCAL max_parallel_workers_per_gather TO DEFAULT"
)
# A walk expects at least one match in 1 / WALK_SHARE (5) rows; it gives up after twice that.
WALK_ROWS_PER_CANDIDATE = 10


def anchor(parsed) -> str:
    """The first searched word, cut to a rough stem ("elections" -> "electio") so inflected forms are found."""
    words = parsed.positive_words
    word = words[0] if words else ""
    return word[: max(4, len(word) - 2)] or " "
