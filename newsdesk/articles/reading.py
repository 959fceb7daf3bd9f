"""What an article page shows around the article itself."""

from newsdesk.articles.querysets import ArticlePageQuerySet

RECENT_COUNT = 5


def recent_articles(exclude=None, count: int = RECENT_COUNT):
    from newsdesk.articles.models import ArticlePage

    articles: ArticlePageQuerySet = ArticlePage.objects.live().public().recent().for_listing()
    if exclude is not None:
        articles = articles.exclude(pk=exclude.pk)
    return list(articles[:count])


def article_context(article, request) -> dict:
    return {"recent_articles": recent_articles(exclude=article), "section": article.get_parent()}
