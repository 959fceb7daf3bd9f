from django.db.models import Prefetch, prefetch_related_objects
from django.shortcuts import render

from newsdesk.articles.models import ArticleByline, recent_articles
from newsdesk.core.pagination import PER_PAGE
from newsdesk.discovery.engine import search
from newsdesk.discovery.links import SearchLinks
from newsdesk.discovery.params import search_query

NEWEST_WHEN_NOTHING_MATCHED = 5


def search_view(request):
    """GET /search/?q=…: no session or CSRF token, so nothing about the reader is stored or sent back.

    Junk page numbers read as page 1; a page past the last is a 404 that still shows the form and a
    link to the first page, as core/pagination answers for other listings.
    """
    query = search_query(request.GET, per_page=PER_PAGE)
    links = SearchLinks(query)
    context = {"search_query": query.text, "query": query, "links": links, "results": None}
    if not query.text:
        return render(request, "discovery/search.html", context)
    results = search(query)
    past_the_end = query.page > max(results.num_pages, 1)
    _with_bylines(results.pages)
    context.update(
        results=results,
        past_the_end=past_the_end,
        hits=list(zip(results.hits, results.pages, strict=True)),
        first_number=(query.page - 1) * results.query.per_page + 1,
        facet_groups=links.facet_groups(results.facets),
        chips=links.chips(results.facets),
        page_links=links.pages(results.num_pages),
        previous_url=links.url(page=query.page - 1),
        next_url=links.url(page=query.page + 1),
        suggestion_url=links.url(text=results.suggestion) if results.suggestion else "",
        newest=recent_articles(count=NEWEST_WHEN_NOTHING_MATCHED) if not results.total else [],
    )
    return render(request, "discovery/search.html", context, status=404 if past_the_end else 200)


def _with_bylines(pages) -> None:
    bylines = ArticleByline.objects.select_related("author").order_by("sort_order")
    prefetch_related_objects(pages, Prefetch("bylines", queryset=bylines))
