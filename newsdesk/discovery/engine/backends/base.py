"""What every search backend gives the query layer: bounded candidates, snippets for one page of hits.

A backend answers "which documents match, and how well" for at most `limit` documents, newest
matches first, plus the newest matches of the headline alone (so an old article searched by its
headline is still a candidate). Ranking, facets, paging and the reader rule live above, in
engine/search.py, the same for every backend.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db import connection

# Snippet markers the index's text never contains (documents.py strips them), escaped-around later.
MARK_START = "\ue000"
MARK_END = "\ue001"
HEADLINE_CANDIDATES = 200


@dataclass
class Candidate:
    page_id: int
    relevance: float
    headline: str
    section: str
    kind: str
    authors: str
    tags: str
    year: int | None
    published: float | None  # seconds since the epoch: ranked and sorted as a number, never parsed as a date
    entities: str = ""
    score: float = 0.0


class Candidates(list):
    """A backend's candidates; `partial` when a bounded read left older matches unread, so that however
    few came back, the count is a lower bound."""

    partial = False


@dataclass(frozen=True)
class Filters:
    """Facet selections (OR within a kind, AND across kinds) and whose view applies."""

    sections: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    years: tuple[int, ...] = ()
    entities: tuple[str, ...] = ()
    readers: bool = True  # False: an editor's search, drafts included (engine narrows to what they may see)
    now: datetime | None = None

    def without(self, kind: str) -> "Filters":
        return Filters(**{**self.__dict__, kind: ()})

    @property
    def has_selective_facets(self) -> bool:
        """A choice that few articles carry (an author, a tag, an entity): better read from its own index."""
        return bool(self.authors or self.tags or self.entities)

    @property
    def has_facets(self) -> bool:
        return bool(self.sections or self.kinds or self.authors or self.tags or self.years or self.entities)


# Entities last, after the columns whose positions the backends read by number. Each backend reads
# published_at as epoch seconds (`candidate_columns`): a search reads hundreds of candidates, and making
# each an aware datetime cost more than ranking them.
CANDIDATE_COLUMNS = "d.page_id, d.headline, d.section, d.kind, d.authors, d.tags, d.year, d.published_at, d.entities"
CANDIDATE_WIDTH = len(CANDIDATE_COLUMNS.split(","))


def candidate_columns(alias: str, epoch_of: str) -> str:
    """CANDIDATE_COLUMNS of the table aliased `alias`, published_at as `epoch_of` (a format with {}) gives it."""
    columns = CANDIDATE_COLUMNS.replace("d.", f"{alias}.")
    return columns.replace(f"{alias}.published_at", epoch_of.format(f"{alias}.published_at"))


def filter_sql(filters: Filters, alias: str = "d") -> tuple[str, list]:
    """A WHERE fragment over SearchDocument columns (placeholders %s, as Django's cursors take on every database)."""
    clauses, params = [], []
    if filters.readers:
        clauses.append(
            f"{alias}.live AND {alias}.is_public AND ({alias}.go_live_at IS NULL OR {alias}.go_live_at <= %s)"
            f" AND ({alias}.expire_at IS NULL OR {alias}.expire_at > %s)"
        )
        now = connection.ops.adapt_datetimefield_value(filters.now)
        params += [now, now]
    for column, values in (("section", filters.sections), ("kind", filters.kinds), ("year", filters.years)):
        if values:
            clauses.append(f"{alias}.{column} IN ({', '.join(['%s'] * len(values))})")
            params += list(values)
    for column, values in (("authors", filters.authors), ("tags", filters.tags), ("entities", filters.entities)):
        if values and connection.vendor == "postgresql":
            # The expression of the column's GIN index (discovery migration 0007), so the index can serve it.
            clauses.append(f"string_to_array({alias}.{column}, '|') && %s::text[]")
            params.append(list(values))
        elif values:
            clauses.append("(" + " OR ".join([f"{alias}.{column} LIKE %s"] * len(values)) + ")")
            params += [f"%|{value}|%" for value in values]
    return (" AND ".join(clauses) or "1=1"), params


def candidate_from_row(row, relevance: float) -> Candidate:
    return Candidate(row[0], relevance, *row[1:CANDIDATE_WIDTH])


class SearchBackend:
    """One database's full-text engine under the query layer."""

    name = "base"

    def candidates(self, parsed, filters: Filters, limit: int, *, ranked: bool = True) -> Candidates:
        """Up to `limit` newest matches, plus the newest headline matches; relevance higher is better.

        With `ranked` False (newest first, or only whether anything matches) relevance may be left at 0."""
        raise NotImplementedError

    def snippets(self, parsed, page_ids: list[int]) -> dict[int, str]:
        """Body extracts for `page_ids`, matched words between MARK_START and MARK_END (not yet escaped)."""
        raise NotImplementedError
