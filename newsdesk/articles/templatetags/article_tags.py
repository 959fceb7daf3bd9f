from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from newsdesk.articles.models import RECENT_COUNT, recent_articles
from newsdesk.articles.querysets import teaser_cards
from newsdesk.core import fragments

register = template.Library()


@register.simple_tag
def prefetch_images(article):
    """Inside the article's fragment: its images' renditions in one query, only when the fragment is rendered."""
    article.prefetch_images()
    return ""


@register.simple_tag(takes_context=True)
def recent_list(context, exclude=None):
    """The Recent list, leaving out `exclude` (the page showing it).

    Every article page shows nearly the same list, so its teasers are rendered once per generation of
    the page cache (core/fragments.py) for one article more than shown, and each page leaves itself out.
    """
    request = context.get("request")
    key = fragments.key_for(request, "recent-teasers", [])
    teasers = fragments.get(key) if key else None
    if teasers is None:
        articles = teaser_cards(recent_articles(count=RECENT_COUNT + 1, published=context.get("published_articles")))
        teasers = [
            (article.pk, render_to_string("articles/teaser.html", {"article": article}, request=request))
            for article in articles
        ]
        if key:
            fragments.put(key, teasers)
    exclude_pk = getattr(exclude, "pk", None)
    shown = [html for pk, html in teasers if pk != exclude_pk][:RECENT_COUNT]
    return render_to_string("articles/recent.html", {"teasers": [mark_safe(html) for html in shown]})  # noqa: S308
