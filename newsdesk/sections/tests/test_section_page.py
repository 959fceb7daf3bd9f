from django.test import TestCase

from newsdesk.core.pagination import PER_PAGE
from newsdesk.testing import make_article, make_section, minutes_ago, parse_html, text_of


class SectionPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.section = make_section("Business", description="Markets, trade and companies.")
        cls.other = make_section("Technology")
        cls.articles = [
            make_article(cls.section, f"Business story {n}", published_at=minutes_ago(n)) for n in range(PER_PAGE + 3)
        ]
        cls.elsewhere = make_article(cls.other, "Chip story")
        cls.draft = make_article(cls.section, "Unpublished draft", publish=False)

    def titles(self, response):
        return [text_of(a) for a in parse_html(response).xpath('//article[@class="teaser"]//h3/a')]

    def test_it_lists_its_own_published_articles_newest_first(self):
        response = self.client.get("/business/")
        self.assertEqual(self.titles(response), [a.title for a in self.articles[:PER_PAGE]])
        tree = parse_html(response)
        self.assertEqual(text_of(tree.xpath("//h1")[0]), "Business")
        self.assertIn("Markets, trade and companies.", text_of(tree.xpath("//main")[0]))

    def test_it_paginates_with_prev_and_next_links(self):
        first = parse_html(self.client.get("/business/"))
        self.assertEqual(first.xpath('//nav[@class="pagination"]/a[@rel="next"]')[0].get("href"), "?page=2")
        response = self.client.get("/business/?page=2")
        self.assertEqual(self.titles(response), [a.title for a in self.articles[PER_PAGE:]])
        self.assertEqual(
            parse_html(response).xpath('//nav[@class="pagination"]/a[@rel="prev"]')[0].get("href"), "?page=1"
        )

    def test_it_answers_junk_page_numbers_with_the_first_page(self):
        for junk in ("abc", "-1", "0", "1.5", ""):
            with self.subTest(page=junk):
                response = self.client.get(f"/business/?page={junk}")
                self.assertEqual(response.status_code, 200)
                self.assertEqual(self.titles(response)[0], self.articles[0].title)

    def test_it_answers_a_page_past_the_end_with_the_themed_404(self):
        response = self.client.get("/business/?page=99999")
        self.assertEqual(response.status_code, 404)
        self.assertEqual(text_of(parse_html(response).xpath("//h1")[0]), "Page not found")

    def test_it_shows_the_section_in_the_site_navigation_as_current(self):
        links = parse_html(self.client.get("/business/")).xpath('//nav[@class="site-nav"]//a')
        self.assertEqual(
            [(text_of(a), a.get("aria-current")) for a in links], [("Business", "page"), ("Technology", None)]
        )
