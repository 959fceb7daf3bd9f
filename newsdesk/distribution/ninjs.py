"""IPTC ninjs (News in JSON) for one article, at URLs that survive moves and renames.

Served in 2.2 (`/ninjs/articles/<id>.json`), which the wire systems partners run today ingest, and
in 3.1 (`/ninjs/3/articles/<id>.json`) for newer ones. 3.x carries the same members under camelCase
names, so one builder makes the item and 3.1 is the same item respelt: the two cannot drift apart.
"""

from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.html import strip_tags

from newsdesk.articles.models import ArticlePage
from newsdesk.core.dates import iso_datetime
from newsdesk.distribution.content import ArticleBatch
from newsdesk.distribution.links import (
    CROPS,
    absolute,
    crop_renditions,
    image_mime_type,
    original_url,
    page_url,
    publication,
    tag_url,
)
from newsdesk.entities.hubs import hub_path, reader_links
from newsdesk.images.models import credit_line

STANDARDS = {
    "2.2": {"name": "ninjs", "version": "2.2", "schema": "https://www.iptc.org/std/ninjs/ninjs-schema_2.2.json"},
    "3.1": {"name": "ninjs", "version": "3.1", "schema": "https://www.iptc.org/std/ninjs/ninjs-schema_3.1.json"},
}
# Every 2.2 member name we write whose 3.x spelling differs.
NAMES_3 = {
    "representationtype": "representationType",
    "firstcreated": "firstCreated",
    "versioncreated": "versionCreated",
    "pubstatus": "pubStatus",
    "copyrightholder": "copyrightHolder",
    "usageterms": "usageTerms",
    "altids": "altIds",
    "contenttype": "contentType",
    "charcount": "charCount",
    "wordcount": "wordCount",
}
GENRES = {
    "news": "Current",
    "analysis": "Analysis",
    "opinion": "Opinion",
    "explainer": "Background",
    "interview": "Interview",
}


def article_ninjs(request, pk, version="2.2"):
    article = get_object_or_404(ArticlePage.objects.published().for_listing(), pk=pk)
    item = ninjs_item(request, article)
    if version == "3.1":
        item = respelt(item, NAMES_3)
    item["standard"] = STANDARDS[version]
    return JsonResponse(
        item, json_dumps_params={"ensure_ascii": False, "indent": 1}, content_type="application/json; charset=utf-8"
    )


def respelt(data, names: dict):
    """`data` with every member name found in `names` renamed, at any depth."""
    if isinstance(data, dict):
        return {names.get(key, key): respelt(value, names) for key, value in data.items()}
    if isinstance(data, list):
        return [respelt(value, names) for value in data]
    return data


def ninjs_item(request, article) -> dict:
    """The article as a ninjs 2.2 item (its `standard` says so)."""
    site = publication(request)
    batch = ArticleBatch([article], request)
    html = batch.html(article)
    text = strip_tags(html)
    item = {
        "uri": absolute(request, reverse("distribution:ninjs", kwargs={"pk": article.pk})),
        "standard": STANDARDS["2.2"],
        "type": "text",
        "representationtype": "full",
        "version": str(article.live_revision_id or 1),
        "firstcreated": iso_datetime(article.published_at),
        "versioncreated": iso_datetime(article.modified_at),
        "pubstatus": "usable",
        "language": article.language or site.language,
        "copyrightholder": site.name,
        "headlines": [{"role": "main", "value": article.title}],
        "descriptions": [{"role": "summary", "value": article.standfirst}],
        "bodies": [
            {
                "role": "main",
                "contenttype": "text/html",
                "value": html,
                "charcount": len(text),
                "wordcount": len(text.split()),
            }
        ],
        "by": ", ".join(author.name for author in article.authors),
        "subjects": [
            {"name": tag.name, "rel": "about", "literal": tag.slug, "uri": tag_url(request, tag)}
            for tag in article.tag_list
            if tag.slug
        ]
        + entity_subjects(request, article),
        "genres": [{"name": GENRES.get(article.kind, "Current"), "literal": article.kind}],
        "altids": [{"role": "url", "value": page_url(request, article)}, {"role": "page-id", "value": str(article.pk)}],
        "associations": [
            _picture(request, image, caption, credit, role)
            for role, (image, caption, credit) in _roles(batch.images_of(article), article)
        ],
    }
    if article.dateline:
        item["located"] = article.dateline
    return item


def entity_subjects(request, article) -> list[dict]:
    """The entities readers see on the article, each identified by its hub's address."""
    return [
        {
            "name": link.entity.name,
            "rel": str(link.role),  # "about" or "mentions"
            "literal": f"{link.entity.kind}:{link.entity.slug}",
            "uri": absolute(request, hub_path(link.entity)),
        }
        for link in reader_links(article)
    ]


def _roles(images, article):
    for index, found in enumerate(images):
        yield ("featureimage" if index == 0 and article.hero_image_id else f"image{index}"), found


def _picture(request, image, caption: str, credit: str, role: str) -> dict:
    renditions = [
        {
            "name": "original",
            "href": original_url(request, image),
            "contenttype": image_mime_type(image),
            "width": image.width,
            "height": image.height,
            "title": credit_line(credit) or image.title,
        },
    ]
    crops = crop_renditions(image)
    for name, spec in CROPS.items():
        if spec not in crops:
            continue
        rendition = crops[spec]
        renditions.append(
            {
                "name": name,
                "href": absolute(request, rendition.url),
                "contenttype": image_mime_type(rendition),
                "width": rendition.width,
                "height": rendition.height,
            }
        )
    picture = {
        "name": role,
        "uri": absolute(request, image.file.url),
        "type": "picture",
        "headlines": [{"value": image.title}],
        "renditions": renditions,
    }
    if caption:
        picture["descriptions"] = [{"role": "caption", "value": caption}]
    if image.alt_text:
        picture.setdefault("descriptions", []).append({"role": "alt", "value": image.alt_text})
    if credit:
        picture["by"] = credit
        picture["copyrightholder"] = credit
    if image.licence:
        picture["usageterms"] = image.licence
    return picture
