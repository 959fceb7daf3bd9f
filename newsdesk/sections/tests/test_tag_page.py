from django.test import TestCase

from newsdesk.testing import make_article, make_section, minutes_ago, parse_html, text_of


class TagPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        section = make_section("Global Affairs")
        cls.tagged = [
            make_article(section, f"CPEC piece {n}", tags=["CPEC"], published_at=minutes_ago(n)) for n in range(2)
        ]
        make_article(section, "Untagged piece")
        make_article(section, "Tagged draft", tags=["CPEC"], publish=False)

    def test_it_lists_published_articles_with_the_tag(self):
        response = self.client.get("/tags/cpec/")
        tree = parse_html(response)
        self.assertEqual(text_of(tree.xpath("//h1")[0]), "CPEC")
        self.assertEqual(
            [text_of(a) for a in tree.xpath('//article[@class="teaser"]//h3/a')], ["CPEC piece 0", "CPEC piece 1"]
        )

    def test_it_answers_an_unknown_tag_with_404(self):
        self.assertEqual(self.client.get("/tags/no-such-tag/").status_code, 404)

    def test_it_never_fails_on_bad_page_numbers(self):
        self.assertEqual(self.client.get("/tags/cpec/?page=abc").status_code, 200)
        self.assertEqual(self.client.get("/tags/cpec/?page=99999").status_code, 404)
