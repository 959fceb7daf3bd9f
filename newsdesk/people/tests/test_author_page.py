from django.test import TestCase

from newsdesk.core.pagination import PER_PAGE
from newsdesk.people.models import AuthorLink
from newsdesk.testing import make_article, make_author, make_image, make_section, minutes_ago, parse_html, text_of


class AuthorPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        section = make_section("Business")
        cls.author = make_author(
            "Lena Park",
            role="Markets editor",
            bio="Lena covers markets.",
            photo=make_image("Lena", width=200, height=200, alt_text="Lena Park"),
        )
        AuthorLink.objects.create(author=cls.author, label="Mastodon", url="https://example.social/@lena")
        other = make_author("Someone Else")
        cls.work = [
            make_article(section, f"Lena story {n}", authors=[cls.author], published_at=minutes_ago(n))
            for n in range(PER_PAGE + 1)
        ]
        make_article(section, "Not Lena's", authors=[other])

    def test_it_shows_the_profile_and_their_published_work(self):
        tree = parse_html(self.client.get("/authors/lena-park/"))
        self.assertEqual(text_of(tree.xpath("//h1")[0]), "Lena Park")
        header = text_of(tree.xpath('//header[contains(@class, "profile")]')[0])
        self.assertIn("Markets editor", header)
        self.assertIn("Lena covers markets.", header)
        self.assertEqual(tree.xpath('//ul[@class="author-links"]//a')[0].get("href"), "https://example.social/@lena")
        titles = [text_of(a) for a in tree.xpath('//article[@class="teaser"]//h3/a')]
        self.assertEqual(titles, [a.title for a in self.work[:PER_PAGE]])

    def test_it_paginates_the_work(self):
        tree = parse_html(self.client.get("/authors/lena-park/?page=2"))
        self.assertEqual([text_of(a) for a in tree.xpath('//article[@class="teaser"]//h3/a')], [self.work[-1].title])
        self.assertEqual(self.client.get("/authors/lena-park/?page=-1").status_code, 200)
        self.assertEqual(self.client.get("/authors/lena-park/?page=99999").status_code, 404)

    def test_it_answers_an_unknown_author_with_the_themed_404(self):
        response = self.client.get("/authors/nobody/")
        self.assertEqual(response.status_code, 404)
        self.assertEqual(text_of(parse_html(response).xpath("//h1")[0]), "Page not found")
