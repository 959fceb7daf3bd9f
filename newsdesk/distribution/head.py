"""What goes in every reader page's <head>: canonical and alternate links, social cards, JSON-LD.

`head_for(context)` finds what the page is about (the Wagtail `page`, else the `author` or `tag` the
view gave the template) and hands it to the builder registered for its model in `BUILDERS`.
"""

import json
import re
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.text import Truncator
from taggit.models import Tag
from wagtail.models import Page

from newsdesk.articles.models import ArticlePage
from newsdesk.core.dates import iso_datetime
from newsdesk.distribution import structured_data
from newsdesk.distribution.feeds import FEEDS, FORMAT_NAMES, FORMAT_TYPES
from newsdesk.distribution.links import (
    CROPS,
    LOGO,
    PORTRAIT,
    absolute,
    crop_renditions,
    page_url,
    publication,
    rendition_or_none,
)
from newsdesk.distribution.published import feed_path
from newsdesk.entities import hubs
from newsdesk.entities.models import Entity
from newsdesk.people.models import Author
from newsdesk.sections.models import HomePage, SectionPage


@dataclass
class Head:
    canonical: str = ""
    description: str = ""
    feeds: list = field(default_factory=list)  # (title, type, href)
    languages: list = field(default_factory=list)  # (hreflang, href)
    og: list = field(default_factory=list)  # (property, content)
    twitter: list = field(default_factory=list)  # (name, content)
    json_ld: str = ""


def head_for(context) -> Head:
    request = context.get("request")
    if request is None:
        return Head()
    site = publication(request)
    head = Head(feeds=feed_links(site.name, "", None))
    # "page" may also be a paginator's page; the first subject with a builder is the one the page is about.
    for subject in (context.get("page"), context.get("author"), context.get("tag"), context.get("entity")):
        builder = _builder_for(subject)
        if builder is not None:
            builder(head, request, site, subject)
            break
    if head.canonical:
        head.canonical = _with_page_number(head.canonical, request)
        language = getattr(context.get("page"), "language", "") or site.language  # an article may have its own
        head.languages = [(language, head.canonical), ("x-default", head.canonical)]
        _social_common(head, request, site)
    return head


def _builder_for(subject):
    if subject is None:
        return None
    for model in type(subject).__mro__:
        if model in BUILDERS:
            return BUILDERS[model]
    return None


def _article_head(head, request, site, page):
    _article(head, request, page, page.section)


def _section_head(head, request, site, page):
    _listing(head, request, page_url(request, page), page.title, page.description, page.search_description)
    head.og += _og_logo(request, site)
    head.feeds += feed_links(page.title, "section", page.slug)
    _graph(head, request, structured_data.section_graph(request, page))


def _home_head(head, request, site, page):
    _listing(
        head,
        request,
        page_url(request, page),
        site.name,
        page.intro or site.about or site.tagline,
        page.search_description,
    )
    head.og += _og_logo(request, site)
    _graph(head, request, structured_data.home_graph(request))


def _standard_head(head, request, site, page):
    if not page.url:
        return
    summary = _first_paragraph(getattr(page, "body", ""))
    _listing(head, request, page_url(request, page), page.title, summary, page.search_description)
    head.og += _og_logo(request, site)


def _author_head(head, request, site, author):
    _listing(
        head, request, absolute(request, author.get_absolute_url()), author.name, author.bio, "", og_type="profile"
    )
    head.description = ""  # the profile template states the bio itself
    head.og += _og_picture(request, author.photo, PORTRAIT, author.name) if author.photo_id else _og_logo(request, site)
    head.feeds += feed_links(author.name, "author", author.slug)
    _graph(head, request, structured_data.profile_graph(request, author))


def _tag_head(head, request, site, tag):
    if not tag.slug:
        return
    _listing(
        head,
        request,
        absolute(request, reverse("tag", kwargs={"slug": tag.slug})),
        tag.name,
        f"Articles tagged {tag.name}.",
        "",
    )
    head.og += _og_logo(request, site)
    head.feeds += feed_links(tag.name, "tag", tag.slug)
    _graph(head, request, structured_data.tag_graph(request, tag))


def _entity_head(head, request, site, entity):
    _listing(head, request, absolute(request, hubs.hub_path(entity)), entity.name, entity.description, "")
    head.description = ""  # the hub template states the description itself
    if entity.image_id:
        head.og += _og_picture(request, entity.image, PORTRAIT, entity.name)
    else:
        head.og += _og_logo(request, site)
    head.feeds += feed_links(entity.name, "entity", entity.slug)
    _graph(head, request, structured_data.hub_graph(request, entity))


# The most specific model wins: an ArticlePage is also a Page.
BUILDERS = {
    ArticlePage: _article_head,
    SectionPage: _section_head,
    HomePage: _home_head,
    Page: _standard_head,
    Author: _author_head,
    Tag: _tag_head,
    Entity: _entity_head,
}


def feed_links(title: str, kind: str, slug) -> list[tuple]:
    return [
        (f"{title} ({FORMAT_NAMES[fmt]})", FORMAT_TYPES[fmt], feed_path(kind or "site", slug, fmt)) for fmt in FEEDS
    ]


def _article(head, request, page, section):
    head.canonical = page_url(request, page)
    # base.html already states the standfirst (or SEO description) as the meta description.
    if section is not None:
        head.feeds += feed_links(section.title, "section", section.slug)
    head.og = [
        ("og:type", "article"),
        ("og:title", page.seo_title or page.title),
        ("og:description", page.search_description or page.standfirst),
    ]
    head.og += _og_image(request, page.hero_image)
    head.og += [
        ("article:published_time", iso_datetime(page.published_at)),
        ("article:modified_time", iso_datetime(page.modified_at)),
    ]
    head.og += [("article:author", absolute(request, author.get_absolute_url())) for author in page.authors]
    if section is not None:
        head.og.append(("article:section", section.title))
    head.og += [("article:tag", name) for name in page.tag_names]
    _graph(head, request, structured_data.article_graph(request, page, section))


def _listing(head, request, url, title, description, search_description, og_type="website"):
    head.canonical = url
    head.description = "" if search_description else (description or "")
    head.og = [("og:type", og_type), ("og:title", title)]
    if search_description or description:
        head.og.append(("og:description", search_description or description))


def _og_image(request, image) -> list[tuple]:
    rendition = crop_renditions(image).get(CROPS["16x9"]) if image is not None else None
    return _og_tags(request, rendition, image.alt_text if image is not None else "")


def _og_picture(request, image, spec: str, alt: str) -> list[tuple]:
    return _og_tags(request, rendition_or_none(image, spec), image.alt_text or alt)


def _og_tags(request, rendition, alt: str) -> list[tuple]:
    if rendition is None:
        return []
    return [
        ("og:image", absolute(request, rendition.url)),
        ("og:image:width", str(rendition.width)),
        ("og:image:height", str(rendition.height)),
        ("og:image:alt", alt),
    ]


def _og_logo(request, site) -> list[tuple]:
    """The publication's logo, the picture of pages that have none of their own."""
    return _og_picture(request, site.logo, LOGO, site.name) if site.logo_id else []


def _first_paragraph(body: str) -> str:
    for paragraph in re.findall(r"<p[^>]*>(.*?)</p>", body or "", flags=re.DOTALL):
        text = " ".join(strip_tags(paragraph).split())
        if text:
            return Truncator(text).chars(300)
    return ""


def _social_common(head, request, site):
    head.og += [("og:url", head.canonical), ("og:site_name", site.name)]
    values = dict(head.og)
    has_image = "og:image" in values
    head.twitter = [
        ("twitter:card", "summary_large_image" if has_image else "summary"),
        ("twitter:title", values.get("og:title", site.name)),
    ]
    if values.get("og:description"):
        head.twitter.append(("twitter:description", values["og:description"]))
    if has_image:
        head.twitter += [("twitter:image", values["og:image"]), ("twitter:image:alt", values["og:image:alt"])]
    if site.twitter_handle:
        head.twitter.append(("twitter:site", f"@{site.twitter_handle.lstrip('@')}"))


def _graph(head, request, graph):
    text = json.dumps(structured_data.document(graph), ensure_ascii=False, indent=None, separators=(",", ":"))
    # Inside <script>, "</" would end the element early; \u003c is the same character to a JSON parser.
    head.json_ld = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _with_page_number(url: str, request) -> str:
    number = request.GET.get("page", "")
    return f"{url}?page={int(number)}" if number.isdigit() and int(number) > 1 else url
