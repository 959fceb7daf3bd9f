import json

from django.test import TestCase
from lxml import etree, html

from newsdesk.testing import make_article, make_author, make_image, make_section


class MissingImageFileTests(TestCase):
    """An image whose file has vanished from storage leaves it out of every output; nothing fails."""

    @classmethod
    def setUpTestData(cls):
        section = make_section("World")
        image = make_image("Lost picture", width=1600, height=900)
        image.file.storage.delete(image.file.name)
        cls.article = make_article(
            section, "Story with a lost picture", authors=[make_author("Ana Ruiz")], hero_image=image
        )

    def test_the_article_page_still_renders_without_a_social_image(self):
        response = self.client.get(self.article.url)
        self.assertEqual(response.status_code, 200)
        page = html.fromstring(response.content)
        self.assertEqual(page.xpath("string(//h1)").strip(), "Story with a lost picture")
        self.assertEqual(page.xpath('//meta[@property="og:image"]'), [])
        for script in page.xpath('//script[@type="application/ld+json"]'):
            json.loads(script.text)

    def test_feeds_ninjs_and_the_api_still_answer(self):
        rss = etree.fromstring(self.client.get("/feed/rss/").content)
        self.assertEqual(rss.xpath("//item/title/text()"), ["Story with a lost picture"])
        ninjs = self.client.get(f"/ninjs/articles/{self.article.pk}.json")
        self.assertEqual(ninjs.status_code, 200)
        self.assertEqual(json.loads(ninjs.content)["headlines"][0]["value"], "Story with a lost picture")
        api = self.client.get(f"/api/v1/articles/{self.article.pk}/")
        self.assertEqual(api.status_code, 200)
