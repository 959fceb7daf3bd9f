"""What counts as published for every distribution output."""

from datetime import timedelta

from django.test import RequestFactory, TestCase
from django.utils import timezone

from newsdesk.articles.models import ArticlePage
from newsdesk.distribution.links import PageUrls
from newsdesk.testing import make_article, make_section


class PublishedArticlesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.section = make_section("World")
        cls.visible = make_article(cls.section, "Visible story")
        # Live, but its go-live time is ahead: what an embargo set on a live page, or an import, leaves behind.
        cls.embargoed = make_article(cls.section, "Embargoed story")
        ArticlePage.objects.filter(pk=cls.embargoed.pk).update(go_live_at=timezone.now() + timedelta(hours=3))
        cls.draft = make_article(cls.section, "Draft story", publish=False)

    def test_it_keeps_out_live_articles_whose_go_live_time_is_ahead(self):
        self.assertEqual([a.title for a in ArticlePage.objects.published()], ["Visible story"])

    def test_the_embargoed_article_reaches_no_output(self):
        for url in [
            "/feed/rss/",
            "/feed/atom/",
            "/feed/json/",
            "/world/feed/rss/",
            "/sitemap-articles-1.xml",
            "/sitemap-news.xml",
            "/api/v1/articles/",
        ]:
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertNotIn("Embargoed story", response.content.decode())
                self.assertNotIn(f"/{self.embargoed.slug}/", response.content.decode())

        for url in [
            self.embargoed.url,
            f"/api/v1/articles/{self.embargoed.pk}/",
            f"/ninjs/articles/{self.embargoed.pk}.json",
        ]:
            self.assertEqual(self.client.get(url).status_code, 404, url)

    def test_it_appears_once_its_time_has_come(self):
        ArticlePage.objects.filter(pk=self.embargoed.pk).update(go_live_at=timezone.now() - timedelta(minutes=1))
        self.assertIn("Embargoed story", self.client.get("/feed/rss/").content.decode())

    def test_page_urls_from_rows_match_wagtail(self):
        request = RequestFactory().get("/")
        urls = PageUrls(request)
        self.assertEqual(urls(self.visible.url_path), "http://testserver" + self.visible.get_url(request))
        korean = make_article(self.section, "서울 시장 선거 결과", slug="서울-시장-선거-결과")
        self.assertIn("%EC%84%9C%EC%9A%B8", urls(korean.url_path))
        self.assertEqual(urls(korean.url_path), "http://testserver" + korean.get_url(request))
        for sitemap in ("/sitemap-articles-1.xml", "/sitemap-news.xml"):
            with self.subTest(sitemap=sitemap):
                self.assertIn(f"<loc>{urls(korean.url_path)}</loc>", self.client.get(sitemap).content.decode())


class ExpiryTests(TestCase):
    """An article leaves every output at its expiry time, before the scheduler's pass unpublishes it."""

    @classmethod
    def setUpTestData(cls):
        cls.section = make_section("World")
        cls.kept = make_article(cls.section, "Kept story")
        cls.expired = make_article(cls.section, "Expired story")
        # Still live: no scheduler has run since its expiry passed.
        ArticlePage.objects.filter(pk=cls.expired.pk).update(expire_at=timezone.now() - timedelta(seconds=5))
        cls.expiring = make_article(cls.section, "Expiring story")
        ArticlePage.objects.filter(pk=cls.expiring.pk).update(expire_at=timezone.now() + timedelta(seconds=90))

    def test_an_expired_article_reaches_no_output(self):
        self.assertEqual({a.title for a in ArticlePage.objects.published()}, {"Kept story", "Expiring story"})
        for url in ["/", "/world/", "/feed/rss/", "/feed/atom/", "/feed/json/", "/world/feed/rss/"] + [
            "/sitemap-articles-1.xml",
            "/sitemap-news.xml",
            "/api/v1/articles/",
            "/search/?q=story",
            "/api/v1/search/?q=story",
        ]:
            with self.subTest(url=url):
                content = self.client.get(url).content.decode()
                self.assertIn(f"/{self.kept.slug}/", content)
                self.assertNotIn("Expired story", content)
                self.assertNotIn(f"/{self.expired.slug}/", content)
        for url in [
            self.expired.url,
            f"/api/v1/articles/{self.expired.pk}/",
            f"/ninjs/articles/{self.expired.pk}.json",
        ]:
            self.assertEqual(self.client.get(url).status_code, 404, url)

    def test_shared_caches_keep_an_article_no_longer_than_its_expiry(self):
        response = self.client.get(self.expiring.url)
        self.assertEqual(response.status_code, 200)
        directives = dict(
            part.strip().partition("=")[::2] for part in response["Cache-Control"].split(",") if "=" in part
        )
        self.assertLessEqual(int(directives["s-maxage"]), 90)
        self.assertGreater(int(directives["s-maxage"]), 0)
        kept = self.client.get(self.kept.url)
        self.assertIn("s-maxage=300", kept["Cache-Control"])
