"""One definition of "published", and every channel a reader or machine can reach goes through it.

A private (view-restricted), a scheduled (go-live time ahead although its live flag is set), a draft and
an unpublished article share the visible article's section, author, tag and search words, and are the
targets of its Also See boxes. None of them may reach any channel; the visible articles reach every one,
so each check is known to be reading real output.
"""

import json
from datetime import timedelta

import lxml.etree
from django.test import TestCase
from django.utils import timezone
from wagtail.models import PageViewRestriction

from newsdesk.articles.models import ArticlePage
from newsdesk.testing import make_article, make_author, make_section, minutes_ago, parse_html, text_of

WORD = "Quokka"  # in every headline, so search would find each of them if it were allowed to


def also_see(*targets):
    return [("paragraph", f"<p>{WORD} census begins.</p>")] + [
        ("also_see", {"article": target, "label": "Also see"}) for target in targets
    ]


class PublishedEverywhereTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.section = make_section("Wildlife", slug="wildlife")
        cls.author = make_author("Rosa Field")
        shared = {"authors": [cls.author], "tags": ["marsupials"]}
        cls.older = make_article(cls.section, f"{WORD} numbers rise", published_at=minutes_ago(120), **shared)
        cls.private = make_article(cls.section, f"{WORD} private briefing", published_at=minutes_ago(90), **shared)
        PageViewRestriction.objects.create(
            page=cls.private, restriction_type=PageViewRestriction.PASSWORD, password="x"
        )
        cls.scheduled = make_article(cls.section, f"{WORD} embargoed report", published_at=minutes_ago(80), **shared)
        ArticlePage.objects.filter(pk=cls.scheduled.pk).update(go_live_at=timezone.now() + timedelta(days=1))
        cls.draft = make_article(cls.section, f"{WORD} draft notes", publish=False, **shared)
        cls.unpublished = make_article(cls.section, f"{WORD} withdrawn story", published_at=minutes_ago(70), **shared)
        cls.unpublished.unpublish()
        cls.hidden = [cls.private, cls.scheduled, cls.draft, cls.unpublished]
        cls.reader = make_article(
            cls.section,
            f"{WORD} habitat restored",
            body=also_see(cls.older, *cls.hidden),
            published_at=minutes_ago(10),
            **shared,
        )
        cls.visible = [cls.reader, cls.older]

    # -- what each channel shows, parsed ------------------------------------------------------------

    def html_links(self, url) -> list[str]:
        """Every link's text and address on a reader page."""
        tree = parse_html(self.get(url))
        return [f"{text_of(a)} {a.get('href')}" for a in tree.iter("a")]

    def xml_texts(self, url) -> list[str]:
        return [text for text in lxml.etree.fromstring(self.get(url).content).itertext() if text.strip()]

    def json_texts(self, url) -> list[str]:
        return list(strings(json.loads(self.get(url).content)))

    def get(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        return response

    def assertShowsOnlyPublished(self, texts, channel, visible=None):
        joined = "\n".join(texts)
        for article in self.hidden:
            self.assertNotIn(article.title, joined, f"{article.title!r} leaked into {channel}")
            self.assertNotIn(f"/{article.slug}/", joined, f"{article.title!r}'s address leaked into {channel}")
        for article in self.visible if visible is None else visible:
            self.assertIn(article.title, joined, f"{channel} should show {article.title!r}")

    # -- the one definition ---------------------------------------------------------------------------

    def test_published_is_live_public_and_past_its_go_live_time(self):
        self.assertEqual(set(ArticlePage.objects.published()), {self.reader, self.older})

    # -- reader pages ---------------------------------------------------------------------------------

    def test_listings_show_no_hidden_article(self):
        for url in ["/", self.section.url, "/tags/marsupials/", f"/authors/{self.author.slug}/"]:
            with self.subTest(url=url):
                self.assertShowsOnlyPublished(self.html_links(url), url)

    def test_another_articles_recent_list_and_also_see_show_no_hidden_article(self):
        tree = parse_html(self.get(self.reader.url))
        boxes = [(text_of(a), a.get("href")) for a in tree.xpath('//aside[@class="also-see"]//a')]
        self.assertEqual(boxes, [(f"{self.older.kind_label} {self.older.title}", self.older.url)])
        recent = [f"{text_of(a)} {a.get('href')}" for a in tree.xpath('//*[@id="recent"]//a')]
        self.assertShowsOnlyPublished(recent, "Recent", visible=[self.older])
        self.assertShowsOnlyPublished(self.html_links(self.reader.url), "the article page", visible=[self.older])

    def test_search_finds_no_hidden_article(self):
        self.assertShowsOnlyPublished(self.html_links(f"/search/?q={WORD}"), "search")

    # -- machine outputs ------------------------------------------------------------------------------

    def test_feeds_carry_no_hidden_article(self):
        for url in [
            "/feed/rss/",
            "/feed/atom/",
            "/wildlife/feed/rss/",
            "/tags/marsupials/feed/atom/",
            f"/authors/{self.author.slug}/feed/rss/",
        ]:
            with self.subTest(url=url):
                self.assertShowsOnlyPublished(self.xml_texts(url) + self.xml_links(url), url)
        self.assertShowsOnlyPublished(self.json_texts("/feed/json/"), "JSON Feed")

    def xml_links(self, url) -> list[str]:
        # Atom states item addresses as attributes, not text.
        return [
            element.get("href")
            for element in lxml.etree.fromstring(self.get(url).content).iter()
            if element.get("href")
        ]

    def test_sitemaps_list_no_hidden_article(self):
        for url in ["/sitemap-articles-1.xml", "/sitemap-news.xml"]:
            with self.subTest(url=url):
                locs = self.xml_texts(url)
                self.assertShowsOnlyPublished(locs, url, visible=[])
                for article in self.visible:
                    self.assertTrue(any(loc.endswith(f"/{article.slug}/") for loc in locs), (url, article.slug))

    def test_the_api_and_ninjs_serve_no_hidden_article(self):
        self.assertShowsOnlyPublished(self.json_texts("/api/v1/articles/"), "the API list")
        detail = json.loads(self.get(f"/api/v1/articles/{self.reader.pk}/").content)
        linked = [block["value"]["article"] for block in detail["body"] if block["type"] == "also_see"]
        self.assertEqual([target["headline"] for target in linked if target], [self.older.title])
        ninjs = json.loads(self.get(f"/ninjs/articles/{self.reader.pk}.json").content)
        self.assertShowsOnlyPublished(list(strings(ninjs)), "ninjs", visible=[self.reader, self.older])
        for article in self.hidden:
            for url in [f"/api/v1/articles/{article.pk}/", f"/ninjs/articles/{article.pk}.json"]:
                with self.subTest(url=url):
                    self.assertEqual(self.client.get(url).status_code, 404)


def strings(document):
    """Every string anywhere in a decoded JSON document."""
    if isinstance(document, str):
        yield document
    elif isinstance(document, dict):
        for value in document.values():
            yield from strings(value)
    elif isinstance(document, list):
        for value in document:
            yield from strings(value)
