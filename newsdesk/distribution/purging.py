"""Every address whose bytes show an article: what Varnish or a CDN must drop when the article changes.

The page store in front of Django needs none of this (a purge makes all of it stale at once); these
lists are for frontend caches, which are told precisely. Article pages other than this one show it in
Recent and Also See: they are covered by a ban of the article tag (see core/pagecache/purge.py).
"""

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from wagtail.models import Page, ReferenceIndex

from newsdesk.articles.models import ArticlePage
from newsdesk.core import pagecache
from newsdesk.distribution import sitemaps
from newsdesk.entities.models import ArticleEntity, Entity

FEED_FORMATS = ("rss", "atom", "json")


def article_paths(article) -> set[str]:
    """Home, sitemaps and API lists, then everything that shows this article or an article whose Also See names it."""
    paths = {
        "/",
        reverse("distribution:sitemap_index"),
        reverse("distribution:news_sitemap"),
        reverse("distribution:api:list_articles"),
        reverse("distribution:api:list_sections"),
        reverse("distribution:api:list_authors"),
        reverse("distribution:api:list_images"),
        reverse("distribution:api:list_entities"),
    }
    paths |= _feeds("distribution:feed") | _sitemap_pages() | _own_paths(article)
    for referrer in _articles_pointing_at(article):
        paths |= _own_paths(referrer)
    return paths


def _own_paths(article) -> set[str]:
    """The article's page, API detail and ninjs; its section's, authors' and tags' pages, feeds and API entries."""
    paths = {
        reverse("distribution:ninjs", kwargs={"pk": article.pk}),
        reverse("distribution:api:get_article", kwargs={"article_id": article.pk}),
    }
    url_parts = article.get_url_parts()
    if url_parts:
        paths.add(url_parts[2])
    section = article.get_parent()
    if section is not None and section.depth > 2:
        section_parts = section.get_url_parts()
        if section_parts:
            paths.add(section_parts[2])
        paths |= _feeds("distribution:section_feed", slug=section.slug)
        paths.add(reverse("distribution:api:get_section", kwargs={"slug": section.slug}))
    for byline in article.bylines.select_related("author"):
        slug = byline.author.slug
        paths |= {
            reverse("author", kwargs={"slug": slug}),
            reverse("distribution:api:get_author", kwargs={"slug": slug}),
        }
        paths |= _feeds("distribution:author_feed", slug=slug)
    for tag in article.tags.all():
        paths.add(reverse("tag", kwargs={"slug": tag.slug}))
        paths |= _feeds("distribution:tag_feed", slug=tag.slug)
    if article.hero_image_id:
        paths.add(reverse("distribution:api:get_image", kwargs={"image_id": article.hero_image_id}))
    # Every hub showing the article lists it, and counts its other entities among those "often named with".
    for entity in Entity.objects.filter(pk__in=ArticleEntity.objects.shown().filter(article=article).values("entity")):
        paths |= entity_paths(entity)
    return paths


def entity_paths(entity) -> set[str]:
    """An entity's hub, its feeds and its API entry."""
    return {
        reverse("entity_hub", kwargs={"slug": entity.slug}),
        reverse("distribution:api:get_entity", kwargs={"slug": entity.slug}),
    } | _feeds("distribution:entity_feed", slug=entity.slug)


def _articles_pointing_at(article) -> list:
    """Published articles whose body links to this one (Also See), found through Wagtail's reference index."""
    sources = (
        ReferenceIndex.get_references_to(article)
        .filter(base_content_type=ContentType.objects.get_for_model(Page))
        .values_list("object_id", flat=True)
    )
    return list(ArticlePage.objects.published().filter(pk__in=[int(pk) for pk in sources]))


def live_article_paths(article) -> set[str]:
    """What the article shows on as the database has it now (before an edit is saved), if it is live."""
    if article.pk is None:
        return set()
    before = type(article).objects.filter(pk=article.pk, live=True).first()
    return article_paths(before) if before is not None else set()


def _feeds(name: str, **kwargs) -> set[str]:
    return {reverse(name, kwargs={**kwargs, "fmt": fmt}) for fmt in FEED_FORMATS}


def _sitemap_pages() -> set[str]:
    article_count = ArticlePage.objects.published().count()
    pages = max(1, -(-article_count // sitemaps.ArticleSitemap.limit))
    return {sitemaps.ArticleSitemap(None).path(n) for n in range(1, pages + 1)} | {sitemaps.PageSitemap(None).path(1)}


def purge_entity_links(article_id: int, entity_ids) -> None:
    """Links readers see (or saw) on a published article: that article's addresses and the entities' hubs."""
    article = ArticlePage.objects.published().filter(pk=article_id).first()
    if article is None:
        return
    paths = set()
    if pagecache.frontend_caches_configured():  # the entities are read only when there are addresses to tell
        paths = article_paths(article)
        for entity in Entity.objects.filter(pk__in=entity_ids):
            paths |= entity_paths(entity)
    pagecache.purge(paths)


def purge_article(article, paths_before=()) -> None:
    """A change to a live article, or one leaving: its addresses before and after, and every article page (Recent)."""
    paths = set(paths_before)
    if pagecache.frontend_caches_configured():
        paths |= article_paths(article)
    pagecache.purge(paths, tags={pagecache.ARTICLE_TAG})
