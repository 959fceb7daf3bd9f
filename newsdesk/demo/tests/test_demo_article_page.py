"""The demo's long report, rendered, checked row by row against the reference page (PAGE.md rows 1–10)."""

import lxml.html
from django.test import Client, TestCase

from newsdesk.articles.models import ArticlePage
from newsdesk.demo import content
from newsdesk.demo.loader import load_demo
from newsdesk.people.models import Author

LEAD = content.LEAD


def has_class(name: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def text(element) -> str:
    return " ".join(element.text_content().split())


class DemoLeadArticlePageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_demo(base_url="http://testserver")
        cls.article = ArticlePage.objects.get(slug=LEAD["slug"])
        # Rendered once here: the renditions it makes live next to the originals in this class's media folder.
        response = Client().get(cls.article.url)
        cls.status = response.status_code
        cls.html = response.content

    def setUp(self):
        self.doc = lxml.html.fromstring(self.html)
        self.main = self.doc.xpath("//article[%s]" % has_class("article"))[0]

    def one(self, xpath: str, root=None):
        found = (root if root is not None else self.main).xpath(xpath)
        self.assertEqual(len(found), 1, f"expected one {xpath}, found {len(found)}")
        return found[0]

    # Row 5: quotes with attribution and a source link; a pull quote
    def test_row5_quotes_carry_attribution_and_a_source_link(self):
        quotes = self.main.xpath(".//figure[%s][blockquote]" % has_class("quote"))
        self.assertGreaterEqual(len(quotes), 2)
        for figure in quotes:
            self.assertTrue(text(self.one("./figcaption", figure)))
        sourced = [f for f in quotes if f.xpath("./figcaption/a[@href='https://www.fmprc.gov.cn/eng/']")]
        self.assertEqual(len(sourced), 1)
        self.one(".//aside[%s]" % has_class("pull-quote"))

    # Row 6: Also See pointing at a live article
    def test_row6_also_see_links_to_the_live_related_article(self):
        aside = self.one(".//aside[%s]" % has_class("also-see"))
        link = self.one(".//a", aside)
        target = ArticlePage.objects.get(slug="pakistan-china-ml1-karakoram-financing")
        self.assertTrue(target.live)
        self.assertEqual(link.get("href"), target.url)
        self.assertIn(target.title, text(link))

    # Row 10: the kind is shown to readers
    def test_row10_the_kind_label_says_news(self):
        self.assertEqual(text(self.one(".//p[%s]" % has_class("kind"))), "News")
