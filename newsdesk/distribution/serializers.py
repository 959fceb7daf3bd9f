"""Plain-JSON shapes of articles, sections, authors and images for the read API."""

from django.db.models import Prefetch
from django.urls import reverse

from newsdesk.distribution.content import ArticleBatch
from newsdesk.distribution.feeds import FEEDS
from newsdesk.distribution.links import (
    CROPS,
    absolute,
    crop_renditions,
    iso,
    modified_at,
    original_url,
    page_url,
    safe_link,
    tag_url,
)
from newsdesk.distribution.published import (
    published_articles,
    published_sections,
    section_of,
    sections_by_path,
)


class BadParameter(Exception):
    """A query parameter the API refuses (400), naming the parameter."""

    def __init__(self, parameter: str, message: str):
        super().__init__(message)
        self.parameter = parameter
        self.message = message


def filter_articles(articles, *, section=None, author=None, tag=None, kind=None, published_after=None, published_before=None):
    """Narrow `articles`; an unknown section, author, tag or kind raises BadParameter naming it."""
    from taggit.models import Tag

    from newsdesk.articles.models import ArticleKind
    from newsdesk.people.models import Author

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
    from newsdesk.images.models import NewsImage

    return NewsImage.objects.filter(pk__in=published_articles().order_by().values("hero_image_id"))


def with_crops(queryset, lookup: str):
    """Prefetch the crop renditions we publish, so a page of images costs one extra query, not one each."""
    from newsdesk.images.models import NewsRendition

    crops = NewsRendition.objects.filter(filter_spec__in=list(CROPS.values()))
    return queryset.prefetch_related(Prefetch(f"{lookup}renditions" if lookup else "renditions", queryset=crops))


class ArticleSerializer:
    def __init__(self, request):
        self.request = request
        self._sections = None

    @property
    def section_map(self):
        if self._sections is None:
            self._sections = sections_by_path()
        return self._sections

    def summaries(self, articles) -> list[dict]:
        return [self.summary(article) for article in articles]

    def summary(self, article) -> dict:
        section = section_of(article, self.section_map)
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
            "tags": [{"slug": tag.slug, "name": tag.name, "url": tag_url(self.request, tag)}
                     for tag in article.tags.all() if tag.slug],
            "published_at": iso(article.published_at),
            "modified_at": iso(modified_at(article)),
            "hero_image": self.image(image, article.caption) if image else None,
            "ninjs_url": absolute(self.request, reverse("distribution:ninjs", kwargs={"pk": article.pk})),
        }

    def detail(self, article) -> dict:
        batch = ArticleBatch([article], self.request)
        document = self.summary(article)
        document["dateline"] = article.dateline
        document["body"] = [self.block(block, batch) for block in self.body_blocks(article)]
        document["corrections"] = [{"published_at": iso(c.published_at), "note": c.note} for c in article.newest_corrections]
        return document

    def body_blocks(self, article) -> list[dict]:
        return article.body.stream_block.get_api_representation(article.body, context={"request": self.request})

    def block(self, block: dict, batch: ArticleBatch) -> dict:
        value = block["value"]
        if block["type"] == "image" and isinstance(value, dict):
            image = batch.images.get(value.get("image"))
            value = {**value, "image": self.image(image, value.get("caption") or "") if image else None}
        elif block["type"] == "quote" and isinstance(value, dict):
            value = {**value, "source_url": safe_link(value.get("source_url") or "")}
        elif block["type"] == "also_see" and isinstance(value, dict):
            target = batch.pages.get(value.get("article"))
            value = {**value, "article": {"id": target.pk, "headline": target.title, "url": page_url(self.request, target)}
                     if target else None}
        return {"type": block["type"], "id": block.get("id"), "value": value}

    def sections(self, sections) -> list[dict]:
        return [
            {"id": section.pk, "slug": section.slug, "title": section.title, "description": section.description,
             "url": page_url(self.request, section), "feeds": self.feeds("section", section.slug)}
            for section in sections
        ]

    def authors(self, authors) -> list[dict]:
        return [
            {"slug": author.slug, "name": author.name, "kind": author.kind, "role": author.role, "bio": author.bio,
             "url": absolute(self.request, author.get_absolute_url()), "feeds": self.feeds("author", author.slug)}
            for author in authors
        ]

    def images(self, images) -> list[dict]:
        return [self.image(image, image.default_caption) for image in images]

    def image(self, image, caption: str) -> dict:
        renditions = crop_renditions(image)
        return {
            "id": image.pk, "title": image.title, "url": original_url(self.request, image),
            "width": image.width, "height": image.height, "alt_text": image.alt_text, "credit": image.credit,
            "licence": image.licence, "source_url": safe_link(image.source_url), "caption": caption or image.default_caption,
            "crops": {name: absolute(self.request, renditions[spec].url) for name, spec in CROPS.items() if spec in renditions},
        }

    def feeds(self, kind: str, slug: str) -> dict:
        return {
            fmt: absolute(self.request, reverse(f"distribution:{kind}_feed", kwargs={"slug": slug, "fmt": fmt}))
            for fmt in FEEDS
        }
