"""The page cache in front of Django, called as a WSGI server calls it (newsdesk.wsgi.application)."""

import gzip
import os
import subprocess
import sys
import uuid
from unittest import mock

import brotli
import feedparser
import lxml.html
import redis
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import request_started
from django.db import connection
from django.test import SimpleTestCase, TestCase
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from newsdesk.core import env
from newsdesk.core.pagecache.stores import GENERATION_FILE, MemoryStore, RedisStore
from newsdesk.core.pagecache.wsgi import PageCacheApplication
from newsdesk.testing import call_wsgi, make_article, make_author, make_editor, make_section, minutes_ago
from newsdesk.wsgi import application, django_application

REDIS_TEST_URL = os.environ.get("NEWSDESK_TEST_REDIS_URL", "redis://127.0.0.1:6379/5")


def headline(response) -> str:
    return " ".join(lxml.html.fromstring(response.content).xpath("//h1")[0].text_content().split())


class DjangoEntered:
    """Counts requests that reached Django's handler (it sends request_started for each)."""

    def __enter__(self):
        self.count = 0
        request_started.connect(self._seen)
        return self

    def _seen(self, **kwargs):
        self.count += 1

    def __exit__(self, *exc):
        request_started.disconnect(self._seen)


class PageCacheTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.section = make_section("Business")
        cls.author = make_author("Amina Rahman")
        # Published a few minutes back: a feed changed within the current second carries no date to poll by.
        cls.article = make_article(
            cls.section,
            "Markets rally on trade deal",
            authors=[cls.author],
            tags=["Trade"],
            published_at=minutes_ago(5),
        )

    def setUp(self):
        application.store.clear()

    def test_a_second_reader_gets_the_stored_page_without_entering_django(self):
        first = call_wsgi(application, self.article.url)
        self.assertEqual(first.headers["x-page-cache"], "miss")
        with DjangoEntered() as django, CaptureQueriesContext(connection) as queries:
            second = call_wsgi(application, self.article.url)
        self.assertEqual(second.headers["x-page-cache"], "hit")
        self.assertEqual((django.count, len(queries)), (0, 0))
        self.assertEqual(second.content, first.content)
        self.assertEqual(headline(second), "Markets rally on trade deal")
        self.assertIn("public", second.headers["cache-control"])

    def test_it_answers_in_the_encoding_the_reader_accepts(self):
        plain = call_wsgi(application, self.article.url).content
        zipped = call_wsgi(application, self.article.url, headers={"accept-encoding": "gzip, deflate"})
        self.assertEqual(zipped.headers["content-encoding"], "gzip")
        self.assertEqual(gzip.decompress(zipped.content), plain)
        squeezed = call_wsgi(application, self.article.url, headers={"accept-encoding": "gzip, br"})
        self.assertEqual(squeezed.headers["content-encoding"], "br")
        self.assertEqual(brotli.decompress(squeezed.content), plain)
        refused = call_wsgi(application, self.article.url, headers={"accept-encoding": "br;q=0, gzip;q=0"})
        self.assertNotIn("content-encoding", refused.headers)
        self.assertIn("Accept-Encoding", zipped.headers["vary"])
        self.assertEqual(int(zipped.headers["content-length"]), len(zipped.content))

    def test_a_reader_holding_the_current_copy_gets_304(self):
        page = call_wsgi(application, self.article.url)
        again = call_wsgi(application, self.article.url, headers={"if-none-match": page.headers["etag"]})
        self.assertEqual((again.status_code, again.content), (304, b""))
        stale = call_wsgi(application, self.article.url, headers={"if-none-match": '"something-else"'})
        self.assertEqual(headline(stale), "Markets rally on trade deal")

    def test_a_feed_reader_polling_by_date_gets_304_and_the_feed_otherwise(self):
        feed = call_wsgi(application, "/feed/rss/")
        self.assertEqual(
            [entry.title for entry in feedparser.parse(feed.content).entries], ["Markets rally on trade deal"]
        )
        since = call_wsgi(application, "/feed/rss/", headers={"if-modified-since": feed.headers["last-modified"]})
        self.assertEqual((since.status_code, since.headers["x-page-cache"]), (304, "hit"))

    def test_head_is_answered_from_the_stored_get(self):
        call_wsgi(application, self.article.url)
        head = call_wsgi(application, self.article.url, method="HEAD")
        self.assertEqual((head.status_code, head.content, head.headers["x-page-cache"]), (200, b"", "hit"))
        self.assertGreater(int(head.headers["content-length"]), 1000)

    def test_a_missing_page_is_kept_briefly(self):
        call_wsgi(application, "/no-such-story/")
        again = call_wsgi(application, "/no-such-story/")
        self.assertEqual((again.status_code, again.headers["x-page-cache"]), (404, "hit"))
        self.assertIn(f"s-maxage={settings.NEWSDESK_PAGE_CACHE_404_SECONDS}", again.headers["cache-control"])

    def test_editors_with_a_session_always_reach_django(self):
        editor = make_editor()
        self.client.force_login(editor)
        cookie = f"{settings.SESSION_COOKIE_NAME}={self.client.cookies[settings.SESSION_COOKIE_NAME].value}"
        call_wsgi(application, self.article.url)
        for _ in range(2):
            with DjangoEntered() as django:
                page = call_wsgi(application, self.article.url, headers={"cookie": cookie})
            self.assertEqual((django.count, page.headers.get("x-page-cache")), (1, None))
            self.assertNotIn("public", page.headers.get("cache-control", ""))
        with DjangoEntered() as django:
            call_wsgi(application, self.article.url, headers={"cookie": "csrftoken=abc; theme=dark"})
        self.assertEqual(django.count, 1)

    def test_admin_search_and_pages_that_set_cookies_are_never_stored(self):
        private = make_article(self.section, "Members only")
        PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
        for path in ["/admin/login/", "/search/?q=markets", private.url]:
            for _ in range(2):
                with DjangoEntered() as django:
                    response = call_wsgi(application, path)
                self.assertEqual(django.count, 1, path)
                self.assertNotEqual(response.headers.get("x-page-cache"), "hit", path)
        password_form = call_wsgi(application, private.url)
        self.assertNotIn("Members only", headline(password_form))

    def test_a_purge_in_another_process_reaches_this_one(self):
        call_wsgi(application, self.article.url)
        self.assertEqual(call_wsgi(application, self.article.url).headers["x-page-cache"], "hit")
        # Another worker of the same site: same settings and data folder, its own memory.
        other_worker = (
            "import django; django.setup(); from newsdesk.core.pagecache import page_store; page_store().bump()"
        )
        env = dict(
            os.environ,
            PYTHONPATH=str(settings.PACKAGE_DIR.parent),
            NEWSDESK_DATA_DIR=str(settings.DATA_DIR),
            DJANGO_SETTINGS_MODULE="newsdesk.settings_test",
        )
        env.pop("PYTEST_XDIST_WORKER", None)  # else the test settings would give it a data folder of its own
        subprocess.run([sys.executable, "-c", other_worker], check=True, env=env)
        self.assertEqual(call_wsgi(application, self.article.url).headers["x-page-cache"], "miss")

    def test_the_memory_store_stays_within_its_bound(self):
        pages = [make_article(self.section, f"Story {n}") for n in range(8)]
        call_wsgi(application, pages[0].url)
        one_page = application.store.stored_bytes
        store = MemoryStore(settings.DATA_DIR / GENERATION_FILE, max_bytes=5 * one_page)
        bounded = PageCacheApplication(django_application, store)
        for page in pages:
            call_wsgi(bounded, page.url)
        self.assertLessEqual(store.stored_bytes, 5 * one_page)
        # The newest stay; the least recently used went first.
        self.assertEqual(call_wsgi(bounded, pages[-1].url).headers["x-page-cache"], "hit")
        self.assertEqual(call_wsgi(bounded, pages[0].url).headers["x-page-cache"], "miss")


class RedisPageCacheTests(TestCase):
    """With CACHE_URL=redis://…, every worker (here two applications) shares stored pages and purges."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        try:
            redis.Redis.from_url(REDIS_TEST_URL, socket_connect_timeout=0.5).ping()
        except redis.RedisError as exc:
            cls.tearDownClass()
            raise cls.skipException(f"Redis is not answering at {REDIS_TEST_URL}: {exc}") from exc

    @classmethod
    def setUpTestData(cls):
        cls.article = make_article(make_section("Business"), "Shared between workers")

    def test_workers_share_pages_and_purges(self):
        prefix = f"newsdesk-test:{uuid.uuid4().hex}"
        first_worker = PageCacheApplication(django_application, RedisStore(REDIS_TEST_URL, prefix))
        second_worker = PageCacheApplication(django_application, RedisStore(REDIS_TEST_URL, prefix))
        try:
            filled = call_wsgi(first_worker, self.article.url)
            with DjangoEntered() as django:
                shared = call_wsgi(second_worker, self.article.url, headers={"accept-encoding": "gzip"})
            self.assertEqual(
                (filled.headers["x-page-cache"], shared.headers["x-page-cache"], django.count), ("miss", "hit", 0)
            )
            self.assertEqual(gzip.decompress(shared.content), filled.content)
            first_worker.store.bump()
            self.assertEqual(call_wsgi(second_worker, self.article.url).headers["x-page-cache"], "miss")
        finally:
            client = second_worker.store.client
            client.delete(*client.keys(f"{prefix}:*"))


class FrontendCacheSettingsTests(SimpleTestCase):
    """Varnish and CDN purging is configured from the environment, and a wrong value says what to write."""

    def frontend_caches(self, **variables):
        with mock.patch.dict(os.environ, variables, clear=False):
            return env.frontend_caches()

    def test_varnish_cloudflare_and_cloudfront_each_come_from_their_variables(self):
        caches = self.frontend_caches(
            NEWSDESK_VARNISH_URL="http://127.0.0.1:6081",
            NEWSDESK_CLOUDFLARE_ZONE_ID="zone",
            NEWSDESK_CLOUDFLARE_TOKEN="token",
            NEWSDESK_CLOUDFRONT_DISTRIBUTION_ID="E123",
        )
        self.assertEqual(caches["varnish"]["LOCATION"], "http://127.0.0.1:6081")
        self.assertEqual((caches["cloudflare"]["ZONEID"], caches["cloudflare"]["BEARER_TOKEN"]), ("zone", "token"))
        self.assertEqual(caches["cloudfront"]["DISTRIBUTION_ID"], "E123")

    def test_a_varnish_address_without_a_scheme_is_refused(self):
        with self.assertRaisesMessage(ImproperlyConfigured, "e.g. http://127.0.0.1:6081"):
            self.frontend_caches(NEWSDESK_VARNISH_URL="127.0.0.1:6081")

    def test_a_cloudflare_zone_without_a_token_is_refused(self):
        with self.assertRaisesMessage(ImproperlyConfigured, "NEWSDESK_CLOUDFLARE_TOKEN"):
            self.frontend_caches(NEWSDESK_CLOUDFLARE_ZONE_ID="zone", NEWSDESK_CLOUDFLARE_TOKEN="")
