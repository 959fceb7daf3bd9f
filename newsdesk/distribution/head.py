"""What goes in every reader page's <head>: canonical and alternate links, social cards, JSON-LD.

`head_for(context)` looks at what the page template was given (a Wagtail `page`, an `author`, a
`tag`) and returns plain data for `distribution/head_tags.html`.
"""

import json
from dataclasses import dataclass, field

from django.urls import reverse

from newsdesk.core.dates import iso_datetime
from newsdesk.distribution import structured_data
from newsdesk.distribution.feeds import FEEDS, FORMAT_NAMES, FORMAT_TYPES
from newsdesk.distribution.links import CROPS, absolute, crop_renditions, page_url, publication
from newsdesk.distribution.published import feed_path


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
    from newsdesk.articles.models import ArticlePage
    from newsdesk.sections.models import HomePage, SectionPage

    page = context.get("page")
    site = publication(request)
    head = Head(feeds=feed_links(site.name, "", None))
    if isinstance(page, ArticlePage):
        _article(head, request, page, page.section)
    elif isinstance(page, SectionPage):
        _listing(head, request, page_url(request, page), page.title, page.description, page.search_description)
        head.feeds += feed_links(page.title, "section", page.slug)
        _graph(head, request, structured_data.section_graph(request, page))
    elif isinstance(page, HomePage):
        _listing(head, request, page_url(request, page), site.name, page.intro or site.about or site.tagline, page.search_description)
        _graph(head, request, structured_data.home_graph(request))
    elif page is not None and getattr(page, "url", None):
        _listing(head, request, page_url(request, page), page.title, "", page.search_description)
    elif context.get("author") is not None:
        author = context["author"]
        _listing(head, request, absolute(request, author.get_absolute_url()), author.name, author.bio, "", og_type="profile")
        head.description = ""  # the profile template states the bio itself
        head.feeds += feed_links(author.name, "author", author.slug)
        _graph(head, request, structured_data.profile_graph(request, author))
    elif context.get("tag") is not None and getattr(context["tag"], "slug", None):
        tag = context["tag"]
        _listing(head, request, absolute(request, reverse("tag", kwargs={"slug": tag.slug})), tag.name,
                 f"Articles tagged {tag.name}.", "")
        head.feeds += feed_links(tag.name, "tag", tag.slug)
        _graph(head, request, structured_data.tag_graph(request, tag))
    if head.canonical:
        head.canonical = _with_page_number(head.canonical, request)
        head.languages = [(site.language, head.canonical), ("x-default", head.canonical)]
        _social_common(head, request, site)
    return head


def feed_links(title: str, kind: str, slug) -> list[tuple]:
    return [
        (f"{title} ({FORMAT_NAMES[fmt]})", FORMAT_TYPES[fmt], feed_path(kind or "site", slug, fmt)) for fmt in FEEDS
    ]


def _article(head, request, page, section):
    head.canonical = page_url(request, page)
    # base.html already states the standfirst (or SEO description) as the meta description.
    if section is not None:
        head.feeds += feed_links(section.title, "section", section.slug)
    head.og = [("og:type", "article"), ("og:title", page.seo_title or page.title),
               ("og:description", page.search_description or page.standfirst)]
    head.og += _og_image(request, page.hero_image)
    head.og += [("article:published_time", iso_datetime(page.published_at)), ("article:modified_time", iso_datetime(page.modified_at))]
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
    if rendition is None:
        return []
    return [
        ("og:image", absolute(request, rendition.url)),
        ("og:image:width", str(rendition.width)),
        ("og:image:height", str(rendition.height)),
        ("og:image:alt", image.alt_text),
    ]


def _social_common(head, request, site):
    head.og += [("og:url", head.canonical), ("og:site_name", site.name)]
    values = dict(head.og)
    has_image = "og:image" in values
    head.twitter = [("twitter:card", "summary_large_image" if has_image else "summary"),
                    ("twitter:title", values.get("og:title", site.name))]
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



