"""RSS, Atom and JSON Feed for the site and each section, author and tag, read by a real client."""

import email.utils
import json
import re

import feedparser
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from lxml import etree
from lxml import html as lxml_html
from rfc3339_validator import validate_rfc3339

from newsdesk.testing import Newsroom, make_article

SCOPES = {
    "/": "/feed/",
    "/global-affairs/": "/global-affairs/feed/",
    "/authors/amina-rahman/": "/authors/amina-rahman/feed/",
    "/tags/cpec/": "/tags/cpec/feed/",
}
FORMATS = ("rss", "atom", "json")
NS = {
    "atom": "http://www.w3.org/2005/Atom",
    "media": "http://search.yahoo.com/mrss/",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "dc": "http://purl.org/dc/elements/1.1/",
}
RFC822 = re.compile(
    r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$"
)


def listing_links(content: bytes) -> list[str]:
    """The article links of a listing page, in order (teaser cards in <main>, not the Recent box)."""
    tree = lxml_html.fromstring(content)
    cards = tree.xpath("//main//article[not(ancestor::section[contains(@class, 'recent')])]")
    links = []
    for card in cards:
        hrefs = card.xpath(".//h2/a/@href | .//h3/a/@href")
        if hrefs:
            links.append(hrefs[0])
    return links


class FeedTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.room = Newsroom()

    def fetch(self, url, **headers):
        response = self.client.get(url, **headers)
        self.assertEqual(response.status_code, 200, url)
        return response

    def all_feeds(self):
        for listing, base in SCOPES.items():
            for fmt in FORMATS:
                yield listing, f"{base}{fmt}/", fmt

    def entry_links(self, url, fmt) -> list[str]:
        content = self.fetch(url).content
        if fmt == "json":  # feedparser 6.0 reads XML feeds only
            return [item["url"] for item in json.loads(content)["items"]]
        return [entry.link for entry in feedparser.parse(content).entries]

    def test_feedparser_reads_every_xml_feed_without_complaint(self):
        for _, url, fmt in self.all_feeds():
            if fmt == "json":
                continue
            with self.subTest(url=url):
                parsed = feedparser.parse(self.fetch(url).content)
                self.assertFalse(parsed.bozo, parsed.get("bozo_exception"))
                self.assertEqual(parsed.version, {"rss": "rss20", "atom": "atom10"}[fmt])
                self.assertTrue(parsed.entries)
                for entry in parsed.entries:
                    self.assertTrue(entry.title and entry.link and entry.published_parsed and entry.author)

    def test_feeds_list_the_same_items_in_the_same_order_as_the_listing_page(self):
        for listing, url, fmt in self.all_feeds():
            if listing == "/":
                continue  # the front page is curated (lead, per-section blocks); its feed is the site's newest-first list
            with self.subTest(url=url):
                on_page = [f"http://testserver{href}" for href in listing_links(self.fetch(listing).content)]
                in_feed = self.entry_links(url, fmt)
                self.assertTrue(on_page)
                self.assertEqual(in_feed[: len(on_page)], on_page[: len(in_feed)])

    def test_the_site_feed_carries_every_published_article_newest_first(self):
        entries = feedparser.parse(self.fetch("/feed/atom/").content).entries
        self.assertEqual([e.title for e in entries], [a.title for a in self.room.published])

    def test_rss_follows_the_stricter_rules(self):
        for _, url, fmt in self.all_feeds():
            if fmt != "rss":
                continue
            with self.subTest(url=url):
                root = etree.fromstring(self.fetch(url).content)
                channel = root.find("channel")
                self.assertEqual(channel.find("atom:link[@rel='self']", NS).get("href"), f"http://testserver{url}")
                self.assertRegex(channel.findtext("lastBuildDate"), RFC822)
                guids = [item.findtext("guid") for item in channel.findall("item")]
                self.assertEqual(len(guids), len(set(guids)))
                for item in channel.findall("item"):
                    self.assertRegex(item.findtext("pubDate"), RFC822)
                    self.assertIsNotNone(email.utils.parsedate_to_datetime(item.findtext("pubDate")).tzinfo)
                    for link in [item.findtext("link"), item.findtext("guid")] + item.xpath("enclosure/@url"):
                        self.assertTrue(link.startswith("http://testserver/"), link)
                    # HTML travels escaped: the parsed text holds markup, not child elements.
                    content = item.findtext("content:encoded", namespaces=NS)
                    self.assertTrue(not content or content.startswith("<"), content)
                    self.assertEqual(len(item.find("content:encoded", NS)), 0)

    def test_atom_follows_the_stricter_rules(self):
        for _, url, fmt in self.all_feeds():
            if fmt != "atom":
                continue
            with self.subTest(url=url):
                root = etree.fromstring(self.fetch(url).content)
                self.assertEqual(root.find("atom:link[@rel='self']", NS).get("href"), f"http://testserver{url}")
                self.assertTrue(validate_rfc3339(root.findtext("atom:updated", namespaces=NS)))
                ids = [entry.findtext("atom:id", namespaces=NS) for entry in root.findall("atom:entry", NS)]
                self.assertEqual(len(ids), len(set(ids)))
                for entry in root.findall("atom:entry", NS):
                    for field in ("atom:published", "atom:updated"):
                        self.assertTrue(validate_rfc3339(entry.findtext(field, namespaces=NS)))
                    self.assertEqual(entry.find("atom:content", NS).get("type"), "html")

    def test_json_feed_has_the_required_members(self):
        for _, url, fmt in self.all_feeds():
            if fmt != "json":
                continue
            with self.subTest(url=url):
                response = self.fetch(url)
                self.assertEqual(response["Content-Type"], "application/feed+json; charset=utf-8")
                document = json.loads(response.content)
                self.assertEqual(document["version"], "https://jsonfeed.org/version/1.1")
                self.assertTrue(document["title"])
                self.assertEqual(document["feed_url"], f"http://testserver{url}")
                ids = [item["id"] for item in document["items"]]
                self.assertEqual(len(ids), len(set(ids)))
                for item in document["items"]:
                    self.assertTrue(validate_rfc3339(item["date_published"]))
                    self.assertTrue(item["url"].startswith("http://testserver/"))

    def test_items_carry_full_content_images_with_credit_categories_and_every_author(self):
        root = etree.fromstring(self.fetch("/feed/rss/").content)
        item = root.find("channel/item")
        self.assertEqual(item.findtext("title"), self.room.lead.title)
        content = lxml_html.fromstring(item.findtext("content:encoded", namespaces=NS))
        self.assertEqual(content.xpath("//h2/text()"), ["What was agreed"])
        self.assertEqual(content.xpath("//blockquote/p/text()")[0], "An iron-clad friendship.")
        self.assertIn("Image: AP", content.text_content())
        self.assertEqual(
            content.xpath("//a[text()='Background to the corridor']/@href"),
            [f"http://testserver{self.room.background.url}"],
        )
        media = item.find("media:content", NS)
        self.assertEqual(media.findtext("media:credit", namespaces=NS), "Reuters")
        self.assertEqual(media.get("medium"), "image")
        self.assertEqual(item.find("enclosure").get("type"), "image/jpeg")
        self.assertEqual([c.text for c in item.findall("category")], ["Global Affairs", "CPEC", "China", "Pakistan"])
        self.assertEqual([c.text for c in item.findall("dc:creator", NS)], ["Amina Rahman", "News Desk"])
        atom_entry = feedparser.parse(self.fetch("/feed/atom/").content).entries[0]
        self.assertEqual([a.name for a in atom_entry.authors], ["Amina Rahman", "News Desk"])
        json_item = json.loads(self.fetch("/feed/json/").content)["items"][0]
        self.assertEqual(json_item["_media"]["credit"], "Reuters")
        self.assertEqual(
            [a["url"] for a in json_item["authors"]],
            ["http://testserver/authors/amina-rahman/", "http://testserver/authors/news-desk/"],
        )

    def test_drafts_private_and_scheduled_articles_never_appear(self):
        for _, url, _ in self.all_feeds():
            with self.subTest(url=url):
                text = self.fetch(url).content.decode()
                for title in self.room.hidden_titles:
                    self.assertNotIn(title, text)

    def test_unknown_section_author_or_tag_is_404(self):
        for url in ["/no-such-section/feed/rss/", "/authors/nobody/feed/atom/", "/tags/nothing/feed/json/"]:
            self.assertEqual(self.client.get(url).status_code, 404, url)
        self.assertEqual(self.client.get("/feed/xml/").status_code, 404)

    def test_it_answers_conditional_requests_with_304(self):
        first = self.fetch("/global-affairs/feed/rss/")
        self.assertIn("max-age=300", first["Cache-Control"])
        self.assertIn("public", first["Cache-Control"])
        by_etag = self.client.get("/global-affairs/feed/rss/", HTTP_IF_NONE_MATCH=first["ETag"])
        self.assertEqual(by_etag.status_code, 304)
        self.assertEqual(by_etag.content, b"")
        by_date = self.client.get("/global-affairs/feed/rss/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
        self.assertEqual(by_date.status_code, 304)
        self.assertEqual(self.client.get("/global-affairs/feed/rss/", HTTP_IF_NONE_MATCH='"stale"').status_code, 200)

    def test_a_new_publication_changes_the_etag(self):

        before = self.fetch("/feed/rss/")["ETag"]
        make_article(self.room.business, "Fresh news")
        after = self.client.get("/feed/rss/", HTTP_IF_NONE_MATCH=before)
        self.assertEqual(after.status_code, 200)
        self.assertIn("Fresh news", after.content.decode())

    def test_feeds_cost_the_same_number_of_queries_whatever_their_length(self):

        urls = [url for _, url, _ in self.all_feeds()]
        for url in urls:
            self.fetch(url)  # site root paths and settings cached, as on a running server
        before = {url: self._count(url) for url in urls}
        for n in range(4):
            make_article(
                self.room.world,
                f"Extra {n}",
                authors=[self.room.person, self.room.desk],
                tags=["CPEC", f"Extra {n}"],
                hero_image=self.room.hero,
                body=self.room.lead_body(),
            )
        after = {url: self._count(url) for url in urls}
        self.assertEqual(before, after)
        self.assertEqual(len(feedparser.parse(self.fetch("/tags/cpec/feed/rss/").content).entries), 6)

    def _count(self, url) -> int:
        with CaptureQueriesContext(connection) as queries:
            self.assertEqual(self.client.get(url).status_code, 200)
        return len(queries)
