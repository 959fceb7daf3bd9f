"""The query layer: one `search(SearchQuery)` over whichever backend the database or settings choose.

Work is bounded whatever the words: a backend returns at most `candidate_limit()` candidates (newest
matches, plus headline matches); ranking, facet counts and paging run over those in Python; snippets,
pages and labels are read for one page of hits only. When more articles match than the limit, the
total says "more than" (`total_is_capped`) rather than counting the archive.

The first pages are ranked within a smaller pool than deep ones: a reader rarely goes past page
three, and every candidate costs (its vector read and ranked, its row carried into facets). A page
beyond the pool ranks the deeper pool, as a search engine's rescoring window does.
"""

import math
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from newsdesk.articles.models import ArticlePage
from newsdesk.discovery.engine import ranking
from newsdesk.discovery.engine.backends import get_backend
from newsdesk.discovery.engine.backends.base import MARK_END, MARK_START, Candidate, Filters
from newsdesk.discovery.engine.facets import FacetValue, filtered_with_counts, label_facets
from newsdesk.discovery.engine.query import ParsedQuery, parse_query
from newsdesk.discovery.engine.suggestions import suggest, with_completions
from newsdesk.discovery.engine.turns import search_turn
from newsdesk.editorial.drafts import without_others_drafts

SORTS = ("relevance", "newest")
MAX_PER_PAGE = 100


def candidate_limit(query: "SearchQuery | None" = None) -> int:
    """How many matches are ranked together for `query`'s page: NEWSDESK_SEARCH_CANDIDATES for the first
    pages, NEWSDESK_SEARCH_DEEP_CANDIDATES for a page beyond those."""
    pool = settings.NEWSDESK_SEARCH_CANDIDATES
    if query is not None and query.page * query.per_page > pool:
        return max(pool, settings.NEWSDESK_SEARCH_DEEP_CANDIDATES)
    return pool


@dataclass(frozen=True)
class SearchQuery:
    text: str
    sections: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    years: tuple[int, ...] = ()
    entities: tuple[str, ...] = ()
    sort: str = "relevance"
    page: int = 1
    per_page: int = 20
    editor: AbstractBaseUser | None = None  # None: readers, published articles only

    def filters(self, now) -> Filters:
        return Filters(
            sections=tuple(self.sections),
            kinds=tuple(self.kinds),
            authors=tuple(self.authors),
            tags=tuple(self.tags),
            years=tuple(int(year) for year in self.years),
            entities=tuple(self.entities),
            readers=self.editor is None,
            now=now,
        )


@dataclass
class SearchHit:
    page_id: int
    score: float
    snippet: SafeString


@dataclass
class SearchResults:
    query: SearchQuery
    parsed: ParsedQuery
    hits: list[SearchHit] = field(default_factory=list)
    pages: list = field(default_factory=list)
    total: int = 0
    num_pages: int = 0
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    suggestion: str | None = None
    total_is_capped: bool = False  # more matched than were ranked: `total` is a lower bound ("more than")
    # Fewer matched than could be ranked, but only the newest articles were read (a phrase of common words,
    # see the PostgreSQL backend): `total` is a lower bound too.
    newest_only: bool = False

    @property
    def page(self) -> int:
        return self.query.page

    @property
    def has_next(self) -> bool:
        return self.query.page < self.num_pages

    @property
    def has_previous(self) -> bool:
        return self.query.page > 1


def search(query: SearchQuery) -> SearchResults:
    parsed = with_completions(parse_query(query.text))
    query = _bounded(query)
    results = SearchResults(query=query, parsed=parsed)
    if parsed.is_empty:
        return results
    with search_turn():
        _search(query, parsed, results)
    return results


def _search(query: SearchQuery, parsed: ParsedQuery, results: SearchResults) -> None:
    now = timezone.now()
    filters = query.filters(now)
    # Newest first needs no relevance: the index is not asked to rank.
    limit = candidate_limit(query)
    candidates, capped, partial = _candidates(parsed, filters, query.editor, limit, ranked=query.sort != "newest")
    matched, counts = filtered_with_counts(candidates, filters)
    results.facets = label_facets(counts, filters)
    ordered = ranking.ordered(matched, parsed, query.sort, now)
    results.total, results.total_is_capped = len(ordered), capped
    results.newest_only = partial and not capped
    results.num_pages = math.ceil(len(ordered) / query.per_page)
    if capped and limit < settings.NEWSDESK_SEARCH_DEEP_CANDIDATES:
        results.num_pages += 1  # the next page ranks the deeper pool
    start = (query.page - 1) * query.per_page
    _fill_page(results, ordered[start : start + query.per_page], parsed, query.editor)
    if results.total < SUGGEST_BELOW:
        results.suggestion = suggest(parsed, filters, found=results.total)


SUGGEST_BELOW = 3


def _bounded(query: SearchQuery) -> SearchQuery:
    per_page = min(max(int(query.per_page), 1), MAX_PER_PAGE)
    sort = query.sort if query.sort in SORTS else "relevance"
    return SearchQuery(**{**query.__dict__, "per_page": per_page, "page": max(int(query.page), 1), "sort": sort})


def _candidates(parsed, filters, editor, limit, *, ranked=True) -> tuple[list[Candidate], bool, bool]:
    """Candidates for the hits (facets applied) and for the facet counts (each kind's own choice lifted);
    whether more matched than `limit`, and whether a bounded read left older articles unread."""
    backend = get_backend()
    partial = False
    if filters.has_facets:
        # The counts' candidates are the first pages' pool on every page, so the counts stay put as the reader
        # pages on (and a deep page does not read a thousand more for them).
        counted = min(limit, settings.NEWSDESK_SEARCH_CANDIDATES)
        unchosen = backend.candidates(parsed, Filters(readers=filters.readers, now=filters.now), counted, ranked=ranked)
        found = {candidate.page_id: candidate for candidate in unchosen}
        if len(unchosen) < counted and not unchosen.partial:
            # Every match is in hand: the chosen facets' matches are among them (filtered_with_counts picks them).
            capped = False
        else:
            chosen = backend.candidates(parsed, filters, limit, ranked=ranked)
            capped, partial = len(chosen) >= limit, chosen.partial
            for candidate in chosen:
                found.setdefault(candidate.page_id, candidate)
    else:
        matches = backend.candidates(parsed, filters, limit, ranked=ranked)
        found = {candidate.page_id: candidate for candidate in matches}
        capped, partial = len(found) >= limit, matches.partial
    candidates = list(found.values())
    if editor is not None:
        visible = set(
            without_others_drafts(ArticlePage.objects.filter(pk__in=list(found)), editor).values_list("pk", flat=True)
        )
        candidates = [candidate for candidate in candidates if candidate.page_id in visible]
    return candidates, capped, partial


def _fill_page(results, ordered, parsed, editor):
    """Hits, snippets and pages for one page; the reader rule is checked again on the pages themselves."""
    ids = [candidate.page_id for candidate in ordered]
    if not ids:
        return
    pages = ArticlePage.objects.published() if editor is None else ArticlePage.objects.all()
    pages = pages.filter(pk__in=ids).select_related("hero_image").defer_streamfields()
    by_id = {page.pk: page for page in ArticlePage.attach_sections(pages)}
    snippets = get_backend().snippets(parsed, [pk for pk in ids if pk in by_id])
    for candidate in ordered:
        if candidate.page_id in by_id:
            results.hits.append(SearchHit(candidate.page_id, candidate.score, marked(snippets.get(candidate.page_id))))
            results.pages.append(by_id[candidate.page_id])


def marked(snippet: str | None) -> SafeString:
    """The snippet escaped as text, with only the backend's match markers turned into <mark>."""
    escaped = escape(snippet or "")
    return mark_safe(escaped.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))  # noqa: S308
