"""SQLite's FTS5 over SearchDocument (table discovery_searchfts, made by migrations 0002 and 0008).

Ranking is bm25 with column weights (headline > standfirst > tags and bylines > body). Candidates are
read from the FTS5 table in rowid order, newest first, with a LIMIT, so FTS5 walks the match list from
its end and stops: a word in every article costs about as much as one in a thousand. Chosen facets are
terms of the same index, so the walk passes only articles that carry them; the reader rule and the exact
facet rule are applied to those ids afterwards (see `_walk`).
"""

import re
from dataclasses import replace
from functools import lru_cache

from django.conf import settings
from django.db import connection

from newsdesk.discovery.engine.backends.base import (
    HEADLINE_CANDIDATES,
    MARK_END,
    MARK_START,
    Candidates,
    SearchBackend,
    candidate_columns,
    candidate_from_row,
    filter_sql,
)

SNIPPET_TOKENS = 32
WHOLE_WORD_LENGTH = 4  # a word being typed this long may be taken whole (see `_typed_word_is_whole`)
SLICE = 400  # fewest ids read from FTS5 at a time (the next slice is 4 times larger)
MAX_SLICES = 3
IDS_PER_STATEMENT = 900  # below SQLite's limit on bound parameters in older builds


def quoted(words: str) -> str:
    return '"' + words.replace('"', '""') + '"'


def match_expression(parsed, *, prefix_whole: bool = False) -> str:
    """FTS5 query syntax from plain words only: every word quoted, so no reader text is an operator.

    With `prefix_whole`, the word being typed matches as a whole word (with its known completions)."""
    positive = [quoted(term) for term in parsed.terms]
    positive += [quoted(" ".join(phrase)) for phrase in parsed.phrases]
    if parsed.prefix:
        typed = quoted(parsed.prefix) + ("" if prefix_whole else "*")
        either = [typed] + [quoted(word) for word in parsed.completions]
        positive.append("(" + " OR ".join(either) + ")")
    expression = " AND ".join(positive)
    for excluded in parsed.excluded:
        expression = f"({expression}) NOT {quoted(excluded)}"
    return expression


# Each facet value is one term of the index (migration 0008): a marker and the value, hyphens and underscores
# dropped, so no word a reader types is one.
FACET_MARKERS = {
    "sections": "zqsec",
    "kinds": "zqkind",
    "years": "zqyear",
    "authors": "zqauth",
    "tags": "zqtag",
    "entities": "zqent",
}
UNJOINED = re.compile("[-_]")


def facet_expression(filters) -> str:
    """FTS5 syntax for the chosen facets (any value of a kind, every kind), or "" when none is chosen.

    The terms narrow the walk; they may match more than the rule (two slugs equal but for their hyphens),
    which is applied exactly afterwards."""
    kinds = []
    for attribute, marker in FACET_MARKERS.items():
        if values := getattr(filters, attribute):
            kinds.append("(" + " OR ".join(quoted(marker + UNJOINED.sub("", str(value))) for value in values) + ")")
    return " AND ".join(kinds)


@lru_cache(maxsize=1024)
def stems_of(words: tuple[str, ...]) -> tuple[str | None, ...]:
    """The archive tokenizer's term for each word, None for a word that is not one term.

    Read through a scratch FTS5 table and its vocabulary in this connection's memory (0.2 ms); kept, as the
    tokenizer never changes, because one search asks for the same words up to three times (the counts'
    candidates, the chosen ones, the snippets)."""
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{STEMS} USING fts5(word, tokenize={TOKENIZER})")
        cursor.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{STEMS}_terms USING fts5vocab(temp, {STEMS}, 'instance')"
        )
        cursor.execute(f"DELETE FROM temp.{STEMS}")
        cursor.executemany(f"INSERT INTO temp.{STEMS} (rowid, word) VALUES (%s, %s)", list(enumerate(words)))
        cursor.execute(f"SELECT doc, term FROM temp.{STEMS}_terms")
        terms = {}
        for doc, term in cursor.fetchall():
            terms.setdefault(doc, []).append(term)
    return tuple(found[0] if len(found := terms.get(n, [])) == 1 else None for n in range(len(words)))


class FTS5Backend(SearchBackend):
    name = "sqlite"

    def candidates(self, parsed, filters, limit, *, ranked=True):
        whole = self._typed_word_is_whole(parsed, limit)
        parsed = self._distinct_completions(parsed, whole)
        relevance = {} if ranked else None
        archive = self._walk(ARCHIVE, match_expression(parsed, prefix_whole=whole), filters, limit, relevance)
        found = {row[0]: candidate_from_row(row, relevance.get(row[0], 0.0) if ranked else 0.0) for row in archive}
        # Older articles whose headline holds every word, from the headline's own index: a word common in
        # bodies but rare in headlines is a short list there. Excluded words may be anywhere in the article, so
        # those are checked in the archive's index. Found by their headline, they count as relevant as the
        # best match read from the archive.
        headline = self._walk(HEADLINES, match_expression(replace(parsed, excluded=())), filters, HEADLINE_CANDIDATES)
        top = max((candidate.relevance for candidate in found.values()), default=1.0)
        for row in self._without_excluded(parsed, [row for row in headline if row[0] not in found]):
            found[row[0]] = candidate_from_row(row, top)
        return Candidates(found.values())

    def _typed_word_is_whole(self, parsed, limit) -> bool:
        """True when the word being typed has WHOLE_WORD_LENGTH letters or more and, as a whole word, fills the
        candidates on its own.

        FTS5 answers a prefix by merging the whole match lists of every indexed word it starts before it can
        return a row: "government" typed is 'govern'* once stemmed, 11 million positions on 100,000
        articles, 130 ms (250 with bm25) where the word alone takes 1 ms. A word that already fills the
        candidates is the word the reader means (one who stopped typing at four letters most likely meant
        it); its known completions still match, and a word that does not fill them (a word still being
        typed, or a rare one) is matched as a prefix."""
        if len(parsed.prefix) < WHOLE_WORD_LENGTH:
            return False
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid FROM {ARCHIVE} WHERE {ARCHIVE} MATCH %s ORDER BY rowid DESC LIMIT 1 OFFSET %s",
                [quoted(parsed.prefix), limit - 1],
            )
            return cursor.fetchone() is not None

    def _distinct_completions(self, parsed, whole: bool):
        """`parsed` keeping only the completions that match words the typed word does not already match.

        Each word of an FTS5 query costs a read of its whole list for bm25's weights, and FTS5 does not merge
        words that stem alike: "government", "governments", "governed" and "governing" are one word of the
        index ('govern'), and asking for the four cost four times as much. A completion is kept when its stem
        differs from the typed word's and from every kept completion's, and, while the word is matched as a
        prefix, when the prefix does not already start it."""
        if not parsed.completions:
            return parsed
        typed, *stems = stems_of((parsed.prefix, *parsed.completions))
        seen, kept = {typed}, []
        for word, stem in zip(parsed.completions, stems, strict=True):
            if stem is not None and (stem in seen or (not whole and typed and stem.startswith(typed))):
                continue
            seen.add(stem)
            kept.append(word)
        return replace(parsed, completions=tuple(kept))

    def _without_excluded(self, parsed, rows):
        if not parsed.excluded or not rows:
            return rows
        ids = [row[0] for row in rows]
        with connection.cursor() as cursor:
            # Whole words only: FTS5 seeks each id in their lists.
            cursor.execute(
                f"SELECT rowid FROM {ARCHIVE} WHERE {ARCHIVE} MATCH %s AND rowid IN ({', '.join(['%s'] * len(ids))})",
                [" OR ".join(quoted(word) for word in parsed.excluded), *ids],
            )
            dropped = {row[0] for row in cursor.fetchall()}
        return [row for row in rows if row[0] not in dropped]

    def _walk(self, table, expression, filters, limit, relevance=None):
        """The newest `limit` rows that pass `filters`, read from FTS5 alone in slices of falling rowid.

        FTS5 serves `ORDER BY rowid DESC LIMIT n` by walking each term's list from its end and stopping, so
        a slice costs the same for a word in every article as for one in a hundred. Chosen facets are terms
        of the same index (`facet_expression`), so FTS5 walks only the articles that carry them. Joining the
        document table in the same statement made SQLite read every match first (4.5 s for a common word on
        100,000 articles), so the reader rule and the exact facet rule are applied to each slice's ids
        afterwards. At most MAX_SLICES slices are read. With `relevance`, bm25 is read into it as the walk
        goes (each statement reads every match of each word once for bm25's weights).
        """
        rank = f"-bm25({table}, {WEIGHTS[table]})" if relevance is not None else "0.0"
        chosen = facet_expression(filters)
        if chosen:
            expression = f"({expression}) AND {chosen}"
        rule, params = filter_sql(filters)
        size = max(limit, SLICE) if table == ARCHIVE else limit
        found, below = [], None
        for _ in range(MAX_SLICES):
            bound = "" if below is None else f"AND rowid < {int(below)} "
            with connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT rowid, {rank} FROM {table} WHERE {table} MATCH %s {bound}ORDER BY rowid DESC LIMIT %s",
                    [expression, size],
                )
                ranked = cursor.fetchall()
            if relevance is not None:
                relevance.update(ranked)
            ids = [row[0] for row in ranked]
            for start in range(0, len(ids), IDS_PER_STATEMENT):
                found += self._passing(ids[start : start + IDS_PER_STATEMENT], rule, params)
            if len(found) >= limit or len(ids) < size:
                break
            below, size = ids[-1], size * 4
        return found[:limit]

    def _passing(self, ids, rule, params):
        """Candidate rows of `ids` (at most IDS_PER_STATEMENT) whose documents pass `rule`, newest first."""
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {CANDIDATE_SQLITE_COLUMNS} FROM discovery_searchdocument d "
                f"WHERE d.page_id IN ({', '.join(['%s'] * len(ids))}) AND {rule}",
                [*ids, *params],
            )
            rows = cursor.fetchall()
        rows.sort(key=lambda row: row[0], reverse=True)
        return rows

    def snippets(self, parsed, page_ids):
        if not page_ids:
            return {}
        deepest = max(settings.NEWSDESK_SEARCH_CANDIDATES, settings.NEWSDESK_SEARCH_DEEP_CANDIDATES)
        if parsed.prefix and not self._typed_word_is_whole(parsed, deepest):
            return self._scratch_snippets(parsed, page_ids)
        # Whole words (a typed word taken whole for the deepest pool was taken whole for every page): one
        # `rowid = ?` per hit, as FTS5 seeks each id in the words' lists (`rowid IN (...)` read the whole list
        # of a common word, 2 s on 100,000 articles).
        whole = self._distinct_completions(parsed, whole=True) if parsed.prefix else parsed
        one = (
            f"SELECT rowid, snippet({ARCHIVE}, 3, %s, %s, '…', {SNIPPET_TOKENS}) FROM {ARCHIVE} "
            f"WHERE {ARCHIVE} MATCH %s AND rowid = %s"
        )
        expression = match_expression(whole, prefix_whole=True)
        params = [value for page_id in page_ids for value in (MARK_START, MARK_END, expression, page_id)]
        with connection.cursor() as cursor:
            cursor.execute(" UNION ALL ".join([one] * len(page_ids)), params)
            found = dict(cursor.fetchall())
        # A hit found by its headline as a prefix holds no whole word the body could show.
        missing = [page_id for page_id in page_ids if page_id not in found] if parsed.prefix else []
        return {**found, **self._scratch_snippets(parsed, missing)} if missing else found

    def _scratch_snippets(self, parsed, page_ids):
        """Snippets from a scratch FTS5 table holding only the hits' documents, in this connection's memory.

        A word being typed (a prefix) makes FTS5 merge the lists of every word it starts before it can find
        a row, once per row looked up (450 ms for "government"* and 20 hits on 20,000 articles). Indexing a
        page of documents afresh costs about 15 ms whatever the archive's size; the tokenizer is the
        archive's, so the same words are marked."""
        placeholders = ", ".join(["%s"] * len(page_ids))
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT page_id, {FTS_COLUMNS} FROM discovery_searchdocument WHERE page_id IN ({placeholders})",
                list(page_ids),
            )
            documents = cursor.fetchall()
            # Dropped after use rather than emptied: a DELETE tokenizes each document again.
            cursor.execute(f"CREATE VIRTUAL TABLE temp.{SCRATCH} USING fts5({FTS_COLUMNS}, tokenize={TOKENIZER})")
            try:
                cursor.executemany(
                    f"INSERT INTO temp.{SCRATCH} (rowid, {FTS_COLUMNS}) VALUES (%s, %s, %s, %s, %s)", documents
                )
                cursor.execute(
                    f"SELECT rowid, snippet({SCRATCH}, 3, %s, %s, '…', {SNIPPET_TOKENS}) FROM temp.{SCRATCH} "
                    f"WHERE {SCRATCH} MATCH %s",
                    [MARK_START, MARK_END, match_expression(parsed)],
                )
                return dict(cursor.fetchall())
            finally:
                cursor.execute(f"DROP TABLE temp.{SCRATCH}")


FTS_COLUMNS = "headline, standfirst, meta, body"
# Django stores datetimes here as naive UTC text; julianday() reads them to the millisecond.
CANDIDATE_SQLITE_COLUMNS = candidate_columns("d", "(julianday({}) - 2440587.5) * 86400.0")
# The archive index's tokenizer (migration 0002), so a scratch table marks the words the archive matched.
TOKENIZER = "'porter unicode61 remove_diacritics 2'"
SCRATCH = "discovery_snippetfts"
STEMS = "discovery_stems"  # a word per row, for its stem (`stems_of`)
ARCHIVE = "discovery_searchfts"  # headline, standfirst, meta, body, facet_terms (migrations 0002, 0008)
HEADLINES = "discovery_searchheadlinefts"  # the headline alone (migration 0005)
# bm25's column weights: headline, standfirst, meta (tags, bylines), body; facet terms (migration 0008) none.
WEIGHTS = {ARCHIVE: "10.0, 5.0, 3.0, 1.0, 0.0", HEADLINES: "1.0, 0.0"}
