"""Names other rooms import for article listings; the definitions live with the model and its queryset."""

from newsdesk.articles.models import recent_articles
from newsdesk.articles.querysets import teaser_cards

__all__ = ["recent_articles", "teaser_cards"]
