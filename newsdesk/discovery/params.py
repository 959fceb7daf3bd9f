"""A search request's parameters read once, the same way for the reader page, the admin and the API.

`?q=…&section=business&section=technology&kind=news&author=…&tag=…&entity=…&year=2025&sort=newest&page=2`:
repeated facet parameters combine (OR within a kind, AND across kinds, as the engine counts them).
Nothing a visitor types can fail here: junk years and page numbers are dropped, text is cut to size.
"""

from newsdesk.discovery.engine import SearchQuery
from newsdesk.discovery.engine.facets import FACET_KINDS
from newsdesk.discovery.engine.query import MAX_QUERY_LENGTH
from newsdesk.discovery.engine.search import SORTS

FACET_PARAMS = tuple(FACET_KINDS)  # section, kind, author, tag, entity, year: the names used in addresses
MAX_VALUES_PER_FACET = 10
MAX_VALUE_LENGTH = 100
# Further than any archive reaches; a 20-digit page number stays a plain "no such page".
MAX_PAGE = 10**6


def clean_text(raw: str | None, limit: int = MAX_QUERY_LENGTH) -> str:
    """The visitor's text, NUL bytes and runs of spaces removed, cut to `limit` characters."""
    return " ".join((raw or "").replace("\x00", " ").split())[:limit]


def facet_values(params, name: str) -> tuple:
    """The distinct values chosen for one facet; years are four-digit numbers or nothing."""
    values = [clean_text(value, MAX_VALUE_LENGTH) for value in params.getlist(name)]
    values = [value for value in dict.fromkeys(values) if value][:MAX_VALUES_PER_FACET]
    if name == "year":
        return tuple(int(value) for value in values if value.isdigit() and len(value) == 4)
    return tuple(values)


def requested_page(raw: str | None) -> int:
    """A page number, 1 for anything that is not a positive number (as core/pagination reads them)."""
    raw = (raw or "").strip()
    if not raw.isascii() or not raw.isdigit() or int(raw) < 1:
        return 1
    return min(int(raw), MAX_PAGE)


def requested_sort(raw: str | None) -> str:
    return raw if raw in SORTS else SORTS[0]


def search_query(params, *, per_page: int, editor=None) -> SearchQuery:
    """The SearchQuery a GET request's parameters ask for."""
    return SearchQuery(
        text=clean_text(params.get("q")),
        sections=facet_values(params, "section"),
        kinds=facet_values(params, "kind"),
        authors=facet_values(params, "author"),
        tags=facet_values(params, "tag"),
        entities=facet_values(params, "entity"),
        years=facet_values(params, "year"),
        sort=requested_sort(params.get("sort")),
        page=requested_page(params.get("page")),
        per_page=per_page,
        editor=editor,
    )


def chosen_facets(query: SearchQuery) -> dict[str, tuple]:
    """{"section": (...), "kind": (...), ...}: the query's facet choices by parameter name."""
    return {name: tuple(str(value) for value in getattr(query, FACET_KINDS[name])) for name in FACET_PARAMS}
