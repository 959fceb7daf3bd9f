"""Addresses on the reader search page: each facet, chip, sort and page is a plain GET link.

Every link keeps the rest of the search (words, other facets, sort); choosing or removing a facet or
a sort goes back to page 1, since the old page number means nothing in the new results.
"""

from dataclasses import dataclass

from django.http import QueryDict

from newsdesk.discovery.params import FACET_PARAMS, chosen_facets

FACET_TITLES = {
    "section": "Section",
    "kind": "Type",
    "author": "Author",
    "tag": "Tag",
    "entity": "Topic",
    "year": "Year",
}
PAGE_WINDOW = 2  # page links either side of the current one


@dataclass
class FacetLink:
    label: str
    count: int
    selected: bool
    url: str  # selects the value, or removes it when selected


@dataclass
class FacetGroup:
    name: str
    title: str
    links: list[FacetLink]


@dataclass
class PageLink:
    number: int | None  # None: a gap ("…")
    url: str = ""
    current: bool = False


class SearchLinks:
    """Builds the page's links from the search the reader made."""

    def __init__(self, query):
        self.query = query
        self.chosen = chosen_facets(query)

    def url(self, *, text=None, chosen=None, sort=None, page=1) -> str:
        params = QueryDict(mutable=True)
        params["q"] = self.query.text if text is None else text
        for name, values in (self.chosen if chosen is None else chosen).items():
            params.setlist(name, list(values))
        sort = sort or self.query.sort
        if sort != "relevance":
            params["sort"] = sort
        if page > 1:
            params["page"] = str(page)
        return f"?{params.urlencode()}"

    def toggled(self, name: str, value: str) -> str:
        values = self.chosen[name]
        values = tuple(v for v in values if v != value) if value in values else (*values, value)
        return self.url(chosen={**self.chosen, name: values})

    def facet_groups(self, facets) -> list[FacetGroup]:
        groups = []
        for name in FACET_PARAMS:
            links = [
                FacetLink(value.label, value.count, value.selected, self.toggled(name, value.value))
                for value in facets.get(name, [])
            ]
            if links:
                groups.append(FacetGroup(name, FACET_TITLES[name], links))
        return groups

    def chips(self, facets) -> list[FacetLink]:
        """Each chosen facet value, labelled, with the link that removes it."""
        labels = {(name, value.value): value for name in FACET_PARAMS for value in facets.get(name, [])}
        chips = []
        for name in FACET_PARAMS:
            for value in self.chosen[name]:
                known = labels.get((name, value))
                label = f"{FACET_TITLES[name]}: {known.label if known else value}"
                chips.append(FacetLink(label, known.count if known else 0, True, self.toggled(name, value)))
        return chips

    def clear_all(self) -> str:
        return self.url(chosen={name: () for name in FACET_PARAMS})

    def sorts(self) -> list[tuple[str, str, bool]]:
        return [
            (label, self.url(sort=sort), sort == self.query.sort)
            for sort, label in (("relevance", "Relevance"), ("newest", "Newest first"))
        ]

    def pages(self, num_pages: int) -> list[PageLink]:
        """First, last and a window around the current page, with gaps between."""
        current = self.query.page
        shown = {1, num_pages, *range(current - PAGE_WINDOW, current + PAGE_WINDOW + 1)}
        links, previous = [], 0
        for number in sorted(n for n in shown if 1 <= n <= num_pages):
            if number > previous + 1:
                links.append(PageLink(None))
            links.append(PageLink(number, self.url(page=number), number == current))
            previous = number
        return links
