"""Hostile text in every field and block of an article never becomes executable markup for readers."""

import json
import re

import html5lib
from django.test import TestCase
from lxml import etree
from wagtail.rich_text import RichText

from newsdesk.articles.models import ArticleCorrection
from newsdesk.editorial.sanitise import clean_html
from newsdesk.testing import make_article, make_author, make_image, make_section

PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<body onload=alert(1)>",
    "<iframe src=javascript:alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    "<a href=' javascript:alert(1)'>x</a>",
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    '<div style="width: expression(alert(1))">x</div>',
    '<div style="background:url(javascript:alert(1))">',
    '"><script>alert(1)</script>',
    "'><img src=x onerror=alert(1)>",
    "</title><script>alert(1)</script>",
    "</textarea><script>alert(1)</script>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<object data=javascript:alert(1)>",
    "<embed src=javascript:alert(1)>",
    "<base href=javascript:alert(1)//>",
    '<meta http-equiv=refresh content="0;url=javascript:alert(1)">',
    "<form action=javascript:alert(1)><input type=submit>",
    "<button formaction=javascript:alert(1)>x</button>",
    "<details open ontoggle=alert(1)>",
    "<video><source onerror=alert(1)>",
    "<audio src=x onerror=alert(1)>",
    "<marquee onstart=alert(1)>",
    "<input autofocus onfocus=alert(1)>",
    "<select autofocus onfocus=alert(1)>",
    "<isindex action=javascript:alert(1) type=submit>",
    "<table background=javascript:alert(1)>",
    "<link rel=stylesheet href=javascript:alert(1)>",
    "<style>@import 'javascript:alert(1)';</style>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<<script>alert(1);//<</script>",
    '<img src="x` `<script>alert(1)</script>"` `>',
    "<img/src=x/onerror=alert(1)>",
    '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    "<svg><animate onbegin=alert(1) attributeName=x>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    '<!--<img src="--><img src=x onerror=alert(1)//">',
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    "{{ 7*7 }}{% debug %}",
    "</script><script>alert(1)</script>",
    "\u2028\u2029<script>alert(1)</script>",
    "<p onclick=alert(1)>click</p>",
    '<a href="https://example.org" onmouseover=alert(1)>hover</a>',
    "<img src=x:x onerror=alert(1)>",
]
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "background", "poster", "xlink:href", "cite"}
BAD_SCHEME = re.compile(r"^(javascript|vbscript|data):", re.I)
FORBIDDEN_ELEMENTS = {"iframe", "object", "embed", "base", "frame", "frameset", "applet"}


def executable_markup(document: str) -> list[str]:
    """Everything in a page a browser would run: scripts, handlers, script URLs, foreign content."""
    tree = html5lib.parse(document, treebuilder="lxml", namespaceHTMLElements=False)
    problems = []
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.split("}")[-1].lower()
        if tag == "script":
            if element.get("type") != "application/ld+json" and not element.get("src", "").startswith("/"):
                problems.append(f"script: {(element.text or '')[:60]!r}")
            elif element.get("type") == "application/ld+json":
                json.loads(element.text or "null")
        if tag in FORBIDDEN_ELEMENTS or "svg" in element.tag or "math" in element.tag.lower():
            problems.append(f"<{tag}>")
        if tag == "meta" and (element.get("http-equiv") or "").lower() == "refresh":
            problems.append("meta refresh")
        for name, value in element.attrib.items():
            name = name.split("}")[-1].lower()
            if name.startswith("on"):
                problems.append(f"{tag}@{name}")
            compact = re.sub(r"[\x00-\x20]", "", value)
            if name in URL_ATTRIBUTES and BAD_SCHEME.match(compact):
                problems.append(f"{tag}@{name}={value[:40]!r}")
            if name == "style" and re.search(r"expression\(|javascript:", compact, re.I):
                problems.append(f"{tag}@style")
    return problems


def carries_html(element) -> bool:
    """RSS description/content:encoded and Atom type="html" hold HTML; titles and the rest are plain text."""
    if not isinstance(element.tag, str):
        return False
    local = element.tag.split("}")[-1]
    if element.get("type") == "plain":  # e.g. media:description type="plain" (Media RSS): text by definition
        return False
    return local == "description" or element.tag.endswith("}encoded") or element.get("type") in ("html", "xhtml")


def html_valued(data, key=""):
    """(key, value) for every string a client is meant to render as HTML (keys naming html or content)."""
    if isinstance(data, dict):
        for name, value in data.items():
            yield from html_valued(value, name)
    elif isinstance(data, list):
        for value in data:
            yield from html_valued(value, key)
    elif isinstance(data, str) and ("html" in key.lower() or key.lower() in {"content", "body", "body_html"}):
        yield key, data


def chunks(items, size):
    return [items[i : i + size] for i in range(0, len(items), size)]


class HostileInputTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.section = make_section("Hostile desk", slug="hostile")
        cls.articles = []
        for number, group in enumerate(chunks(PAYLOADS, 5)):
            text = " ".join(group)
            author = make_author(
                f"Writer {number} {group[0]}"[:120], slug=f"writer-{number}", bio=text[:600], role=group[1][:120]
            )
            image = make_image(title=group[2][:255], alt_text=group[3][:255], credit=group[4][:120])
            body = [("heading", {"text": p[:160], "level": "h2", "anchor": p[:80]}) for p in group]
            body += [("paragraph", RichText(p)) for p in group]
            body += [
                ("quote", {"text": text, "attribution": group[0][:200], "source_url": "https://example.org/"}),
                ("pull_quote", {"text": group[1][:280], "attribution": group[2][:200]}),
                ("image", {"image": image, "caption": group[3][:300], "credit": group[4][:120]}),
                ("fact_box", {"title": group[0][:120], "body": RichText(text)}),
                (
                    "table",
                    {
                        "caption": group[1][:200],
                        "table": {
                            "data": [group[:2], group[2:4]],
                            "first_row_is_table_header": True,
                            "first_col_is_header": False,
                        },
                    },
                ),
            ]
            article = make_article(
                cls.section,
                group[0][:255],
                authors=[author],
                tags=[p[:100] for p in group],
                body=body,
                standfirst=text[:300],
                dateline=group[1][:80],
                hero_image=image,
                hero_caption=group[2][:300],
                teaser=text[:600],
                seo_title=group[3][:255],
                search_description=text,
                slug=f"hostile-{number}",
            )
            article.body.append(("also_see", {"article": article, "label": group[4][:40]}))
            article.save_revision().publish()
            ArticleCorrection.objects.create(article=article, note=text)
            cls.articles.append(article)

    def assert_safe(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        self.assertEqual(executable_markup(response.content.decode()), [], url)

    def test_article_pages_render_hostile_text_inert(self):
        for article in self.articles:
            with self.subTest(article=article.slug):
                self.assert_safe(article.url)

    def test_listings_render_hostile_text_inert(self):
        for url in ["/", "/hostile/", "/authors/writer-0/", "/authors/writer-9/"]:
            with self.subTest(url=url):
                self.assert_safe(url)

    def test_feeds_carry_hostile_text_inert(self):
        for url in ["/feed/rss/", "/feed/atom/", "/hostile/feed/rss/"]:
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                tree = etree.fromstring(response.content)
                for element in tree.iter():
                    if carries_html(element):
                        self.assertEqual(executable_markup(element.text or ""), [], f"{url} <{element.tag}>")

    def test_the_json_feed_and_the_api_carry_hostile_text_inert(self):
        for url in ["/feed/json/", "/api/v1/articles/", f"/api/v1/articles/{self.articles[0].pk}/"]:
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                for key, value in html_valued(json.loads(response.content)):
                    self.assertEqual(executable_markup(value), [], f"{url} {key}")

    def test_the_text_is_shown_escaped_not_dropped(self):
        page = self.client.get(self.articles[0].url).content.decode()
        self.assertIn("&lt;script&gt;alert(1)&lt;/script&gt;", page)

    def test_the_sanitiser_keeps_wagtail_links_and_images(self):
        source = '<p><a linktype="page" id="3">x</a><embed embedtype="image" id="5" format="left" alt="a"/></p>'
        cleaned = clean_html(source + '<img src=x onerror=alert(1)><a href="javascript:alert(1)">y</a>')
        self.assertIn('linktype="page"', cleaned)
        self.assertIn('embedtype="image"', cleaned)
        self.assertNotIn("onerror", cleaned)
        self.assertNotIn("javascript:", cleaned)
