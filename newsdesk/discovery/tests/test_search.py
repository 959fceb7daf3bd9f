from django.test import TestCase

from newsdesk.testing import make_article, make_section, parse_html, text_of


class SearchTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        section = make_section("Global Affairs")
        cls.match = make_article(section, "Gwadar airport opens", standfirst="A new airport on the Makran coast.")
        make_article(section, "Railway upgrade approved", standfirst="The ML-1 line gets funding.")
        make_article(section, "Gwadar draft", publish=False)

    def results(self, query):
        response = self.client.get("/search/", {"q": query})
        self.assertEqual(response.status_code, 200)
        return parse_html(response)

    def test_it_finds_published_articles_by_their_words(self):
        tree = self.results("gwadar")
        self.assertEqual([text_of(a) for a in tree.xpath('//article[@class="teaser"]//h3/a')], ["Gwadar airport opens"])
        self.assertIn("1 result", text_of(tree.xpath('//h2[@class="listing-title"]')[0]))
        self.assertEqual(tree.xpath('//input[@id="search-page-query"]')[0].get("value"), "gwadar")

    def test_it_uses_a_get_form_without_a_csrf_token(self):
        response = self.client.get("/search/", {"q": "gwadar"})
        forms = parse_html(response).xpath('//form[@role="search"]')
        self.assertTrue(forms)
        self.assertTrue(all(f.get("method") == "get" and f.get("action") == "/search/" for f in forms))
        self.assertNotIn("csrfmiddlewaretoken", response.content.decode())
        self.assertEqual(list(response.cookies), [])

    def test_it_says_so_when_nothing_matches(self):
        self.assertIn("Nothing matched", text_of(self.results("zanzibar")))

    def test_it_shows_only_the_form_for_an_empty_query(self):
        tree = self.results("   ")
        self.assertEqual(tree.xpath('//article[@class="teaser"]'), [])
        self.assertEqual(tree.xpath('//h2[@class="listing-title"]'), [])

    def test_it_survives_odd_input(self):
        for query in (
            "<script>",
            "a" * 5000,
            "AND OR NOT",
            '"unbalanced',
            "%00",
            "gw*",
            "(x",
            "a:b",
            "^x",
            "-x",
            "x NEAR y",
            "'",
        ):
            with self.subTest(query=query[:20]):
                self.assertEqual(self.client.get("/search/", {"q": query, "page": "abc"}).status_code, 200)
