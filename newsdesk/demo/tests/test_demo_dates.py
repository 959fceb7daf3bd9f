"""`newsdesk demo` (run by every `make run`) keeps the demo desk's news recent, but never redates an
article an editor has touched."""

import io
from datetime import timedelta

from django.core.management import call_command
from django.db.models import F
from django.test import TestCase, override_settings
from django.utils import timezone
from lxml import etree

from newsdesk.articles.models import ArticleCorrection, ArticlePage
from newsdesk.demo import content
from newsdesk.testing import make_editor

NEWS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "news": "http://www.google.com/schemas/sitemap-news/0.9"}
THREE_DAYS = timedelta(days=3)


def news_sitemap_titles(client) -> list[str]:
    sitemap = etree.fromstring(client.get("/sitemap-news.xml").content)
    return sitemap.xpath("//news:title/text()", namespaces=NEWS)


@override_settings(WAGTAILADMIN_BASE_URL="http://testserver")
class DemoDatesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("demo", stdout=io.StringIO())
        cls.newest = min(content.ARTICLES, key=lambda spec: spec["age"])
        # A desk loaded three days ago:
        ArticlePage.objects.update(
            first_published_at=F("first_published_at") - THREE_DAYS,
            last_published_at=F("last_published_at") - THREE_DAYS,
        )
        ArticleCorrection.objects.update(published_at=F("published_at") - THREE_DAYS)
        for article in ArticlePage.objects.all():  # the revisions carry the same dates as the live rows
            revision = article.latest_revision
            revision.content = article.serializable_data()
            revision.save(update_fields=["content"])
        cls.edited = ArticlePage.objects.get(slug=cls.newest["slug"])
        cls.edited.title = "Rewritten by the desk"
        cls.edited.save_revision(user=make_editor()).publish()
        cls.edited_date = ArticlePage.objects.get(pk=cls.edited.pk).first_published_at
        cls.aged_sitemap = news_sitemap_titles(cls.client_class())
        call_command("demo", stdout=io.StringIO())

    def test_the_stale_desk_had_an_empty_news_sitemap(self):
        self.assertEqual(self.aged_sitemap, [])

    def test_a_rerun_brings_the_untouched_demo_articles_back_into_the_news_sitemap(self):
        titles = news_sitemap_titles(self.client)
        recent = [
            spec["title"]
            for spec in content.ARTICLES
            if spec["age"] < timedelta(hours=47) and spec["slug"] != self.newest["slug"]
        ]
        self.assertTrue(recent)
        self.assertEqual(sorted(titles), sorted(recent))

    def test_untouched_articles_are_again_their_intended_age(self):
        now = timezone.now()
        for spec in content.ARTICLES:
            if spec["slug"] == self.newest["slug"]:
                continue
            article = ArticlePage.objects.get(slug=spec["slug"])
            self.assertLess(abs(now - spec["age"] - article.first_published_at), timedelta(minutes=5), spec["slug"])
            for correction in article.corrections.all():
                self.assertGreater(correction.published_at, article.first_published_at)

    def test_the_next_publish_by_an_editor_keeps_the_recent_dates(self):
        article = ArticlePage.objects.filter(corrections__isnull=False).exclude(pk=self.edited.pk).distinct().first()
        self.assertIsNotNone(article)
        before = [article.updated_at, *sorted(c.published_at for c in article.corrections.all())]
        article.get_latest_revision().publish()
        article = ArticlePage.objects.get(pk=article.pk)
        after = [article.updated_at, *sorted(c.published_at for c in article.corrections.all())]
        # Revisions keep times to the millisecond.
        self.assertEqual(len(after), len(before))
        for moment, expected in zip(after, before, strict=True):
            self.assertLess(abs(moment - expected), timedelta(seconds=1))

    def test_an_article_an_editor_changed_keeps_its_date(self):
        article = ArticlePage.objects.get(pk=self.edited.pk)
        self.assertEqual(article.title, "Rewritten by the desk")
        self.assertEqual(article.first_published_at, self.edited_date)
        self.assertNotIn("Rewritten by the desk", news_sitemap_titles(self.client))
