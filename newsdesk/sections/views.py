from django.shortcuts import render
from django.http import Http404
from taggit.models import Tag

from newsdesk.core.pagination import paginate


def tag_page(request, slug):
    from newsdesk.articles.models import ArticlePage

    tag = Tag.objects.filter(slug=slug).first()
    if tag is None:
        raise Http404("No such tag.")
    articles = ArticlePage.objects.live().public().tagged(slug).recent().for_listing()
    page = paginate(articles, request)
    return render(request, "sections/tag_page.html", {"tag": tag, "articles": page, "page_obj": page})
