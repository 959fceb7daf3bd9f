"""Control characters pasted from word processors are removed on save, and every tag gets a slug a URL can carry,
so ordinary content never takes a page, a feed, a sitemap or the API down."""

import json

from django.test import TestCase
from lxml import etree
from taggit.models import Tag

from newsdesk.sections.models import PublicationSettings
from newsdesk.testing import default_site, make_article, make_author, make_image, make_section, parse_html, text_of

VERTICAL_TAB, FORM_FEED, NUL, ESCAPE = "\x0b", "\x0c", "\x00", "\x1b"


class ControlCharacterTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        site = default_site()
        site.site_name = f"The{VERTICAL_TAB} Meridian"
        site.save()
        publication = PublicationSettings.for_site(site)
        publication.name = f"Meridian{FORM_FEED} Dispatch"
        publication.save()
        cls.section = make_section("World", description=f"News from{ESCAPE} everywhere")
        cls.author = make_author("Ana Ruiz", bio=f"Writes{VERTICAL_TAB} about ports.")
        cls.image = make_image("Port", alt_text=f"Cranes{NUL} at dawn")
        cls.article = make_article(
            cls.section,
            f"Ports{VERTICAL_TAB} reopen",
            authors=[cls.author],
            standfirst=f"Trade resumes{VERTICAL_TAB} after the strike.\nLine two.",
            tags=[f"shipping{FORM_FEED}"],
        )

    def test_plain_text_fields_lose_control_characters_and_keep_their_text(self):
        self.article.refresh_from_db()
        self.assertEqual(self.article.title, "Ports reopen")
        self.assertEqual(self.article.standfirst, "Trade resumes after the strike.\nLine two.")
        self.assertEqual(self.article.tags.get().name, "shipping")
        self.author.refresh_from_db()
        self.assertEqual(self.author.bio, "Writes about ports.")
        self.image.refresh_from_db()
        self.assertEqual(self.image.alt_text, "Cranes at dawn")
        self.assertEqual(default_site().site_name, "The Meridian")
        self.assertEqual(PublicationSettings.for_site(default_site()).name, "Meridian Dispatch")

    def test_feeds_and_the_news_sitemap_parse_as_xml(self):
        for url in ("/feed/rss/", "/feed/atom/", "/world/feed/rss/", "/sitemap-news.xml"):
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                self.assertIn(b"Ports reopen", response.content)
                etree.fromstring(response.content)
        rss = etree.fromstring(self.client.get("/feed/rss/").content)
        self.assertEqual(rss.xpath("//item/description/text()")[0].split("\n")[0], "Trade resumes after the strike.")


class EmojiTagTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        section = make_section("Culture")
        cls.article = make_article(
            section, "Festival season", authors=[make_author("Sam Lee")], tags=["🔥", "★", "☆", "music"]
        )

    def test_every_tag_has_a_non_empty_unique_slug(self):
        slugs = dict(Tag.objects.values_list("name", "slug"))
        self.assertEqual(slugs["🔥"], "fire")
        self.assertEqual(slugs["music"], "music")
        self.assertTrue(all(slugs.values()), slugs)
        self.assertEqual(len(set(slugs.values())), 4, slugs)

    def test_the_article_links_to_each_tag_page_and_they_answer(self):
        page = parse_html(self.client.get(self.article.url))
        tag_links = [link.get("href") for link in page.xpath("//a[contains(@href, '/tags/')]")]
        self.assertEqual(len(set(tag_links)), 4, tag_links)
        for href in set(tag_links):
            with self.subTest(href=href):
                response = self.client.get(href)
                self.assertEqual(response.status_code, 200)
                self.assertIn("Festival season", text_of(parse_html(response)))

    def test_sitemaps_and_the_api_list_answer(self):
        index = etree.fromstring(self.client.get("/sitemap.xml").content)
        for loc in index.xpath("//*[local-name()='loc']/text()"):
            with self.subTest(sitemap=loc):
                self.assertEqual(self.client.get(loc).status_code, 200)
        api = json.loads(self.client.get("/api/v1/articles/").content)
        self.assertEqual([item["headline"] for item in api["items"]], ["Festival season"])
