from django.test import TestCase

from newsdesk.testing import make_article, make_section, minutes_ago, parse_html, text_of


class NotFoundPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        section = make_section("Business")
        cls.articles = [make_article(section, f"Story {n}", published_at=minutes_ago(n)) for n in range(6)]

    def test_it_answers_unknown_urls_with_a_themed_404_with_search_and_recent(self):
        response = self.client.get("/no/such/page/")
        self.assertEqual(response.status_code, 404)
        tree = parse_html(response)
        self.assertEqual(text_of(tree.xpath("//h1")[0]), "Page not found")
        self.assertTrue(tree.xpath('//main//form[@role="search"]/input[@name="q"]'))
        recent = tree.xpath('//section[@class="recent"]//article[@class="teaser"]//h3/a')
        self.assertEqual([text_of(a) for a in recent], [a.title for a in self.articles[:5]])
