"""Site search over published articles, through Wagtail's configured search backend."""

from newsdesk.articles.models import ArticlePage

MAX_QUERY_LENGTH = 200


# Characters that SQLite FTS5 (the embedded search backend) reads as query syntax: a stray one is a
# syntax error there, and readers mean words anyway.
QUERY_SYNTAX = str.maketrans({char: " " for char in '"*()^:{}[]+\\'})


def clean_query(raw: str) -> str:
    """The reader's words, trimmed; overly long input is cut rather than refused."""
    words = (raw or "").translate(QUERY_SYNTAX).replace("\x00", " ")
    return " ".join(words.split())[:MAX_QUERY_LENGTH]


def search_articles(query: str):
    if not query:
        return ArticlePage.objects.none()
    return ArticlePage.objects.published().select_related("hero_image").search(query, operator="and")
