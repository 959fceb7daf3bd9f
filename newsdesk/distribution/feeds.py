"""RSS 2.0, Atom 1.0 and JSON Feed 1.1 of the published articles, as Django syndication hook classes.

One `ArticleFeed` holds the hooks; each format is a generator class that adds what its standard
allows beyond Django's defaults: full content, every author, and the lead image with its credit
(Media RSS, https://www.rssboard.org/media-rss).
"""

import html
import json

from django.contrib.syndication.views import Feed
from django.utils import feedgenerator
from django.utils.feedgenerator import rfc3339_date
from django.utils.html import escape
from wagtail.images.models import SourceImageIOError

from newsdesk.articles.models import ArticlePage
from newsdesk.distribution.content import ArticleBatch
from newsdesk.distribution.links import absolute, image_mime_type, original_url, page_url, publication
from newsdesk.distribution.text import xml_safe_data

FEED_SIZE = 100
MEDIA_NS = "http://search.yahoo.com/mrss/"


class XMLSafeMixin:
    """Drops XML-illegal characters from every value before the document is written, so one pasted
    control character costs that character, not the whole feed."""

    def write(self, outfile, encoding):
        self.feed = xml_safe_data(self.feed)
        self.items = [xml_safe_data(item) for item in self.items]
        super().write(outfile, encoding)


class MediaElementsMixin:
    """Writes `media:content` with credit and description for an item's lead image."""

    def add_media(self, handler, item):
        image = item.get("image")
        if not image:
            return
        handler.startElement(
            "media:content",
            {
                "url": image["url"],
                "type": image["type"],
                "medium": "image",
                "width": str(image["width"]),
                "height": str(image["height"]),
                "fileSize": str(image["size"]),
            },
        )
        if image["caption"]:
            handler.addQuickElement("media:description", image["caption"], {"type": "plain"})
        if image["credit"]:
            handler.addQuickElement("media:credit", image["credit"])
        if image["alt"]:
            handler.addQuickElement("media:text", image["alt"], {"type": "plain"})
        handler.endElement("media:content")


class RssGenerator(XMLSafeMixin, MediaElementsMixin, feedgenerator.Rss201rev2Feed):
    """RSS 2.0. Readers render an RSS title, description, category and creator as HTML, so the plain
    text we hold (headlines, tag names, section descriptions, author names and bios) is HTML-escaped
    for them: "<b>" typed by a writer reads as those three characters, never as markup."""

    def write(self, outfile, encoding):
        self.feed = {**self.feed, "title": escape(self.feed["title"]), "description": escape(self.feed["description"])}
        super().write(outfile, encoding)

    def rss_attributes(self):
        return {
            **super().rss_attributes(),
            "xmlns:media": MEDIA_NS,
            "xmlns:content": "http://purl.org/rss/1.0/modules/content/",
            "xmlns:dc": "http://purl.org/dc/elements/1.1/",
        }

    def add_item_elements(self, handler, item):
        item = {**item, "title": escape(item["title"]), "categories": [escape(name) for name in item["categories"]]}
        super().add_item_elements(handler, item)
        # RSS <author> must be an e-mail address; names go in dc:creator, one per byline.
        for author in item["authors"]:
            handler.addQuickElement("dc:creator", escape(author["name"]))
        handler.addQuickElement("content:encoded", item["content_html"])
        self.add_media(handler, item)


class AtomGenerator(XMLSafeMixin, MediaElementsMixin, feedgenerator.Atom1Feed):
    # Atom's title, subtitle, category term and author name are plain text by the standard: no escaping beyond XML's.

    def root_attributes(self):
        return {**super().root_attributes(), "xmlns:media": MEDIA_NS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for author in item["authors"]:
            handler.startElement("author", {})
            handler.addQuickElement("name", author["name"])
            handler.addQuickElement("uri", author["url"])
            handler.endElement("author")
        handler.addQuickElement("content", item["content_html"], {"type": "html"})
        self.add_media(handler, item)


class JsonFeedGenerator(feedgenerator.SyndicationFeed):
    """JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/)."""

    content_type = "application/feed+json; charset=utf-8"

    def write(self, outfile, encoding):
        outfile.write(json.dumps(self.document(), ensure_ascii=False, indent=1))

    def document(self) -> dict:
        feed = self.feed
        return {
            "version": "https://jsonfeed.org/version/1.1",
            "title": feed["title"],
            "home_page_url": feed["link"],
            "feed_url": feed["feed_url"],
            "description": feed["description"],
            "language": feed["language"],
            "items": [self.item_document(item) for item in self.items],
        }

    def item_document(self, item) -> dict:
        document = {
            "id": item["unique_id"],
            "url": item["link"],
            "title": item["title"],
            "summary": html.unescape(item["description"]),  # JSON Feed's summary is plain text
            "content_html": item["content_html"],
            "date_published": rfc3339_date(item["pubdate"]),
            "date_modified": rfc3339_date(item["updateddate"]),
            "authors": item["authors"],
            "tags": item["categories"],
        }
        if item.get("image"):
            image = item["image"]
            document["image"] = image["url"]
            # Extension object (JSON Feed 1.1 §"Extensions"): the credit and caption readers must show.
            document["_media"] = {"credit": image["credit"], "caption": image["caption"], "alt": image["alt"]}
        return document


def _file_size(image):
    """The image file's size in bytes (stored on the image once read), or None when the file is missing."""
    try:
        return image.get_file_size()
    except SourceImageIOError:
        return None


class ArticleFeed(Feed):
    """The hooks every format shares; the scope (site, section, author, tag) is passed in by the view."""

    format = "rss"

    def __call__(self, request, scope):
        self.request = request
        self.language = self.publication.language
        return super().__call__(request, scope=scope)

    def get_object(self, request, scope):
        return scope

    def title(self, scope):
        site_name = self.publication.name
        return site_name if scope.kind == "site" else f"{scope.title} | {site_name}"

    def link(self, scope):
        return absolute(self.request, scope.listing_path)

    def description(self, scope):
        return scope.description

    def feed_url(self, scope):
        return absolute(self.request, scope.feed_path(self.format))

    def feed_copyright(self, scope):
        return f"© {self.publication.name}"

    def items(self, scope):
        articles = ArticlePage.attach_sections(scope.articles.for_listing()[:FEED_SIZE])
        self.batch = ArticleBatch(articles, self.request)
        return articles

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        # RSS <description> and Atom's html summary are HTML: the plain standfirst is escaped first,
        # so "<img onerror=…>" typed by a writer reaches feed readers as text, never as markup.
        return escape(article.standfirst)

    def item_link(self, article):
        return page_url(self.request, article)

    def item_guid_is_permalink(self, article):
        return True

    def item_pubdate(self, article):
        return article.published_at

    def item_updateddate(self, article):
        return article.modified_at

    def item_categories(self, article):
        section = article.section
        return ([section.title] if section else []) + article.tag_names

    def item_enclosure_url(self, article):
        if not article.hero_image_id or _file_size(article.hero_image) is None:
            return None  # no enclosure rather than one pointing at a file that is gone
        return original_url(self.request, article.hero_image)

    def item_enclosure_length(self, article):
        return _file_size(article.hero_image) or 0

    def item_enclosure_mime_type(self, article):
        return image_mime_type(article.hero_image)

    def item_extra_kwargs(self, article):
        return {
            "content_html": self.batch.html(article),
            "authors": [
                {"name": author.name, "url": absolute(self.request, author.get_absolute_url())}
                for author in article.authors
            ],
            "image": self.lead_image(article),
        }

    def lead_image(self, article):
        if not article.hero_image_id or _file_size(article.hero_image) is None:
            return None
        image = article.hero_image
        return {
            "url": original_url(self.request, image),
            "type": image_mime_type(image),
            "width": image.width,
            "height": image.height,
            "size": _file_size(image),
            "caption": article.caption,
            "credit": image.credit,
            "alt": image.alt_text,
        }

    @property
    def publication(self):
        return publication(self.request)


class RssFeed(ArticleFeed):
    feed_type = RssGenerator
    format = "rss"


class AtomFeed(ArticleFeed):
    feed_type = AtomGenerator
    format = "atom"

    def subtitle(self, scope):
        return scope.description


class JsonFeed(ArticleFeed):
    feed_type = JsonFeedGenerator
    format = "json"


FEEDS = {"rss": RssFeed, "atom": AtomFeed, "json": JsonFeed}
FORMAT_NAMES = {"rss": "RSS", "atom": "Atom", "json": "JSON Feed"}
FORMAT_TYPES = {"rss": "application/rss+xml", "atom": "application/atom+xml", "json": "application/feed+json"}
