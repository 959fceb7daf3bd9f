from django.shortcuts import render

from newsdesk.core.pagination import paginate
from newsdesk.discovery.search import clean_query, search_articles
from newsdesk.images.renditions import prefetch_renditions


def search(request):
    """GET /search/?q=…: no session or CSRF token, so results pages stay cacheable."""
    query = clean_query(request.GET.get("q", ""))
    page = paginate(search_articles(query), request)
    prefetch_renditions([article.hero_image for article in page])
    return render(request, "discovery/search.html", {"search_query": query, "articles": page, "page_obj": page})
