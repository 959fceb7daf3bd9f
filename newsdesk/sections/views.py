from django.http import Http404
from django.shortcuts import render
from taggit.models import Tag

from newsdesk.articles.reading import published_articles, recent_articles, teaser_cards
from newsdesk.core.pagination import paginate


def tag_page(request, slug):
    tag = Tag.objects.filter(slug=slug).first()
    if tag is None:
        raise Http404("No such tag.")
    page = paginate(published_articles().tagged(slug), request)
    teaser_cards(page)
    return render(request, "sections/tag_page.html", {"tag": tag, "articles": page, "page_obj": page})


def page_not_found(request, exception=None):
    """The themed 404: a search box and the latest articles, so a dead link still leads somewhere."""
    return render(request, "404.html", {"recent_articles": teaser_cards(recent_articles())}, status=404)
