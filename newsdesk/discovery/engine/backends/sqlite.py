"""SQLite's FTS5 over SearchDocument (table discovery_searchfts, made by migration 0002).

Ranking is bm25 with column weights (headline > standfirst > tags and bylines > body). Candidates are
read in rowid order, newest first, with a LIMIT, so FTS5 streams the match list and stops: a word in
every article costs as much as one in a thousand. bm25 is computed only for the rows returned.
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
        where, params = filter_sql(filters)
        weights = ", ".join(str(weight) for weight in WEIGHTS)
        sql = (
            f"SELECT {CANDIDATE_COLUMNS}, bm25(discovery_searchfts, {weights}) "
            "FROM discovery_searchfts JOIN discovery_searchdocument d ON d.page_id = discovery_searchfts.rowid "
            f"WHERE discovery_searchfts MATCH %s AND {where} "
            "ORDER BY discovery_searchfts.rowid DESC LIMIT %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [expression, *params, limit])
            rows = cursor.fetchall()
        # bm25 is lower for better matches; the query layer wants higher-is-better.
        return [candidate_from_row(_with_datetime(row), -row[8]) for row in rows]

    def snippets(self, parsed, page_ids):
        if not page_ids:
            return {}
        sql = (
            f"SELECT rowid, snippet(discovery_searchfts, 3, %s, %s, '…', {SNIPPET_TOKENS}) FROM discovery_searchfts "
            f"WHERE discovery_searchfts MATCH %s AND rowid IN ({', '.join(['%s'] * len(page_ids))})"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [MARK_START, MARK_END, match_expression(parsed), *page_ids])
            return dict(cursor.fetchall())


def _with_datetime(row):
    """Raw SQLite rows carry naive UTC datetimes (or text); the query layer compares aware ones."""
    published_at = row[7]
    if isinstance(published_at, str):
        published_at = datetime.fromisoformat(published_at)
    if published_at is not None and published_at.tzinfo is None:
        row = (*row[:7], published_at.replace(tzinfo=UTC), *row[8:])
    return row
