"""What reader pages show around articles, loaded in a fixed number of queries."""

from django.db.models import Prefetch, prefetch_related_objects

from newsdesk.images.renditions import prefetch_renditions

RECENT_COUNT = 5


def published_articles():
    from newsdesk.articles.models import ArticlePage

    return ArticlePage.objects.live().public().recent().for_teasers()


def teaser_cards(articles) -> list:
    """`articles` as a list, with the thumbnails' renditions loaded in one query."""
    articles = list(articles)
    prefetch_renditions([article.hero_image for article in articles])
    return articles


def recent_articles(exclude=None, count: int = RECENT_COUNT) -> list:
    articles = published_articles()
    if exclude is not None and exclude.pk:
        articles = articles.exclude(pk=exclude.pk)
    return list(articles[:count])


def prefetch_bylines(article) -> None:
    """Bylines with their authors, photos and links in fixed queries, for the page and its metadata."""
    from newsdesk.articles.models import ArticleByline

    bylines = ArticleByline.objects.select_related("author__photo").prefetch_related("author__links")
    prefetch_related_objects([article], Prefetch("bylines", queryset=bylines))


def article_context(article, request) -> dict:
    prefetch_bylines(article)
    recent = recent_articles(exclude=article)
    # Every image the page shows, so that their renditions come in one query (see images/renditions.py).
    prefetch_renditions(
        [article.hero_image]
        + article.body_images()
        + [author.photo for author in article.authors]
        + [item.hero_image for item in recent]
    )
    return {"recent_articles": recent, "breadcrumbs": article.get_ancestors().filter(depth__gt=1)}
