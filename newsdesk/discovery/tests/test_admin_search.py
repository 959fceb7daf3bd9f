from django.test import TestCase
from django.urls import reverse

from newsdesk.testing import DeskPersonas, paragraphs, parse_html, text_of


class AdminPageSearchTests(DeskPersonas, TestCase):
    """The admin's page search runs on the site's engine: body phrases, drafts the editor may see."""

    @classmethod
    def setUpTestData(cls):
        cls.make_desk()
        cls.draft = cls.article_by(
            cls.contributor,
            cls.business,
            title="Quarterly figures",
            body=paragraphs("The auditors found a missing ledger reconciliation in the port accounts."),
        )
        cls.published = cls.article_by(
            cls.other_contributor,
            cls.technology,
            publish=True,
            title="Server room notes",
            body=paragraphs("Nightly ledger reconciliation moved to the new servers."),
        )

    def headlines(self, params) -> list[str]:
        response = self.client.get(reverse("wagtailadmin_pages:search"), params)
        self.assertEqual(response.status_code, 200)
        return [text_of(a) for a in parse_html(response).xpath("//table//td[contains(@class, 'title')]//a[1]")]

    def test_the_author_finds_their_draft_by_a_phrase_from_its_body(self):
        self.client.force_login(self.contributor)
        found = self.headlines({"q": '"missing ledger reconciliation"'})
        self.assertTrue(any("Quarterly figures" in headline for headline in found), found)

    def test_another_contributor_does_not_find_that_draft(self):
        self.client.force_login(self.other_contributor)
        found = " ".join(self.headlines({"q": "ledger reconciliation"}))
        self.assertNotIn("Quarterly figures", found)
        self.assertIn("Server room notes", found)

    def test_the_reader_page_filters_apply(self):
        self.client.force_login(self.chief)
        both = " ".join(self.headlines({"q": "ledger reconciliation"}))
        self.assertIn("Quarterly figures", both)
        self.assertIn("Server room notes", both)
        technology = " ".join(self.headlines({"q": "ledger reconciliation", "section": "technology"}))
        self.assertNotIn("Quarterly figures", technology)
        self.assertIn("Server room notes", technology)
        self.assertNotIn("Quarterly figures", " ".join(self.headlines({"q": "ledger -auditors"})))

    def test_sections_are_still_found_by_wagtails_search(self):
        self.client.force_login(self.chief)
        self.assertTrue(any("Technology" in headline for headline in self.headlines({"q": "technology"})))

    def test_the_engines_facets_are_listed_as_links_that_filter(self):
        self.client.force_login(self.chief)
        response = self.client.get(reverse("wagtailadmin_pages:search"), {"q": "ledger reconciliation"})
        links = parse_html(response).xpath('//nav[@aria-label="Filter articles"]//a')
        by_label = {text_of(link): link.get("href") for link in links}
        self.assertIn("Technology (1)", by_label)
        self.assertIn("Business (1)", by_label)
        response = self.client.get(by_label["Technology (1)"])
        found = " ".join(text_of(a) for a in parse_html(response).xpath("//table//td[contains(@class, 'title')]//a[1]"))
        self.assertIn("Server room notes", found)
        self.assertNotIn("Quarterly figures", found)
