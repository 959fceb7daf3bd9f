"""Hubs: the page of each entity readers can see, listing its published articles and the entities named beside it.

A hub exists while at least one published article shows the entity (`Entity.objects.with_published_articles()`);
the last one leaving takes the hub with it (404, out of the sitemap). Old slugs (a rename, a merge) redirect.
"""

from django.db.models import Count, Max
from django.urls import reverse

from newsdesk.articles.models import ArticlePage
from newsdesk.entities.models import ArticleEntity, Entity, EntityKind, LinkRole

# How many of the hub's newest articles the "appears with" list is counted over: the query stays bounded
# however much the desk has written about the entity, and recent company is what readers want.
CO_OCCURRENCE_WINDOW = 200
CO_OCCURRENCE_SHOWN = 8
# schema.org types per kind; a project or topic is no narrower than a Thing (https://schema.org/Thing).
SCHEMA_TYPES = {
    EntityKind.PERSON: "Person",
    EntityKind.ORGANISATION: "Organization",
    EntityKind.PLACE: "Place",
    EntityKind.EVENT: "Event",
    EntityKind.PROJECT: "Thing",
    EntityKind.TOPIC: "Thing",
}
# "In this story" lists what the article is about, at most this many.
STORY_ENTITIES = 6


def hub_path(entity) -> str:
    return reverse("entity_hub", kwargs={"slug": entity.slug})


def hub_for_slug(slug: str):
    """The entity with a hub at `slug` (current or former), or None when readers can see no article of it."""
    return Entity.objects.for_slug(slug).with_published_articles().select_related("image").first()


def hub_articles(entity):
    """The entity's published articles, newest first, ready for teaser cards."""
    visible = ArticleEntity.objects.visible_to_readers().filter(entity=entity).values("article_id")
    return ArticlePage.objects.teasers().filter(pk__in=visible)


def co_occurring(entity, limit: int = CO_OCCURRENCE_SHOWN) -> list:
    """The entities shown most often on the same published articles, most often first, with `shared`."""
    visible = ArticleEntity.objects.visible_to_readers()
    window = (
        visible.filter(entity=entity)
        .order_by("-article__first_published_at")
        .values("article_id")[:CO_OCCURRENCE_WINDOW]
    )
    counts = (
        visible.filter(article_id__in=window)
        .exclude(entity=entity)
        .values("entity_id")
        .annotate(shared=Count("article_id"))
        .order_by("-shared", "entity__name")[:limit]
    )
    shared = {row["entity_id"]: row["shared"] for row in counts}
    entities = Entity.objects.in_bulk(shared)
    found = [entities[pk] for pk in shared if pk in entities]
    for item in found:
        item.shared = shared[item.pk]
    return found


def reader_links(article) -> list:
    """The links shown on `article`'s own outputs (about first, then by mentions), read once per instance.

    Shown links, without asking again whether the article is published: its page, JSON-LD and ninjs exist
    only for those who may see the article, and it saves the view-restriction query on every page view.
    """
    if "_reader_links" not in article.__dict__:
        links = []
        if article.pk is not None:
            links = (
                ArticleEntity.objects.shown()
                .filter(article_id=article.pk)
                .select_related("entity")
                .order_by("role", "-mention_count", "entity__name")
            )
        article.__dict__["_reader_links"] = list(links)
    return article.__dict__["_reader_links"]


def story_entities(article, limit: int = STORY_ENTITIES) -> list:
    """The entities the article is about, for its "In this story" list."""
    return [link.entity for link in reader_links(article) if link.role == LinkRole.ABOUT][:limit]


def hub_rows() -> list[tuple]:
    """(hub path, newest publication) for every hub, for the sitemap."""
    rows = (
        ArticleEntity.objects.visible_to_readers()
        .values("entity__slug")
        .annotate(latest=Max("article__last_published_at"))
        .order_by("entity__slug")
    )
    return [(reverse("entity_hub", kwargs={"slug": row["entity__slug"]}), row["latest"]) for row in rows]
