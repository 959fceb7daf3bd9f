"""Plain-JSON shapes of articles, sections, authors and images for the read API."""

from django.db.models import Prefetch
from django.urls import reverse
from taggit.models import Tag

from newsdesk.articles.models import ArticleKind, ArticlePage
from newsdesk.core.dates import iso_datetime
from newsdesk.core.html import safe_link
from newsdesk.distribution.content import ArticleBatch
from newsdesk.distribution.feeds import FEEDS
from newsdesk.distribution.links import CROPS, absolute, crop_renditions, original_url, page_url, tag_url
from newsdesk.distribution.published import feed_path, published_sections
from newsdesk.entities.hubs import hub_path
from newsdesk.entities.models import ArticleEntity, Entity
from newsdesk.images.models import NewsImage, NewsRendition
from newsdesk.people.models import Author


class BadParameter(Exception):
    """A query parameter the API refuses (400), naming the parameter."""

    def __init__(self, parameter: str, message: str):
        super().__init__(message)
        self.parameter = parameter
        self.message = message


def filter_articles(
    articles,
    *,
    section=None,
    author=None,
    tag=None,
    entity=None,
    kind=None,
    published_after=None,
    published_before=None,
):
    """Narrow `articles`; an unknown section, author, tag, entity or kind raises BadParameter naming it."""

    if section:
        found = published_sections().filter(slug=section).first()
        if found is None:
            raise BadParameter("section", f"No section with slug {section!r}.")
        articles = articles.in_section(found)
    if author:
        found = Author.objects.filter(slug=author).first()
        if found is None:
            raise BadParameter("author", f"No author with slug {author!r}.")
        articles = articles.by_author(found)
    if tag:
        if not Tag.objects.filter(slug=tag).exists():
            raise BadParameter("tag", f"No tag with slug {tag!r}.")
        articles = articles.tagged(tag)
    if entity:
        found = Entity.objects.filter(slug=entity).first()
        if found is None:
            raise BadParameter("entity", f"No entity with slug {entity!r}.")
        articles = articles.filter(
            pk__in=ArticleEntity.objects.visible_to_readers().filter(entity=found).values("article_id")
        )
    if kind:
        if kind not in ArticleKind.values:
            raise BadParameter("kind", f"Unknown kind {kind!r}. Known kinds: {', '.join(ArticleKind.values)}.")
        articles = articles.of_kind(kind)
    if published_after:
        articles = articles.filter(first_published_at__gte=published_after)
    if published_before:
        articles = articles.filter(first_published_at__lte=published_before)
    return articles


def published_images():
    return NewsImage.objects.filter(pk__in=ArticlePage.objects.published().values("hero_image_id"))


def with_crops(queryset, lookup: str):
    """Prefetch the crop renditions we publish, so a page of images costs one extra query, not one each."""
    crops = NewsRendition.objects.filter(filter_spec__in=list(CROPS.values()))
    return queryset.prefetch_related(Prefetch(f"{lookup}renditions" if lookup else "renditions", queryset=crops))


class ArticleSerializer:
    def __init__(self, request):
        self.request = request

    def summaries(self, articles) -> list[dict]:
        return [self.summary(article) for article in ArticlePage.attach_sections(articles)]

    def summary(self, article) -> dict:
        section = article.section
        image = article.hero_image if article.hero_image_id else None
        return {
            "id": article.pk,
            "url": page_url(self.request, article),
            "headline": article.title,
            "standfirst": article.standfirst,
            "teaser": article.teaser_text,
            "kind": article.kind,
            "section": self.sections([section])[0] if section else None,
            "authors": self.authors(article.authors),
            "tags": [
                {"slug": tag.slug, "name": tag.name, "url": tag_url(self.request, tag)}
                for tag in article.tag_list
                if tag.slug
            ],
            "published_at": iso_datetime(article.published_at),
            "modified_at": iso_datetime(article.modified_at),
            "hero_image": self.image(image, article.caption) if image else None,
            "ninjs_url": absolute(self.request, reverse("distribution:ninjs", kwargs={"pk": article.pk})),
        }

    def detail(self, article) -> dict:
        batch = ArticleBatch([article], self.request)
        document = self.summary(article)
        document["dateline"] = article.dateline
        output = ApiOutput(batch, self)
        children = article.body.stream_block.child_blocks
        document["body"] = [
            {
                "type": block["type"],
                "id": block.get("id"),
                "value": children[block["type"]].api_value(block["value"], output),
            }
            for block in self.body_blocks(article)
        ]
        document["corrections"] = [
            {"published_at": iso_datetime(c.published_at), "note": c.note} for c in article.newest_corrections
        ]
        return document

    def body_blocks(self, article) -> list[dict]:
        return article.body.stream_block.get_api_representation(article.body, context={"request": self.request})

    def sections(self, sections) -> list[dict]:
        return [
            {
                "id": section.pk,
                "slug": section.slug,
                "title": section.title,
                "description": section.description,
                "url": page_url(self.request, section),
                "feeds": self.feeds("section", section.slug),
            }
            for section in sections
        ]

    def authors(self, authors) -> list[dict]:
        return [
            {
                "slug": author.slug,
                "name": author.name,
                "kind": author.kind,
                "role": author.role,
                "bio": author.bio,
                "url": absolute(self.request, author.get_absolute_url()),
                "feeds": self.feeds("author", author.slug),
            }
            for author in authors
        ]

    def entities(self, entities) -> list[dict]:
        """Entities annotated by `with_published_articles()` (their `published_article_count`)."""
        return [
            {
                "slug": entity.slug,
                "name": entity.name,
                "kind": entity.kind,
                "description": entity.description,
                "same_as": [url for url in entity.same_as or [] if safe_link(url)],
                "url": absolute(self.request, hub_path(entity)),
                "article_count": entity.published_article_count,
                "feeds": self.feeds("entity", entity.slug),
            }
            for entity in entities
        ]

    def entity_detail(self, entity) -> dict:
        return {**self.entities([entity])[0], "aliases": [alias.name for alias in entity.aliases.all()]}

    def images(self, images) -> list[dict]:
        return [self.image(image, image.default_caption) for image in images]

    def image(self, image, caption: str) -> dict:
        renditions = crop_renditions(image)
        return {
            "id": image.pk,
            "title": image.title,
            "url": original_url(self.request, image),
            "width": image.width,
            "height": image.height,
            "alt_text": image.alt_text,
            "credit": image.credit,
            "licence": image.licence,
            "source_url": safe_link(image.source_url),
            "caption": caption or image.default_caption,
            "crops": {
                name: absolute(self.request, renditions[spec].url) for name, spec in CROPS.items() if spec in renditions
            },
        }

    def feeds(self, kind: str, slug: str) -> dict:
        return {fmt: absolute(self.request, feed_path(kind, slug, fmt)) for fmt in FEEDS}


class ApiOutput:
    """What body blocks need to state their API value (articles/blocks.py `api_value`): the batch's
    images and published targets, and the serializer's shapes for images and page addresses."""

    def __init__(self, batch: ArticleBatch, serializer: ArticleSerializer):
        self.images, self.pages, self.page_url = batch.images, batch.pages, batch.page_url
        self.image_document = serializer.image
