"""SQLite's FTS5 over SearchDocument (table discovery_searchfts, made by migration 0002).

Ranking is bm25 with column weights (headline > standfirst > tags and bylines > body). Candidates are
read from the FTS5 table alone in rowid order, newest first, with a LIMIT, so FTS5 walks the match
list from its end and stops: a word in every article costs about as much as one in a thousand. The
reader rule and facets are applied to those ids afterwards (see `_matches`).
"""

from datetime import UTC, datetime

from django.db import connection

from newsdesk.discovery.engine.backends.base import (
    CANDIDATE_COLUMNS,
    HEADLINE_CANDIDATES,
    MARK_END,
    MARK_START,
    SearchBackend,
    candidate_from_row,
    filter_sql,
)

WEIGHTS = (10.0, 5.0, 3.0, 1.0)  # headline, standfirst, meta (tags, bylines), body
SNIPPET_TOKENS = 32
SLICE = 1000  # ids read from FTS5 at a time (the next slice is 4 times larger)
FACETED_SLICE_FACTOR = 4  # with facets chosen, fewer of each slice pass
MAX_SLICES = 3
IDS_PER_STATEMENT = 900  # below SQLite's limit on bound parameters in older builds


def quoted(words: str) -> str:
    return '"' + words.replace('"', '""') + '"'


def match_expression(parsed, column: str = "") -> str:
    """FTS5 query syntax from plain words only: every word quoted, so no reader text is an operator."""
    positive = [quoted(term) for term in parsed.terms]
    positive += [quoted(" ".join(phrase)) for phrase in parsed.phrases]
    if parsed.prefix:
        positive.append(quoted(parsed.prefix) + "*")
    expression = " AND ".join(positive)
    if column:
        expression = f"{{{column}}} : ({expression})"
    for excluded in parsed.excluded:
        expression = f"({expression}) NOT {quoted(excluded)}"
    return expression


class FTS5Backend(SearchBackend):
    name = "sqlite"

    def candidates(self, parsed, filters, limit):
        found = {}
        for expression, count in (
            (match_expression(parsed, "headline"), HEADLINE_CANDIDATES),
            (match_expression(parsed), limit),
        ):
            for candidate in self._matches(expression, filters, count):
                found.setdefault(candidate.page_id, candidate)
        return list(found.values())

    def _matches(self, expression, filters, limit):
        """The newest `limit` matches that pass `filters`, read from FTS5 alone in slices of falling rowid.

        FTS5 serves `ORDER BY rowid DESC LIMIT n` by walking each term's list from its end and stopping, so
        a slice costs the same for a word in every article as for one in a hundred. Joining the document
        table in the same statement made SQLite read every match first (4.5 s for a common word on 100,000
        articles), so filters are applied to each slice's ids afterwards. At most MAX_SLICES slices are read:
        a rare facet under a common word gives fewer candidates rather than a scan of the archive.
        """
        weights = ", ".join(str(weight) for weight in WEIGHTS)
        where, params = filter_sql(filters)
        found, below, size = [], None, max(limit, SLICE) * (FACETED_SLICE_FACTOR if filters.has_facets else 1)
        for _ in range(MAX_SLICES):
            bound = "" if below is None else f"AND rowid < {int(below)} "
            with connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT rowid, bm25(discovery_searchfts, {weights}) FROM discovery_searchfts "
                    f"WHERE discovery_searchfts MATCH %s {bound}ORDER BY rowid DESC LIMIT %s",
                    [expression, size],
                )
                ranked = cursor.fetchall()
            if not ranked:
                break
            found += self._passing(ranked, where, params)
            if len(found) >= limit or len(ranked) < size:
                break
            below, size = ranked[-1][0], size * 4
        return found[:limit]

    def _passing(self, ranked, where, params):
        """Candidates for the (rowid, bm25) pairs whose documents pass the filters, newest first."""
        relevance = dict(ranked)
        ids = list(relevance)
        rows = []
        with connection.cursor() as cursor:
            for start in range(0, len(ids), IDS_PER_STATEMENT):
                chunk = ids[start : start + IDS_PER_STATEMENT]
                cursor.execute(
                    f"SELECT {CANDIDATE_COLUMNS} FROM discovery_searchdocument d "
                    f"WHERE d.page_id IN ({', '.join(['%s'] * len(chunk))}) AND {where}",
                    [*chunk, *params],
                )
                rows += cursor.fetchall()
        rows.sort(key=lambda row: row[0], reverse=True)
        # bm25 is lower for better matches; the query layer wants higher-is-better.
        return [candidate_from_row(_with_datetime(row), -relevance[row[0]]) for row in rows]

    def snippets(self, parsed, page_ids):
        if not page_ids:
            return {}
        # Whole words: one `rowid = ?` per hit, as FTS5 seeks each id in the words' lists (`rowid IN (...)`
        # read the whole list of a common word, 2 s on 100,000 articles). A word being typed is matched as
        # a prefix, whose list FTS5 first merges from every word it starts, once per statement (80 ms for
        # "government"* on 100,000 articles): then one statement for all hits.
        expression = match_expression(parsed)
        columns = f"rowid, snippet(discovery_searchfts, 3, %s, %s, '…', {SNIPPET_TOKENS}) FROM discovery_searchfts"
        with connection.cursor() as cursor:
            if parsed.prefix:
                cursor.execute(
                    f"SELECT {columns} WHERE discovery_searchfts MATCH %s "
                    f"AND rowid IN ({', '.join(['%s'] * len(page_ids))})",
                    [MARK_START, MARK_END, expression, *page_ids],
                )
            else:
                one = f"SELECT {columns} WHERE discovery_searchfts MATCH %s AND rowid = %s"
                params = [value for page_id in page_ids for value in (MARK_START, MARK_END, expression, page_id)]
                cursor.execute(" UNION ALL ".join([one] * len(page_ids)), params)
            return dict(cursor.fetchall())


def _with_datetime(row):
    """Raw SQLite rows carry naive UTC datetimes (or text); the query layer compares aware ones."""
    published_at = row[7]
    if isinstance(published_at, str):
        published_at = datetime.fromisoformat(published_at)
    if published_at is not None and published_at.tzinfo is None:
        row = (*row[:7], published_at.replace(tzinfo=UTC), *row[8:])
    return row
