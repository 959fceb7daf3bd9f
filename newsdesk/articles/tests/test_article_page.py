from html.parser import HTMLParser

from django.test import TestCase

from newsdesk.core.testing import make_article, make_author, make_image, make_section


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.h1 = []
        self._in_h1 = False

    def handle_starttag(self, tag, attrs):
        self._in_h1 = tag == "h1"

    def handle_data(self, data):
        if self._in_h1:
            self.h1.append(data)


class ArticlePageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.section = make_section("Global Affairs")
        cls.desk = make_author("News Desk", kind="desk")
        cls.article = make_article(
            cls.section, "Zardari in Beijing", authors=[cls.desk], hero_image=make_image(credit="Reuters")
        )

    def test_it_shows_the_headline_as_the_only_h1(self):
        response = self.client.get(self.article.url)
        self.assertEqual(response.status_code, 200)
        parser = _Text()
        parser.feed(response.content.decode())
        self.assertEqual("".join(parser.h1).strip(), "Zardari in Beijing")

    def test_it_credits_the_hero_image(self):
        response = self.client.get(self.article.url)
        self.assertContains(response, "Image: Reuters")
