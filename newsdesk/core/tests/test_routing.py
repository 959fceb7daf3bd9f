"""Reader pages found by address in one query (core/routing.py) answer as Wagtail's own routing would."""

from unittest import mock

from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from newsdesk.core import memo
from newsdesk.testing import make_article, make_section


@override_settings(NEWSDESK_READER_MEMO=True)
class ReaderRoutingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.section = make_section("Business")
        cls.article = make_article(cls.section, "Markets steady after the budget")

    def setUp(self):
        memo.clear()
        # One generation throughout, as between two purges; a purge's own clear is what each test decides.
        generation = mock.patch("newsdesk.core.pagecache.stores.current_generation", return_value=1)
        generation.start()
        self.addCleanup(generation.stop)

    def get(self, url):
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url)
        return response, len(queries)

    def test_an_article_read_again_costs_one_query_to_find(self):
        first, _ = self.get(self.article.url)
        again, queries = self.get(self.article.url)
        self.assertContains(first, "Markets steady after the budget")
        self.assertEqual(again.content, first.content)
        with self.settings(NEWSDESK_READER_MEMO=False):
            walked, walked_queries = self.get(self.article.url)
        self.assertEqual(walked.content, first.content)
        self.assertLess(queries, walked_queries)

    def test_addresses_of_no_page_a_draft_or_a_section_prefix_answer_as_before(self):
        draft = make_article(self.section, "Not out yet", publish=False)
        for url in ("/business/no-such-story/", draft.url or f"/business/{draft.slug}/", "/nowhere/"):
            with self.subTest(url):
                self.assertEqual(self.get(url)[0].status_code, 404)
        self.assertEqual(self.get("/business/")[0].status_code, 200)
        self.assertEqual(self.get("/")[0].status_code, 200)

    def test_a_page_made_private_in_another_process_asks_for_the_password(self):
        self.assertContains(self.get(self.article.url)[0], "Markets steady after the budget")
        # Another process's purge reaches this one only by the generation: the memo is not emptied here.
        with mock.patch("newsdesk.core.pagecache.purge.memo.clear"), self.captureOnCommitCallbacks(execute=True):
            PageViewRestriction.objects.create(
                page=self.article, restriction_type=PageViewRestriction.PASSWORD, password="x"
            )
        with mock.patch("newsdesk.core.pagecache.stores.current_generation", return_value=2):
            response = self.get(self.article.url)[0]
        self.assertNotContains(response, "Markets steady after the budget", status_code=200)
        self.assertContains(response, 'name="password"')

    def test_a_private_section_keeps_its_articles_private(self):
        PageViewRestriction.objects.create(
            page=self.section, restriction_type=PageViewRestriction.PASSWORD, password="x"
        )
        response = self.get(self.article.url)[0]
        self.assertNotContains(response, "Markets steady after the budget", status_code=200)
        self.assertContains(response, 'name="password"')
