"""schema.org JSON-LD for reader pages: articles by kind, breadcrumbs, the publisher, author profiles."""

from django.urls import reverse

from newsdesk.core.dates import iso_datetime
from newsdesk.core.html import safe_link
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
from newsdesk.entities import hubs
from newsdesk.entities.models import LinkRole

# schema.org's NewsArticle subtypes (https://schema.org/NewsArticle). An interview is reported news
# rather than first-hand observation, so it stays a NewsArticle and says so in `genre`.
ARTICLE_TYPES = {
    "news": "NewsArticle",
    "analysis": "AnalysisNewsArticle",
    "opinion": "OpinionNewsArticle",
    "explainer": "BackgroundNewsArticle",
    "interview": "NewsArticle",
}


def home_id(request) -> str:
    return absolute(request, "/")


def organization(request) -> dict:
    settings = publication(request)
    document = {
        "@type": "NewsMediaOrganization",
        "@id": home_id(request) + "#organization",
        "name": settings.name,
        "url": home_id(request),
    }
    rendition = rendition_or_none(settings.logo, LOGO) if settings.logo_id else None
    if rendition:
        document["logo"] = {
            "@type": "ImageObject",
            "url": absolute(request, rendition.url),
            "width": rendition.width,
            "height": rendition.height,
        }
    same_as = [url for _, url in settings.social_links() if safe_link(url)]
    if same_as:
        document["sameAs"] = same_as
    return document


def website(request) -> dict:
    settings = publication(request)
    search = absolute(request, "/search/") + "?q={search_term_string}"
    return {
        "@type": "WebSite",
        "@id": home_id(request) + "#website",
        "name": settings.name,
        "url": home_id(request),
        "inLanguage": settings.language,
        "publisher": {"@id": home_id(request) + "#organization"},
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": search},
            "query-input": "required name=search_term_string",
        },
    }


def breadcrumbs(request, trail: list[tuple[str, str]]) -> dict:
    """BreadcrumbList of (name, absolute URL) from the home page down."""
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(trail, start=1)
        ],
    }


def image_objects(request, image, caption: str) -> list[dict]:
    """The image in the three crops search engines choose from, each with caption and credit."""
    renditions = crop_renditions(image)
    objects = []
    for spec in CROPS.values():
        rendition = renditions.get(spec)
        if rendition is None:
            continue
        url = absolute(request, rendition.url)
        document = {
            "@type": "ImageObject",
            "url": url,
            "contentUrl": url,
            "width": rendition.width,
            "height": rendition.height,
        }
        if caption:
            document["caption"] = caption
        if image.credit:
            document["creditText"] = image.credit
        if image.licence:
            document["copyrightNotice"] = image.licence
        objects.append(document)
    return objects


def person_or_desk(request, author) -> dict:
    document = {
        "@type": "Organization" if author.is_desk else "Person",
        "name": author.name,
        "url": absolute(request, author.get_absolute_url()),
    }
    if author.role and not author.is_desk:
        document["jobTitle"] = author.role
    return document


def article(request, page, section) -> dict:
    url = page_url(request, page)
    document = {
        "@type": ARTICLE_TYPES.get(page.kind, "NewsArticle"),
        "@id": url + "#article",
        "headline": page.title,
        "description": page.standfirst,
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "datePublished": iso_datetime(page.published_at),
        "dateModified": iso_datetime(page.modified_at),
        "author": [person_or_desk(request, author) for author in page.authors],
        "publisher": organization(request),
        "inLanguage": page.language or publication(request).language,
        "isAccessibleForFree": True,
    }
    if page.kind == "interview":
        document["genre"] = "Interview"
    if page.hero_image_id:
        document["image"] = image_objects(request, page.hero_image, page.caption)
    if section is not None:
        document["articleSection"] = section.title
    keywords = page.tag_names
    if keywords:
        document["keywords"] = keywords
    if page.dateline:
        document["locationCreated"] = {"@type": "Place", "name": page.dateline}
    for role in (LinkRole.ABOUT, LinkRole.MENTIONS):
        things = [thing(request, link.entity) for link in hubs.reader_links(page) if link.role == role]
        if things:
            document[str(role)] = things
    corrections = page.newest_corrections
    if corrections:
        document["correction"] = [
            {"@type": "CorrectionComment", "text": c.note, "datePublished": iso_datetime(c.published_at)}
            for c in corrections
        ]
    return document


def article_graph(request, page, section) -> list[dict]:
    trail = [("Home", home_id(request))]
    if section is not None:
        trail.append((section.title, page_url(request, section)))
    trail.append((page.title, page_url(request, page)))
    return [article(request, page, section), breadcrumbs(request, trail)]


def section_graph(request, section) -> list[dict]:
    url = page_url(request, section)
    return [
        {
            "@type": "CollectionPage",
            "@id": url,
            "url": url,
            "name": section.title,
            "description": section.description or section.title,
            "isPartOf": {"@id": home_id(request) + "#website"},
        },
        breadcrumbs(request, [("Home", home_id(request)), (section.title, url)]),
    ]


def home_graph(request) -> list[dict]:
    return [organization(request), website(request)]


def profile_graph(request, author) -> list[dict]:
    url = absolute(request, author.get_absolute_url())
    entity = person_or_desk(request, author)
    entity["@id"] = url + "#author"
    if author.bio:
        entity["description"] = author.bio
    rendition = rendition_or_none(author.photo, PORTRAIT) if author.photo_id else None
    if rendition:
        entity["image"] = absolute(request, rendition.url)
    links = [link.url for link in author.links.all() if safe_link(link.url)]
    if links:
        entity["sameAs"] = links
    return [
        {"@type": "ProfilePage", "@id": url, "url": url, "name": author.name, "mainEntity": entity},
        breadcrumbs(request, [("Home", home_id(request)), (author.name, url)]),
    ]


def tag_graph(request, tag) -> list[dict]:
    url = absolute(request, reverse("tag", kwargs={"slug": tag.slug}))
    return [
        {
            "@type": "CollectionPage",
            "@id": url,
            "url": url,
            "name": tag.name,
            "about": {"@type": "Thing", "name": tag.name},
        },
        breadcrumbs(request, [("Home", home_id(request)), (tag.name, url)]),
    ]


def thing(request, entity) -> dict:
    """An entity as schema.org knows it: its type, name, hub page and the pages that identify it elsewhere."""
    document = {
        "@type": hubs.SCHEMA_TYPES.get(entity.kind, "Thing"),
        "@id": absolute(request, hubs.hub_path(entity)) + "#thing",
        "name": entity.name,
        "url": absolute(request, hubs.hub_path(entity)),
    }
    if entity.description:
        document["description"] = entity.description
    same_as = [url for url in entity.same_as or [] if safe_link(url)]
    if same_as:
        document["sameAs"] = same_as
    return document


def hub_graph(request, entity) -> list[dict]:
    url = absolute(request, hubs.hub_path(entity))
    about = thing(request, entity)
    rendition = rendition_or_none(entity.image, PORTRAIT) if entity.image_id else None
    if rendition:
        about["image"] = absolute(request, rendition.url)
    return [
        {
            "@type": "CollectionPage",
            "@id": url,
            "url": url,
            "name": entity.name,
            "description": entity.description or entity.name,
            "about": about,
            "isPartOf": {"@id": home_id(request) + "#website"},
        },
        breadcrumbs(request, [("Home", home_id(request)), (entity.name, url)]),
    ]


def document(graph: list[dict]) -> dict:
    return {"@context": "https://schema.org", "@graph": graph}
