"""Every change a reader could see leaves no stale fragment (core/fragments.py) in a page Django renders.

The same changes and crawl as the page-cache tests, with the page cache out of the way: pages are
rendered by Django with fragments kept between requests, before and after the change, and each
answer is compared with what Django renders with no fragment at all.
"""

from django.core.cache import caches
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from newsdesk.editorial.tests import test_reader_cache_purge as page_cache_tests
from newsdesk.testing import call_wsgi
from newsdesk.wsgi import django_application


@override_settings(NEWSDESK_FRAGMENT_CACHE=True)
class FragmentsAfterEveryChangeTests(page_cache_tests.PurgeOnEveryChangeTests):
    def setUp(self):
        super().setUp()
        # Ids and revision ids come back after each test's rollback: fragments of another test's pages must go.
        caches["fragments"].clear()

    def crawl(self, paths) -> dict:
        return {path: call_wsgi(django_application, path) for path in paths}

    def assert_warm(self):
        # Kept fragments show: the article renders with fewer queries than with none kept.
        with CaptureQueriesContext(connection) as warm:
            self.crawl([self.target.url])
        with self.settings(NEWSDESK_FRAGMENT_CACHE=False), CaptureQueriesContext(connection) as cold:
            self.crawl([self.target.url])
        self.assertLess(len(warm), len(cold))

    def render_fresh(self, path):
        with self.settings(NEWSDESK_FRAGMENT_CACHE=False):
            return call_wsgi(django_application, path)

    def test_an_upload_or_a_new_author_keeps_every_cached_page(self):
        """Not a question for fragments: the page cache's own test covers it."""
