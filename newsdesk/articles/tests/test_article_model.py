"""What an article knows about itself: its section, when it last changed, its tag names."""

from unittest import mock

from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.search.backends import get_search_backend

from newsdesk.articles.models import ArticlePage
from newsdesk.articles.text import stream_text
from newsdesk.core import memo
from newsdesk.testing import make_article, make_image, make_section, minutes_ago, paragraphs, rich_body


class ArticleModelTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.world = make_section("World")
        cls.business = make_section("Business")
        cls.first = make_article(cls.world, "First", tags=["Trade", "China"], published_at=minutes_ago(60))
        cls.second = make_article(cls.business, "Second", published_at=minutes_ago(30), updated_at=minutes_ago(5))

    def test_section_is_the_parent_section(self):
        self.assertEqual(ArticlePage.objects.get(pk=self.first.pk).section, self.world)

    def test_sections_for_a_list_come_in_one_query(self):
        articles = list(ArticlePage.objects.order_by("pk"))
        with self.assertNumQueries(1):
            ArticlePage.attach_sections(articles)
            self.assertEqual([a.section for a in articles], [self.world, self.business])

    def test_modified_at_is_the_stated_update_else_the_last_publication(self):
        self.assertEqual(self.second.modified_at, self.second.updated_at)
        self.assertEqual(self.first.modified_at, self.first.last_published_at)

    def test_tag_names(self):
        self.assertEqual(sorted(ArticlePage.objects.get(pk=self.first.pk).tag_names), ["China", "Trade"])


@override_settings(NEWSDESK_READER_MEMO=True)
class SectionsKeptPerGenerationTests(TestCase):
    """Every list of articles names their sections: read once per purge generation, fresh after a purge."""

    @classmethod
    def setUpTestData(cls):
        cls.world = make_section("World")
        cls.business = make_section("Business")
        make_article(cls.world, "First", published_at=minutes_ago(60))
        make_article(cls.business, "Second", published_at=minutes_ago(30))

    def setUp(self):
        memo.clear()  # ids come back after each test's rollback

    def listed(self):
        return [article.section for article in ArticlePage.attach_sections(ArticlePage.objects.order_by("pk"))]

    def test_lists_after_the_first_read_no_sections(self):
        self.assertEqual(self.listed(), [self.world, self.business])
        with self.assertNumQueries(1):  # the articles themselves
            self.assertEqual(self.listed(), [self.world, self.business])

    def test_a_section_unpublished_or_renamed_shows_in_the_next_list_of_every_process(self):
        self.listed()
        # Another process learns of the change from the purge's generation alone (this one also empties its memo).
        with mock.patch("newsdesk.core.pagecache.purge.memo.clear"), self.captureOnCommitCallbacks(execute=True):
            self.business.unpublish()
        self.assertEqual(self.listed(), [self.world, None])
        with mock.patch("newsdesk.core.pagecache.purge.memo.clear"), self.captureOnCommitCallbacks(execute=True):
            self.world.title = "Around the world"
            self.world.save_revision().publish()
        self.assertEqual([section.title if section else None for section in self.listed()], ["Around the world", None])


class BodyTextTests(TestCase):
    """What Wagtail's search backends (the admin's page search and choosers) index of a body."""

    @classmethod
    def setUpTestData(cls):
        cls.image = make_image("Cranes")
        body = rich_body(images=[cls.image], image_caption="Gantry cranes at dusk") + paragraphs(
            "Tolls &amp; <b>tariffs</b> rose"
        )
        cls.article = make_article(make_section("World"), "Corridor visit", body=body)

    def test_every_word_a_reader_reads_and_nothing_else(self):
        text = ArticlePage.objects.get(pk=self.article.pk).body_text()
        for words in ("arrived in Beijing on 4 February", "The corridor", "iron-clad friendship", "Joint statement"):
            self.assertIn(words, text)
        self.assertIn("Five new corridors", text)  # pull quote
        self.assertIn("Gantry cranes at dusk", text)  # image caption
        self.assertIn("Tolls & tariffs rose", text)  # tags gone, entities read
        self.assertIn("صدر مملکت", text)
        for markup in ("<", "h2", "h3", "https://example.org"):
            self.assertNotIn(markup, text)

    def test_read_once_for_each_body_the_page_is_given(self):
        article = ArticlePage.objects.get(pk=self.article.pk)
        with mock.patch("newsdesk.articles.models.stream_text", wraps=stream_text) as read:
            article.body_text()
            article.body_text()
            self.assertEqual(read.call_count, 1)
            article.body = paragraphs("A new first paragraph")
            self.assertEqual(article.body_text(), "A new first paragraph")
            self.assertEqual(read.call_count, 2)

    def test_wagtails_backend_finds_an_article_by_its_caption_without_reading_its_images(self):
        article = ArticlePage.objects.get(pk=self.article.pk)
        with CaptureQueriesContext(connection) as queries:
            get_search_backend().add(article)
        self.assertFalse([q for q in queries.captured_queries if "images_newsimage" in q["sql"]])
        self.assertEqual([page.pk for page in ArticlePage.objects.search("gantry")], [self.article.pk])
        self.assertEqual([page.pk for page in ArticlePage.objects.search("tariffs")], [self.article.pk])
