"""Every body block renders itself for feeds and the API; none can be skipped without a failing test."""

import lxml.html
from django.test import RequestFactory, TestCase
from wagtail.rich_text import RichText

from newsdesk.articles.blocks import FeedRendered
from newsdesk.articles.models import ArticlePage
from newsdesk.distribution.content import ArticleBatch
from newsdesk.testing import make_article, make_image, make_section, rich_body


class BodyBlocksRenderForFeedsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.section = make_section("World")
        cls.target = make_article(cls.section, "The earlier story")
        cls.image = make_image("Harbour", credit="AP")
        cls.article = make_article(
            cls.section, "The whole body", body=rich_body(images=[cls.image], also_see=[cls.target])
        )

    def setUp(self):
        self.batch = ArticleBatch([self.article], RequestFactory().get("/"))

    def sample_values(self) -> dict:
        """One stored (JSON) value per block type, taken from an article that uses them all."""
        return {block["type"]: block["value"] for block in self.article.body.raw_data}

    def test_every_block_type_of_the_body_renders_a_sample_for_feeds(self):
        samples = self.sample_values()
        for name, block in ArticlePage.body.field.stream_block.child_blocks.items():
            with self.subTest(block=name):
                self.assertIsInstance(block, FeedRendered)
                self.assertIn(name, samples, "rich_body() should carry every block type")
                html = str(block.feed_html(samples[name], self.batch))
                self.assertTrue(lxml.html.fragment_fromstring(html, create_parent="div").text_content().strip())

    def test_the_feed_html_states_each_block_as_readers_expect(self):
        tree = lxml.html.fragment_fromstring(self.batch.html(self.article), create_parent="div")
        self.assertEqual(tree.xpath("//h2/text()")[:3], ["The visit", "The corridor", "What was signed"])
        self.assertEqual(tree.xpath("//figure/figcaption/small/text()"), ["Image: AP"])
        self.assertEqual(tree.xpath("//p/a/@href")[-1], f"http://testserver{self.target.url}")
        self.assertEqual(tree.xpath("//table/thead/tr/th/text()"), ["Area", "Count"])

    def test_a_block_without_a_feed_rendering_says_so(self):
        with self.assertRaises(NotImplementedError):
            FeedRendered().feed_html({}, self.batch)

    def test_a_paragraph_links_to_the_site_absolutely(self):
        html = ArticlePage.body.field.stream_block.child_blocks["paragraph"].feed_html(
            RichText('<p><a href="/world/">World</a></p>').source, self.batch
        )
        self.assertIn('href="http://testserver/world/"', html)
