"""Feeds and sitemaps must change their validators when an article leaves them, not only when one arrives."""

from datetime import timedelta

from django.http import HttpResponse
from django.test import RequestFactory, SimpleTestCase, TestCase
from django.utils import timezone
from django.utils.http import http_date
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import PageViewRestriction

from newsdesk.distribution.conditional import respond
from newsdesk.testing import Newsroom, make_article, minutes_ago

FEEDS = [
    f"{base}feed/{fmt}/"
    for base in ("/", "/global-affairs/", "/authors/amina-rahman/", "/tags/cpec/")
    for fmt in ("rss", "atom", "json")
]
SITEMAPS = ["/sitemap.xml", "/sitemap-articles-1.xml", "/sitemap-pages-1.xml", "/sitemap-news.xml"]


class WithdrawalTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.room = Newsroom()
        # Old (far from the newest), yet in every feed and in the two-day news window.
        cls.old = make_article(
            cls.room.world,
            "An older story that will be withdrawn",
            authors=[cls.room.person],
            tags=["CPEC"],
            published_at=minutes_ago(900),
        )

    def validators(self, urls) -> dict:
        found = {}
        for url in urls:
            response = self.client.get(url)
            self.assertEqual(response.status_code, 200, url)
            # No date when the list changed within the second being served (see conditional.respond).
            found[url] = (response["ETag"], response.get("Last-Modified"))
        return found

    def assert_revalidation_sees_the_change(self, before: dict, gone: str):
        for url, (etag, last_modified) in before.items():
            with self.subTest(url=url):
                dated = {"HTTP_IF_MODIFIED_SINCE": last_modified} if last_modified else {}
                response = self.client.get(url, HTTP_IF_NONE_MATCH=etag, **dated)
                self.assertEqual(response.status_code, 200)
                self.assertNotEqual(response["ETag"], etag)
                if last_modified:
                    self.assertNotEqual(response.get("Last-Modified"), last_modified)
                    by_date_alone = self.client.get(url, **dated)
                    self.assertEqual(
                        by_date_alone.status_code, 200, "a reader revalidating by date must see the change"
                    )
                self.assertNotIn(gone, response.content.decode())

    def test_unpublishing_an_old_article_changes_every_feed_and_sitemap(self):
        before = self.validators(FEEDS + SITEMAPS)
        for url in FEEDS + ["/sitemap-articles-1.xml", "/sitemap-news.xml"]:
            self.assertIn(f"/{self.old.slug}/", self.client.get(url).content.decode(), url)
        self.old.unpublish()
        self.assert_revalidation_sees_the_change(before, f"/{self.old.slug}/")

    def test_making_an_article_private_changes_the_feeds(self):
        before = self.validators(FEEDS[:3])
        PageViewRestriction.objects.create(page=self.old, restriction_type=PageViewRestriction.PASSWORD, password="x")
        self.assert_revalidation_sees_the_change(before, f"/{self.old.slug}/")

    def test_deleting_an_article_changes_the_articles_sitemap(self):
        before = self.validators(["/sitemap-articles-1.xml"])
        self.old.delete()
        self.assert_revalidation_sees_the_change(before, f"/{self.old.slug}/")

    def test_an_old_address_of_an_unpublished_article_does_not_reveal_its_new_one(self):
        Redirect.objects.create(old_path="/global-affairs/first-slug", redirect_page=self.old)
        self.assertRedirects(
            self.client.get("/global-affairs/first-slug/"), self.old.url, status_code=301, fetch_redirect_response=False
        )
        self.old.unpublish()
        response = self.client.get("/global-affairs/first-slug/")
        self.assertEqual(response.status_code, 404)
        self.assertNotIn(self.old.slug, response.get("Location", "") + response.content.decode())


class SameSecondTests(SimpleTestCase):
    """HTTP dates count whole seconds; a list may change twice within one."""

    def answer(self, changed_at, **headers):
        request = RequestFactory().get("/feed/rss/", **headers)
        return respond(request, (changed_at, "items"), lambda: HttpResponse("<rss/>"))

    def test_a_list_changed_seconds_ago_is_dated_and_revalidates_by_date(self):
        changed_at = timezone.now() - timedelta(seconds=5)
        first = self.answer(changed_at)
        self.assertEqual(first["Last-Modified"], http_date(int(changed_at.timestamp())))
        self.assertEqual(self.answer(changed_at, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code, 304)

    def test_a_list_changed_within_the_current_second_is_not_dated(self):
        changed_at = timezone.now()
        first = self.answer(changed_at)
        self.assertNotIn("Last-Modified", first)
        self.assertEqual(self.answer(changed_at, HTTP_IF_NONE_MATCH=first["ETag"]).status_code, 304)
        # A reader holding only this second's date must get the list again: it may have changed since.
        same_second = self.answer(changed_at, HTTP_IF_MODIFIED_SINCE=http_date(int(changed_at.timestamp())))
        self.assertEqual(same_second.status_code, 200)
