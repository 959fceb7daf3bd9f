"""One credit line, "Image: X", wherever an image is credited: page, feeds, sitemaps and ninjs."""

import json

import lxml.etree
from django.test import TestCase

from newsdesk.images.models import credit_line
from newsdesk.testing import make_article, make_image, make_section, parse_html, text_of


class CreditLineTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        section = make_section("World")
        cls.hero = make_image("Summit", credit="Reuters")
        cls.photo = make_image("Harbour", credit="AP")
        body = [("image", {"image": cls.photo, "caption": "The harbour at dawn", "credit": "Jane Roe"})]
        cls.article = make_article(section, "Credits story", hero_image=cls.hero, body=body)

    def test_the_rule(self):
        self.assertEqual(self.hero.credit_line, "Image: Reuters")
        self.assertEqual(self.photo.credit_line_for("Jane Roe"), "Image: Jane Roe")
        self.assertEqual(self.photo.credit_line_for(""), "Image: AP")
        self.assertEqual(credit_line(""), "")

    def test_the_article_page_credits_hero_and_body_image(self):
        tree = parse_html(self.client.get(self.article.url))
        self.assertEqual(
            [text_of(c) for c in tree.xpath('//span[@class="credit"]')], ["Image: Reuters", "Image: Jane Roe"]
        )

    def test_feeds_sitemaps_and_ninjs_use_the_same_line(self):
        rss = lxml.etree.fromstring(self.client.get("/feed/rss/").content)
        content = rss.xpath("//item/*[local-name()='encoded']/text()")[0]
        self.assertIn("<small>Image: Reuters</small>", content)
        self.assertIn("<small>Image: Jane Roe</small>", content)
        sitemap = lxml.etree.fromstring(self.client.get("/sitemap-articles-1.xml").content)
        captions = sitemap.xpath("//*[local-name()='caption']/text()")
        self.assertIn("The harbour at dawn Image: Jane Roe", captions)
        ninjs = json.loads(self.client.get(f"/ninjs/articles/{self.article.pk}.json").content)
        titles = [
            r["title"] for picture in ninjs["associations"] for r in picture["renditions"] if r["name"] == "original"
        ]
        self.assertEqual(titles, ["Image: Reuters", "Image: Jane Roe"])
