from django.http import Http404
from django.shortcuts import render
from taggit.models import Tag

from newsdesk.articles.models import ArticlePage, recent_articles
from newsdesk.articles.querysets import teaser_cards
from newsdesk.core.pagination import paginate


def tag_page(request, slug):
    tag = Tag.objects.filter(slug=slug).first()
    articles = ArticlePage.objects.teasers().tagged(slug)
    # A tag that only hidden articles carry has no page: its name alone would tell of unpublished work.
    if tag is None or not articles.exists():
        raise Http404("No such tag.")
    page = paginate(articles, request)
    teaser_cards(page)
    return render(request, "sections/tag_page.html", {"tag": tag, "articles": page, "page_obj": page})


def page_not_found(request, exception=None):
    """The themed 404: a search box and the latest articles, so a dead link still leads somewhere."""
    return render(request, "404.html", {"recent_articles": teaser_cards(recent_articles())}, status=404)
