"""A piece in another language than the publication's says so to browsers, screen readers and search engines."""

import json

from django.core.exceptions import ValidationError
from django.test import SimpleTestCase, TestCase
from lxml import html as lxml_html

from newsdesk.core.languages import language_code_validator, text_direction
from newsdesk.sections.models import PublicationSettings
from newsdesk.testing import default_site, make_article, make_section, paragraphs


class TextDirectionTests(SimpleTestCase):
    def test_right_to_left_languages_are_known_by_their_code(self):
        for code in ("ar", "ur", "ur-PK", "fa", "he", "ps", "ckb"):
            with self.subTest(code=code):
                self.assertEqual(text_direction(code), "rtl")
        for code in ("en", "ko", "zh-Hant", "ru", "xx", ""):
            with self.subTest(code=code):
                self.assertEqual(text_direction(code), "ltr")

    def test_only_language_codes_are_accepted(self):
        for code in ("ko", "ar", "ur-PK", "zh-Hant", "es-419"):
            language_code_validator(code)
        for code in ("korean", "k", "ko_KR", "ar-", '"><script>'):
            with self.subTest(code=code), self.assertRaises(ValidationError):
                language_code_validator(code)


class ArticleLanguageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        section = make_section("World", slug="world")
        cls.arabic = make_article(
            section, "افتتاح ميناء جديد في القاهرة", language="ar", body=paragraphs("افتتح الميناء اليوم.")
        )
        cls.english = make_article(section, "Harbour opens")

    def test_the_page_marks_the_article_and_its_metadata_with_its_language(self):
        tree = lxml_html.fromstring(self.client.get(self.arabic.url).content)
        self.assertEqual(tree.xpath("/html/@lang"), ["en"])  # the publication's, for the site around it
        self.assertEqual(tree.xpath("//article[contains(@class, 'article')]/@lang"), ["ar"])
        self.assertEqual(tree.xpath("//article[contains(@class, 'article')]/@dir"), ["rtl"])
        documents = [json.loads(text) for text in tree.xpath("//script[@type='application/ld+json']/text()")]
        graph = [node for document in documents for node in document.get("@graph", [document])]
        article = next(node for node in graph if node.get("headline") == self.arabic.title)
        self.assertEqual(article["inLanguage"], "ar")
        self.assertEqual(tree.xpath("//link[@rel='alternate' and @hreflang!='x-default']/@hreflang"), ["ar"])
        ninjs = self.client.get(f"/ninjs/articles/{self.arabic.pk}.json").json()
        self.assertEqual(ninjs["language"], "ar")

    def test_an_article_in_the_publications_language_carries_none_of_its_own(self):
        tree = lxml_html.fromstring(self.client.get(self.english.url).content)
        self.assertEqual(tree.xpath("//article[contains(@class, 'article')]/@lang"), [])
        self.assertEqual(self.client.get(f"/ninjs/articles/{self.english.pk}.json").json()["language"], "en")

    def test_a_right_to_left_publication_sets_the_direction_of_every_page(self):
        settings = PublicationSettings.for_site(default_site())
        settings.language = "ur"
        settings.save()
        tree = lxml_html.fromstring(self.client.get("/").content)
        self.assertEqual((tree.xpath("/html/@lang"), tree.xpath("/html/@dir")), (["ur"], ["rtl"]))
