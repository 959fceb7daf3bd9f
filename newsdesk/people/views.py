from django.shortcuts import get_object_or_404, render

from newsdesk.core.pagination import paginate
from newsdesk.people.models import Author


def author_page(request, slug):
    from newsdesk.articles.models import ArticlePage

    author = get_object_or_404(Author.objects.with_photo().prefetch_related("links"), slug=slug)
    articles = ArticlePage.objects.live().public().by_author(author).recent().for_listing()
    page = paginate(articles, request)
    return render(request, "people/author_page.html", {"author": author, "articles": page, "page_obj": page})
