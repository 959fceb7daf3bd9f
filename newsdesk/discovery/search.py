"""Site search over published articles, through Wagtail's configured search backend."""

MAX_QUERY_LENGTH = 200


def clean_query(raw: str) -> str:
    """The reader's words, trimmed; overly long input is cut rather than refused."""
    return " ".join((raw or "").split())[:MAX_QUERY_LENGTH]


def search_articles(query: str):
    from newsdesk.articles.models import ArticlePage

    if not query:
        return ArticlePage.objects.none()
    return ArticlePage.objects.live().public().select_related("hero_image").search(query, operator="and")
