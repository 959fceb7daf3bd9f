from django.http import Http404
from django.shortcuts import redirect, render

from newsdesk.articles.querysets import teaser_cards
from newsdesk.core.pagination import paginate
from newsdesk.entities import hubs


def hub_page(request, slug):
    entity = hubs.hub_for_slug(slug)
    if entity is None:
        # No published article shows it: even its name would tell of unpublished work.
        raise Http404("No such topic.")
    if entity.slug != slug:
        return redirect(hubs.hub_path(entity), permanent=True)
    page = paginate(hubs.hub_articles(entity), request)
    teaser_cards(page)
    context = {
        "entity": entity,
        "articles": page,
        "page_obj": page,
        "appears_with": hubs.co_occurring(entity),
    }
    return render(request, "entities/hub_page.html", context)
