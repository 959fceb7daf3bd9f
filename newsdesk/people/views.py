from django.shortcuts import get_object_or_404, render

from newsdesk.articles.reading import published_articles, teaser_cards
from newsdesk.core.pagination import paginate
from newsdesk.people.models import Author


def author_page(request, slug):
    author = get_object_or_404(Author.objects.with_photo().prefetch_related("links"), slug=slug)
    page = paginate(published_articles().by_author(author), request)
    teaser_cards(page)
    return render(request, "people/author_page.html", {"author": author, "articles": page, "page_obj": page})
