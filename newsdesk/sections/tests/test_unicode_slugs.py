from django.test import TestCase
from lxml import html

from newsdesk.testing import make_article, make_author, make_section


class UnicodeSlugTests(TestCase):
    """Tags and authors named in Greek, Urdu or Chinese keep working pages and links."""

    @classmethod
    def setUpTestData(cls):
        section = make_section("World")
        cls.author = make_author("Σοφία Παππά", slug="σοφία-παππά")
        cls.article = make_article(section, "Athens talks", authors=[cls.author], tags=["Περιεχόμενο", "گوادر"])

    def test_the_article_links_to_unicode_tag_pages_that_list_it(self):
        page = html.fromstring(self.client.get(self.article.url).content)
        tag_links = page.xpath('//ul[@class="tags"]//a/@href')
        self.assertEqual(len(tag_links), 2)
        for href in tag_links:
            listing = html.fromstring(self.client.get(href).content)
            self.assertIn("Athens talks", listing.xpath("string(//main)"))

    def test_an_author_with_a_unicode_slug_has_a_profile(self):
        response = self.client.get(self.author.get_absolute_url())
        self.assertEqual(response.status_code, 200)
        self.assertIn("Σοφία Παππά", html.fromstring(response.content).xpath("string(//h1)"))
