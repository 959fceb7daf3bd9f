from django import template

from newsdesk.articles.querysets import teaser_cards
from newsdesk.discovery.models import related_for_readers

register = template.Library()


@register.inclusion_tag("discovery/related.html", takes_context=True)
def related_articles(context, article):
    """The article's related list as readers see it: published pieces only, pinned first, excluded never."""
    return {"articles": teaser_cards(related_for_readers(article, published=context.get("published_articles")))}
