"""Sitemaps (sitemaps.org 0.9) with the Google image extension, and a Google News sitemap.

The sections follow the hooks of Django's sitemaps framework (`items`, `location`, `lastmod`,
`limit`), written out with an XML generator rather than a template: a 50,000-URL page renders in
a fraction of the time and every value is escaped by construction.
"""

import datetime
import json
from xml.sax.saxutils import escape

from django.core.paginator import Paginator
from django.db.models import Max, TextField
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from taggit.models import Tag
from wagtail.models import Page, Site

from newsdesk.articles.models import ArticlePage
from newsdesk.core.dates import iso_datetime
from newsdesk.distribution.links import PageUrls, absolute, original_url, publication
from newsdesk.distribution.models import last_withdrawal
from newsdesk.distribution.text import XMLSafeGenerator, xml_safe
from newsdesk.entities import hubs
from newsdesk.images.models import NewsImage, credit_line
from newsdesk.people.models import Author

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
IMAGE_NS = "http://www.google.com/schemas/sitemap-image/1.1"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
# sitemaps.org caps a file at 50,000 URLs; Google News at 1,000 articles from the last two days.
MAX_URLS = 50_000
NEWS_MAX = 1_000
NEWS_WINDOW = datetime.timedelta(days=2)


class SitemapSection:
    """One paged section of the sitemap index."""

    name = ""
    limit = MAX_URLS

    def __init__(self, request):
        self.request = request

    def items(self):
        raise NotImplementedError

    @cached_property
    def paginator(self) -> Paginator:
        return Paginator(self.items(), self.limit, allow_empty_first_page=True)

    def latest_lastmod(self):
        raise NotImplementedError

    def entries(self, page_number: int) -> list[dict]:
        """[{"location", "lastmod", "images"}] for one page; raises EmptyPage past the end."""
        raise NotImplementedError

    def path(self, page_number: int) -> str:
        return reverse("distribution:sitemap", kwargs={"section": self.name, "page": page_number})


class ArticleSitemap(SitemapSection):
    name = "articles"
    # Rows, not Page instances: a 50,000-URL page cannot afford a model instance (and its URL lookup) per URL.
    FIELDS = (
        "pk",
        "url_path",
        "first_published_at",
        "last_published_at",
        "updated_at",
        "hero_image_id",
        "hero_caption",
    )

    def items(self):
        # Oldest first, so existing pages stay put as new articles are published.
        return (
            ArticlePage.objects.published()
            .order_by("first_published_at", "pk")
            .annotate(body_text=Cast("body", TextField()))
            .values(*self.FIELDS, "body_text")
        )

    def latest_lastmod(self):
        stats = ArticlePage.objects.published().aggregate(published=Max("last_published_at"), updated=Max("updated_at"))
        # A withdrawn article changes the page it was on without leaving a date behind.
        return max([stamp for stamp in (*stats.values(), last_withdrawal()) if stamp], default=None)

    def entries(self, page_number):
        rows = list(self.paginator.page(page_number).object_list)
        images = SitemapImages(self.request, rows)
        urls = PageUrls(self.request)
        return [
            {
                "location": urls(row["url_path"]),
                "lastmod": max(
                    stamp for stamp in (row["updated_at"], row["last_published_at"], row["first_published_at"]) if stamp
                ),
                "images": images.of(row),
            }
            for row in rows
        ]


class SitemapImages:
    """The image entries of a page of article rows, with every image loaded in one query."""

    def __init__(self, request, rows):
        self.request = request
        self.body_images = {row["pk"]: _body_images(row["body_text"]) for row in rows}
        wanted = {row["hero_image_id"] for row in rows if row["hero_image_id"]}
        wanted |= {block["image"] for blocks in self.body_images.values() for block in blocks}
        self.images = NewsImage.objects.in_bulk(wanted) if wanted else {}
        self._urls = {}

    def of(self, row) -> list[dict]:
        found = []
        hero = self.images.get(row["hero_image_id"])
        if hero is not None:
            found.append(self._entry(hero, row["hero_caption"] or hero.default_caption, hero.credit))
        for block in self.body_images[row["pk"]]:
            image = self.images.get(block["image"])
            if image is not None:
                found.append(
                    self._entry(
                        image, block.get("caption") or image.default_caption, image.credit_for(block.get("credit"))
                    )
                )
        return found

    def _entry(self, image, caption, credit) -> dict:
        if image.pk not in self._urls:
            self._urls[image.pk] = original_url(self.request, image)
        return {"loc": self._urls[image.pk], "caption": _caption_with_credit(caption, credit), "title": image.title}


def _body_images(body_text) -> list[dict]:
    if not body_text or '"image"' not in body_text:
        return []
    blocks = json.loads(body_text)
    return [
        block["value"] for block in blocks if block.get("type") == "image" and (block.get("value") or {}).get("image")
    ]


class PageSitemap(SitemapSection):
    """Home, sections and standard pages, plus the author, tag and topic hub pages that list published work."""

    name = "pages"

    @cached_property
    def rows(self) -> list[tuple]:
        return _site_pages(self.request) + _author_pages() + _tag_pages() + hubs.hub_rows()

    def items(self):
        return self.rows

    def latest_lastmod(self):
        stamps = [lastmod for _, lastmod in self.rows] + [last_withdrawal()]
        return max([stamp for stamp in stamps if stamp], default=None)

    def entries(self, page_number):
        return [
            {"location": absolute(self.request, path), "lastmod": lastmod, "images": []}
            for path, lastmod in self.paginator.page(page_number).object_list
        ]


def _site_pages(request) -> list[tuple]:
    site = Site.find_for_request(request)
    pages = Page.objects.live().public().descendant_of(site.root_page, inclusive=True).not_type(ArticlePage)
    return [(page.get_url(request), page.last_published_at) for page in pages.order_by("path")]


def _author_pages() -> list[tuple]:
    authors = (
        Author.objects.filter(bylines__article__in=ArticlePage.objects.published().values("pk"))
        .annotate(latest=Max("bylines__article__last_published_at"))
        .order_by("slug")
    )
    return [(author.get_absolute_url(), author.latest) for author in authors]


def _tag_pages() -> list[tuple]:
    tags = (
        Tag.objects.filter(articles_articletag_items__content_object__in=ArticlePage.objects.published().values("pk"))
        .exclude(slug="")  # a tag whose name had nothing to slugify has no page to list
        .annotate(latest=Max("articles_articletag_items__content_object__last_published_at"))
        .order_by("slug")
    )
    return [(reverse("tag", kwargs={"slug": tag.slug}), tag.latest) for tag in tags]


def _caption_with_credit(caption: str, credit: str) -> str:
    # The image extension has no credit element, so the credit rides in the caption as readers see it.
    return " ".join(part for part in (caption, credit_line(credit)) if part)


SECTIONS = {section.name: section for section in (ArticleSitemap, PageSitemap)}


def news_articles():
    since = timezone.now() - NEWS_WINDOW
    return (
        ArticlePage.objects.published()
        .recent()
        .filter(first_published_at__gte=since)
        .prefetch_related("tags")[:NEWS_MAX]
    )


# -- writers ------------------------------------------------------------------------------------


def write_urlset(out, entries: list[dict]) -> None:
    # Built as strings rather than through the SAX generator: a 50,000-URL page has ~400,000
    # elements, and the generator's per-element cost is most of the time it takes.
    parts = [f'<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="{SITEMAP_NS}" xmlns:image="{IMAGE_NS}">']
    for entry in entries:
        parts.append(f"<url><loc>{_text(entry['location'])}</loc>")
        if entry["lastmod"]:
            parts.append(f"<lastmod>{iso_datetime(entry['lastmod'])}</lastmod>")
        for image in entry["images"]:
            parts.append(f"<image:image><image:loc>{_text(image['loc'])}</image:loc>")
            if image["caption"]:
                parts.append(f"<image:caption>{_text(image['caption'])}</image:caption>")
            if image["title"]:
                parts.append(f"<image:title>{_text(image['title'])}</image:title>")
            parts.append("</image:image>")
        parts.append("</url>")
    parts.append("</urlset>")
    out.write("".join(parts))


def _text(value: str) -> str:
    return escape(xml_safe(value))


def write_index(out, sitemaps: list[tuple]) -> None:
    xml = _start(out, "sitemapindex", {"xmlns": SITEMAP_NS})
    for location, lastmod in sitemaps:
        xml.startElement("sitemap", {})
        xml.addQuickElement("loc", location)
        if lastmod:
            xml.addQuickElement("lastmod", iso_datetime(lastmod))
        xml.endElement("sitemap")
    _end(xml, "sitemapindex")


def write_news(out, request, articles) -> None:
    settings = publication(request)
    language = news_language(settings.language)
    urls = PageUrls(request)
    xml = _start(out, "urlset", {"xmlns": SITEMAP_NS, "xmlns:news": NEWS_NS})
    for article in articles:
        xml.startElement("url", {})
        xml.addQuickElement("loc", urls(article.url_path))
        xml.startElement("news:news", {})
        # Element order is fixed by the News sitemap XSD: publication, …, publication_date, title, keywords.
        xml.startElement("news:publication", {})
        xml.addQuickElement("news:name", settings.name)
        xml.addQuickElement("news:language", language)
        xml.endElement("news:publication")
        xml.addQuickElement("news:publication_date", iso_datetime(article.published_at))
        xml.addQuickElement("news:title", article.title)
        keywords = ", ".join(tag.name for tag in article.tags.all())
        if keywords:
            xml.addQuickElement("news:keywords", keywords)
        xml.endElement("news:news")
        xml.endElement("url")
    _end(xml, "urlset")


def news_language(code: str) -> str:
    """Google News takes ISO 639 codes, with zh-cn and zh-tw as the only regional forms."""
    code = (code or "en").lower().replace("_", "-")
    if code in ("zh-cn", "zh-tw"):
        return code
    return code.split("-")[0]


def _start(out, root: str, attributes: dict) -> XMLSafeGenerator:
    xml = XMLSafeGenerator(out, "utf-8", short_empty_elements=True)
    xml.startDocument()
    xml.startElement(root, attributes)
    return xml


def _end(xml, root: str) -> None:
    xml.endElement(root)
    xml.endDocument()
