"""Feeds and sitemaps must change their validators when an article leaves them, not only when one arrives."""

from django.test import TestCase
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import PageViewRestriction

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
            found[url] = (response["ETag"], response["Last-Modified"])
        return found

    def assert_revalidation_sees_the_change(self, before: dict, gone: str):
        for url, (etag, last_modified) in before.items():
            with self.subTest(url=url):
                response = self.client.get(url, HTTP_IF_NONE_MATCH=etag, HTTP_IF_MODIFIED_SINCE=last_modified)
                self.assertEqual(response.status_code, 200)
                self.assertNotEqual(response["ETag"], etag)
                self.assertNotEqual(response["Last-Modified"], last_modified)
                by_date_alone = self.client.get(url, HTTP_IF_MODIFIED_SINCE=last_modified)
                self.assertEqual(by_date_alone.status_code, 200, "a reader revalidating by date must see the change")
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
