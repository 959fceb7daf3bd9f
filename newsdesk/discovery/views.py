from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render

from newsdesk.core.pagination import PER_PAGE
from newsdesk.discovery.engine import SearchQuery, search
from newsdesk.discovery.engine.query import MAX_QUERY_LENGTH
from newsdesk.images.renditions import prefetch_renditions


class ResultsPaginator(Paginator):
    """Django's paginator over a results page the engine already cut: count and pages come from the engine."""

    def __init__(self, results):
        super().__init__([], results.query.per_page)
        self.results = results

    @property
    def count(self):
        return self.results.total


def clean_query(raw: str) -> str:
    """The reader's text, trimmed; overly long input is cut rather than refused (the engine parses it safely)."""
    return " ".join((raw or "").replace("\x00", " ").split())[:MAX_QUERY_LENGTH]


def requested_page(request) -> int:
    raw = request.GET.get("page", "1")
    return int(raw) if raw.isdigit() and int(raw) > 0 else 1


def search_view(request):
    """GET /search/?q=…: no session or CSRF token, so results pages stay cacheable."""
    query = clean_query(request.GET.get("q", ""))
    results = search(SearchQuery(text=query, page=requested_page(request), per_page=PER_PAGE)) if query else None
    page = None
    if results is not None:
        if results.query.page > max(results.num_pages, 1):
            raise Http404("No such page of results.")
        paginator = ResultsPaginator(results)
        page = paginator.page(1) if not results.num_pages else paginator.page(results.query.page)
        page.object_list = results.pages
        prefetch_renditions([article.hero_image for article in results.pages])
    return render(
        request,
        "discovery/search.html",
        {"search_query": query, "articles": results.pages if results else [], "page_obj": page, "results": results},
    )
