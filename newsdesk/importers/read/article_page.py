"""One news page (a saved HTML file) → an ArticleRecord: headline, standfirst, bylines, dates,
hero image, body blocks. No database.

The bytes are decoded as a browser would without HTTP headers (charset.py). Metadata comes from
what publishers declare (JSON-LD, schema.org microdata, Open Graph and meta tags, then
trafilatura's own metadata reader); the headline loses HTML entities and a site-name suffix. The
body comes from main_text.py: the page's article container with its furniture removed, never
holding less than trafilatura's main text.
"""

import html
import json
import re

import trafilatura
from lxml import html as lxml_html

from newsdesk.importers.read import markup
from newsdesk.importers.read.charset import decode_page
from newsdesk.importers.read.credits import split_credit
from newsdesk.importers.read.main_text import article_blocks
from newsdesk.importers.read.records import ArticleRecord, ImageRef
from newsdesk.importers.read.wxr import parse_date

ARTICLE_TYPES = {
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "ReviewNewsArticle",
}
_STANDFIRST_SELECTORS = "//*[contains(@class, 'standfirst') or contains(@class, 'dek') or contains(@class, 'subtitle') or contains(@class, 'excerpt')]"
_BY = re.compile(r"^\s*(?:by|words by|written by)\s+", re.IGNORECASE)
_SEPARATORS = (" | ", " - ", " \u2014 ", " \u2013 ", " :: ", " \u00b7 ", " \u2022 ")


def extract_article(page: str | bytes, url: str = "") -> ArticleRecord:
    text = decode_page(page)[0] if isinstance(page, bytes) else page
    tree = parse_page(text)
    linked = _json_ld(tree)
    meta = _meta_tags(tree)
    fallback = _trafilatura_metadata(text)
    record = ArticleRecord(
        headline=clean_headline(_headline(tree, linked, meta, fallback), _site_names(tree, linked, meta)),
        source_url=url or meta.get("og:url", "") or _canonical(tree),
    )
    record.standfirst = markup.trim_words(_standfirst(tree, linked, meta, fallback), 300)
    record.bylines = _bylines(tree, linked, meta, fallback)
    record.published_at = _date(tree, linked, meta, fallback)
    record.updated_at = parse_date(linked.get("dateModified", "") or meta.get("article:modified_time", "")) or None
    record.hero = _hero(tree, linked, meta)
    record.tags = _tags(linked, meta)
    record.section_hint = meta.get("article:section", "") or str(linked.get("articleSection", "") or "")
    metadata_text = " ".join([record.headline, record.standfirst, *record.bylines])
    record.body = _without_repeats(article_blocks(tree, text, metadata_text), record)
    if not record.standfirst:
        record.standfirst = markup.trim_words(markup.first_paragraph_text(record.body), 300)
    return record


# -- metadata --------------------------------------------------------------------------------------


def _json_ld(tree) -> dict:
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        for node in _walk_ld(data):
            types = node.get("@type")
            types = set(types) if isinstance(types, list) else {types}
            if types & ARTICLE_TYPES:
                return node
    return {}


def _walk_ld(data):
    if isinstance(data, list):
        for entry in data:
            yield from _walk_ld(entry)
    elif isinstance(data, dict):
        yield data
        yield from _walk_ld(data.get("@graph", []))


def _meta_tags(tree) -> dict:
    found = {}
    for element in tree.xpath("//meta[@content]"):
        key = (element.get("property") or element.get("name") or element.get("itemprop") or "").strip().lower()
        if key and key not in found:
            found[key] = element.get("content").strip()
    return found


def parse_page(text: str):
    # lxml refuses str input that carries an XML encoding declaration; UTF-8 bytes with the parser
    # told so are read the same way whatever the page declares.
    return lxml_html.fromstring(text.encode("utf-8"), parser=lxml_html.HTMLParser(encoding="utf-8"))


def _trafilatura_metadata(text: str) -> dict:
    document = trafilatura.extract_metadata(text)
    return document.as_dict() if document is not None else {}


def _canonical(tree) -> str:
    return next(iter(tree.xpath("//link[@rel='canonical']/@href")), "")


def _text(element) -> str:
    return " ".join(element.text_content().split()) if element is not None else ""


def _first(tree, xpath) -> str:
    for element in tree.xpath(xpath):
        text = (
            element
            if isinstance(element, str)
            else (element.get("content") or element.get("datetime") or _text(element))
        )
        if text and text.strip():
            return " ".join(text.split())
    return ""


def _headline(tree, linked, meta, fallback) -> str:
    return (
        str(linked.get("headline") or "").strip()
        or _first(tree, "//*[@itemprop='headline']")
        or meta.get("og:title", "")
        or _first(tree, "//h1")
        or (fallback.get("title") or "")
        or _first(tree, "//title")
    )


def clean_headline(headline: str, site_names) -> str:
    """The headline with HTML entities decoded (some CMSs escape twice) and " | Site" cut off."""
    text = " ".join(html.unescape(html.unescape(headline)).split())
    for name in site_names:
        for separator in _SEPARATORS:
            suffix, prefix = (separator + name).lower(), (name + separator).lower()
            if text.lower().endswith(suffix) and len(text) > len(suffix):
                text = text[: -len(suffix)].rstrip()
            elif text.lower().startswith(prefix) and len(text) > len(prefix):
                text = text[len(prefix) :].lstrip()
    return text


def _site_names(tree, linked, meta) -> list[str]:
    """Names the page gives its site: og:site_name, the publisher, and the tail of its <title>
    when the page's h1 shows the headline without it."""
    publisher = linked.get("publisher")
    names = [
        meta.get("og:site_name", ""),
        meta.get("application-name", ""),
        str(publisher.get("name", "")) if isinstance(publisher, dict) else "",
    ]
    title = " ".join(html.unescape(_first(tree, "//title")).split())
    headings = [_text(h) for h in tree.xpath("//h1")]
    for separator in _SEPARATORS:
        head, found, tail = title.rpartition(separator)
        if found and head and headings and any(h == head for h in headings):
            names.append(tail)
            break
    return [" ".join(html.unescape(n).split()) for n in names if n and n.strip()]


def _standfirst(tree, linked, meta, fallback) -> str:
    return (
        str(linked.get("description") or "").strip()
        or _first(tree, "//*[@itemprop='description']")
        or meta.get("og:description", "")
        or meta.get("description", "")
        or _first(tree, _STANDFIRST_SELECTORS)
        or (fallback.get("description") or "")
    )


def _bylines(tree, linked, meta, fallback) -> list[str]:
    names = _ld_names(linked.get("author"))
    if not names:
        names = [_text(e) for e in tree.xpath("//*[@itemprop='author']") if not e.xpath(".//*[@itemprop='name']")]
        names += [_text(e) for e in tree.xpath("//*[@itemprop='author']//*[@itemprop='name']")]
    if not names and meta.get("author") and not meta["author"].startswith("http"):
        names = [meta["author"]]
    if not names:
        names = [
            _text(e)
            for e in tree.xpath("//a[@rel='author'] | //*[contains(@class, 'author')]//a[contains(@class, 'fn')]")
        ]
    if not names:
        byline = _first(tree, "//*[contains(@class, 'byline')]")
        names = re.split(r",\s*|\s+and\s+|\s*&\s*", _BY.sub("", byline)) if byline else []
    if not names and fallback.get("author"):
        names = re.split(r";\s*", fallback["author"])
    clean = [" ".join(_BY.sub("", n).split()) for n in names]
    return list(dict.fromkeys(n for n in clean if n and len(n) <= 120))


def _ld_names(value) -> list[str]:
    if isinstance(value, list):
        return [name for entry in value for name in _ld_names(entry)]
    if isinstance(value, dict):
        return [str(value.get("name", "")).strip()] if value.get("name") else []
    if isinstance(value, str) and value.strip() and not value.startswith("http"):
        return [value.strip()]
    return []


def _date(tree, linked, meta, fallback):
    for candidate in (
        linked.get("datePublished", ""),
        meta.get("article:published_time", ""),
        meta.get("datepublished", ""),
        _first(tree, "//*[@itemprop='datePublished']"),
        _first(tree, "//time[contains(@class, 'published')]/@datetime"),
        _first(tree, "//time/@datetime"),
        fallback.get("date") or "",
    ):
        value = parse_date(str(candidate))
        if value is not None:
            return value
    return None


def _tags(linked, meta) -> list[str]:
    keywords = linked.get("keywords") or ""
    names = keywords if isinstance(keywords, list) else str(keywords).split(",")
    if meta.get("article:tag"):
        names.append(meta["article:tag"])
    return list(dict.fromkeys(" ".join(n.split()) for n in names if n and n.strip()))


def _hero(tree, linked, meta) -> ImageRef | None:
    """The lead picture: a figure before the body (with its caption), else og:image / JSON-LD image."""
    figure = next(
        iter(
            tree.xpath(
                "//figure[.//img or .//amp-img][not(ancestor::*[@itemprop='articleBody'])]"
                "[not(ancestor::*[contains(@class, 'entry-content')])][not(ancestor::*[contains(@class, 'amp-article-body')])]"
                " | //*[contains(concat(' ', normalize-space(@class), ' '), ' post-thumbnail ')][.//img]"
            )
        ),
        None,
    )
    if figure is not None:
        image = figure.xpath(".//img | .//amp-img")[0]
        caption, credit = split_credit(_text(next(iter(figure.xpath(".//figcaption")), None)))
        return ImageRef(src=image.get("src", ""), alt=image.get("alt", ""), caption=caption, credit=credit)
    src = meta.get("og:image", "") or _ld_image(linked.get("image"))
    if src:
        return ImageRef(src=src, alt=meta.get("og:image:alt", ""))
    return None


def _ld_image(value) -> str:
    if isinstance(value, list):
        return _ld_image(value[0]) if value else ""
    if isinstance(value, dict):
        return str(value.get("url", ""))
    return str(value or "")


# -- body ----------------------------------------------------------------------------------------


def _without_repeats(blocks, record) -> list[dict]:
    """The headline or standfirst repeated as the body's first paragraph, or the hero picture
    repeated in the body, is page layout, not text."""
    repeats = {record.headline.strip().lower(), record.standfirst.strip().lower()}
    hero_src = record.hero.src if record.hero else None
    kept = []
    for block in blocks:
        if block["type"] == "image" and block["value"].src and block["value"].src == hero_src:
            continue
        if (
            not kept
            and block["type"] == "heading"
            and block["value"]["text"].lower() == record.headline.strip().lower()
        ):
            continue
        if block["type"] == "paragraph" and not kept and markup.plain_text(block["value"]).lower() in repeats:
            continue
        kept.append(block)
    return kept
