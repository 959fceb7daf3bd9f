"""Every change a reader could see is read afresh by a process that kept the old site, settings, private
pages and addresses in its memo (core/memo.py).

The same changes and crawl as the page-cache tests, with the page cache out of the way and the memo on.
The purging process empties its own memo at once; here that is switched off during the change, so only
the purge's generation bump makes the memo stale, as it does for every other process.
"""

from unittest import mock

from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from newsdesk.core import memo
from newsdesk.editorial.tests import test_reader_cache_purge as page_cache_tests
from newsdesk.testing import call_wsgi
from newsdesk.wsgi import django_application


@override_settings(NEWSDESK_READER_MEMO=True)
class MemoAfterEveryChangeTests(page_cache_tests.PurgeOnEveryChangeTests):
    def setUp(self):
        super().setUp()
        # Ids come back after each test's rollback: what another test's desk kept must go.
        memo.clear()

    def crawl(self, paths) -> dict:
        return {path: call_wsgi(django_application, path) for path in paths}

    def assert_warm(self):
        # The memo serves: the article renders with fewer queries than without it.
        with CaptureQueriesContext(connection) as warm:
            self.crawl([self.target.url])
        with self.settings(NEWSDESK_READER_MEMO=False), CaptureQueriesContext(connection) as cold:
            self.crawl([self.target.url])
        self.assertLess(len(warm), len(cold))

    def render_fresh(self, path):
        with self.settings(NEWSDESK_READER_MEMO=False):
            return call_wsgi(django_application, path)

    def assert_fresh_everywhere_after(self, change, *, shows):
        def as_another_process():
            with mock.patch("newsdesk.core.pagecache.purge.memo.clear"):
                change()

        return super().assert_fresh_everywhere_after(as_another_process, shows=shows)

    def test_an_upload_or_a_new_author_keeps_every_cached_page(self):
        """Not a question for the memo: the page cache's own test covers it."""
