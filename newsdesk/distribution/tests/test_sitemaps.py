"""The sitemap index, its paged sitemaps, the Google News sitemap and robots.txt."""

from datetime import timedelta
from unittest import mock

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from lxml import etree

from newsdesk.distribution import sitemaps
from newsdesk.distribution.tests.checkers import xsd_errors
from newsdesk.testing import Newsroom, make_article

NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "image": "http://www.google.com/schemas/sitemap-image/1.1",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}


class SitemapTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.room = Newsroom()
        cls.old = make_article(cls.room.business, "Last week's story", published_at=days_ago(5))

    def xml(self, url) -> etree._Element:
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        self.assertEqual(response["Content-Type"], "application/xml; charset=utf-8")
        return etree.fromstring(response.content)

    def locs(self, url) -> list[str]:
        return self.xml(url).xpath("//sm:loc/text()", namespaces=NS)

    def test_the_index_and_every_sitemap_are_valid_against_the_xsds(self):
        index = self.client.get("/sitemap.xml").content
        self.assertEqual(xsd_errors(index, "siteindex.xsd"), [])
        listed = etree.fromstring(index).xpath("//sm:loc/text()", namespaces=NS)
        self.assertEqual(
            [loc.removeprefix("http://testserver") for loc in listed],
            ["/sitemap-articles-1.xml", "/sitemap-pages-1.xml", "/sitemap-news.xml"],
        )
        for loc in listed:
            with self.subTest(loc=loc):
                self.assertEqual(xsd_errors(self.client.get(loc).content), [])

    def test_every_published_article_is_listed_once_with_its_lastmod(self):
        urls = self.xml("/sitemap-articles-1.xml").xpath("//sm:url", namespaces=NS)
        locs = [url.findtext("sm:loc", namespaces=NS) for url in urls]
        expected = {f"http://testserver{a.url}" for a in [*self.room.published, self.old]}
        self.assertEqual(sorted(locs), sorted(expected))
        for url in urls:
            self.assertRegex(url.findtext("sm:lastmod", namespaces=NS), r"T\d{2}:\d{2}:\d{2}\+00:00$")

    def test_article_images_are_listed_with_caption_and_credit(self):
        (lead,) = self.xml("/sitemap-articles-1.xml").xpath(
            "//sm:url[sm:loc=$loc]", loc=f"http://testserver{self.room.lead.url}", namespaces=NS
        )
        captions = lead.xpath("image:image/image:caption/text()", namespaces=NS)
        self.assertEqual(
            captions, ["The two presidents in Beijing. Image: Reuters", "Delegates at the signing Image: AP"]
        )
        for loc in lead.xpath("image:image/image:loc/text()", namespaces=NS):
            self.assertTrue(loc.startswith("http://testserver/media/original_images/"))

    def test_the_pages_sitemap_lists_home_sections_authors_and_tags(self):
        locs = {loc.removeprefix("http://testserver") for loc in self.locs("/sitemap-pages-1.xml")}
        self.assertEqual(
            locs,
            {
                "/",
                "/global-affairs/",
                "/business/",
                "/authors/amina-rahman/",
                "/authors/news-desk/",
                "/tags/cpec/",
                "/tags/china/",
                "/tags/pakistan/",
                "/tags/trade/",
            },
        )

    def test_news_sitemap_has_only_the_last_two_days_in_schema_order(self):
        root = self.xml("/sitemap-news.xml")
        locs = root.xpath("//sm:loc/text()", namespaces=NS)
        self.assertEqual(locs, [f"http://testserver{a.url}" for a in self.room.published])
        news = root.find("sm:url/news:news", NS)
        self.assertEqual(
            [etree.QName(child).localname for child in news], ["publication", "publication_date", "title", "keywords"]
        )
        self.assertEqual(news.findtext("news:publication/news:name", namespaces=NS), "The Meridian")
        self.assertEqual(news.findtext("news:publication/news:language", namespaces=NS), "en")
        self.assertEqual(news.findtext("news:title", namespaces=NS), self.room.lead.title)

    def test_news_language_is_reduced_to_what_google_news_accepts(self):
        self.assertEqual(sitemaps.news_language("en-GB"), "en")
        self.assertEqual(sitemaps.news_language("zh-TW"), "zh-tw")
        self.assertEqual(sitemaps.news_language("ur"), "ur")

    def test_drafts_private_and_scheduled_articles_never_appear(self):
        for url in ["/sitemap-articles-1.xml", "/sitemap-news.xml", "/sitemap-pages-1.xml"]:
            text = self.client.get(url).content.decode()
            for article in [self.room.draft, self.room.private, self.room.scheduled]:
                self.assertNotIn(f"/{article.slug}/", text, url)

    def test_pages_past_the_end_and_unknown_sections_are_404(self):
        self.assertEqual(self.client.get("/sitemap-articles-2.xml").status_code, 404)
        self.assertEqual(self.client.get("/sitemap-videos-1.xml").status_code, 404)

    def test_sitemaps_split_at_the_url_limit(self):
        with mock.patch.object(sitemaps.ArticleSitemap, "limit", 2):
            pages = [loc for loc in self.locs("/sitemap.xml") if "sitemap-articles-" in loc]
            self.assertEqual(len(pages), 3)
            self.assertEqual(len(self.locs("/sitemap-articles-3.xml")), 2)
        self.assertEqual(sitemaps.MAX_URLS, 50_000)

    def test_sitemaps_answer_conditional_requests(self):
        first = self.client.get("/sitemap-articles-1.xml")
        self.assertEqual(self.client.get("/sitemap-articles-1.xml", HTTP_IF_NONE_MATCH=first["ETag"]).status_code, 304)

    def test_robots_txt_names_the_sitemaps_and_keeps_crawlers_out_of_admin_and_search(self):
        response = self.client.get("/robots.txt")
        self.assertEqual(response["Content-Type"], "text/plain; charset=utf-8")
        lines = response.content.decode().splitlines()
        self.assertEqual(lines[0], "User-agent: *")
        self.assertIn("Disallow: /admin/", lines)
        self.assertIn("Disallow: /search/", lines)
        self.assertIn("Sitemap: http://testserver/sitemap.xml", lines)
        self.assertIn("Sitemap: http://testserver/sitemap-news.xml", lines)

    def test_sitemaps_cost_the_same_number_of_queries_whatever_their_length(self):
        urls = ["/sitemap.xml", "/sitemap-articles-1.xml", "/sitemap-pages-1.xml", "/sitemap-news.xml"]
        for url in urls:
            self.client.get(url)
        before = {url: self._count(url) for url in urls}
        for n in range(4):
            make_article(
                self.room.world, f"More {n}", authors=[self.room.person], tags=[f"More {n}"], hero_image=self.room.hero
            )
        self.assertEqual({url: self._count(url) for url in urls}, before)

    def _count(self, url) -> int:
        with CaptureQueriesContext(connection) as queries:
            self.client.get(url)
        return len(queries)


def days_ago(days):
    return timezone.now() - timedelta(days=days)
