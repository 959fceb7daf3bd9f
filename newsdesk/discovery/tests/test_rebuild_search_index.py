import unittest
from io import StringIO
from unittest import mock

from django.core.management import call_command
from django.db import connection, transaction
from django.test import TestCase, TransactionTestCase

from newsdesk.discovery.engine import SearchQuery, indexing, search
from newsdesk.discovery.models import SearchDocument, SearchTerm
from newsdesk.testing import make_article, make_author, make_section


class RebuildSearchIndexTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.business = make_section("Business", slug="business")
        cls.technology = make_section("Technology", slug="technology")
        cls.articles = [
            make_article(cls.business, f"Harbour dredging contract {n}", authors=[make_author(f"Writer {n}")])
            for n in range(3)
        ]

    def rebuild(self) -> str:
        out, err = StringIO(), StringIO()
        call_command("rebuild-search-index", batch_size=2, stdout=out, stderr=err)
        return out.getvalue()

    def test_it_restores_a_lost_index_and_says_what_it_did(self):
        SearchDocument.objects.all().delete()
        SearchTerm.objects.all().delete()
        self.assertEqual(search(SearchQuery("dredging ")).total, 0)
        output = self.rebuild()
        self.assertIn("Indexed 3 articles for search", output)
        self.assertEqual(search(SearchQuery("dredging ")).total, 3)
        self.assertEqual(SearchTerm.objects.get(term="dredging").documents, 3)

    def test_running_it_twice_counts_the_vocabulary_once(self):
        self.rebuild()
        self.rebuild()
        self.assertEqual(SearchTerm.objects.get(term="harbour").documents, 3)

    def test_it_drops_entries_of_pages_that_are_no_longer_articles(self):
        SearchDocument.objects.create(page=self.technology, headline="A section, not an article", path="x")
        self.assertIn("1 stale entries dropped", self.rebuild())
        self.assertFalse(SearchDocument.objects.filter(page=self.technology).exists())


@unittest.skipIf(
    connection.vendor == "sqlite",
    "SQLite has one writer at a time, so a rebuild there writes through one connection; run with "
    "DATABASE_URL=postgres://… to exercise the parallel rebuild.",
)
class ParallelRebuildTests(TransactionTestCase):
    """On PostgreSQL a rebuild writes through several connections; committed, as other connections see only that."""

    serialized_rollback = True  # the home page and roles the migrations made, for the tests after this

    def setUp(self):
        section = make_section("Business", slug="business")
        self.articles = [make_article(section, f"Harbour dredging contract {n}") for n in range(7)]
        SearchDocument.objects.all().delete()
        SearchTerm.objects.all().delete()

    def test_two_connections_index_every_article_and_count_each_word_once(self):
        self.assertEqual(indexing.parallel_jobs(2), 2)
        with transaction.atomic():  # inside a transaction the others could not see its articles
            self.assertEqual(indexing.parallel_jobs(2), 1)
        out = StringIO()
        call_command("rebuild-search-index", batch_size=2, jobs=2, no_progress=True, stdout=out)
        self.assertIn("Indexed 7 articles for search", out.getvalue())
        self.assertEqual(set(SearchDocument.objects.values_list("page_id", flat=True)), {a.pk for a in self.articles})
        self.assertEqual(SearchTerm.objects.get(term="dredging").documents, 7)
        self.assertEqual(search(SearchQuery("dredging ")).total, 7)

    def test_a_failing_batch_stops_the_rebuild_with_its_error(self):
        real = indexing.index_pages

        def failing(ids, **kwargs):
            if self.articles[4].pk in ids:
                raise RuntimeError("disk full")
            return real(ids, **kwargs)

        with mock.patch.object(indexing, "index_pages", failing), self.assertRaisesMessage(RuntimeError, "disk full"):
            call_command("rebuild-search-index", batch_size=2, jobs=2, no_progress=True, stdout=StringIO())


class IndexFollowsThePageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.business = make_section("Business", slug="business")
        cls.technology = make_section("Technology", slug="technology")
        cls.article = make_article(cls.business, "Satellite launch delayed")

    def section_of(self):
        return SearchDocument.objects.get(page_id=self.article.pk).section

    def test_a_moved_article_carries_its_new_section(self):
        self.assertEqual(self.section_of(), "business")
        self.article.move(self.technology, pos="last-child")
        self.assertEqual(self.section_of(), "technology")
        results = search(SearchQuery("satellite ", sections=("technology",)))
        self.assertEqual([page.pk for page in results.pages], [self.article.pk])

    def test_a_renamed_section_is_carried_by_its_articles(self):
        self.business.slug = "economy"
        self.business.save_revision().publish()
        self.assertEqual(self.section_of(), "economy")

    def test_a_deleted_article_leaves_the_index(self):
        self.article.delete()
        self.assertFalse(SearchDocument.objects.exists())
        self.assertEqual(search(SearchQuery("satellite ")).total, 0)

    def test_saving_an_article_again_does_not_count_its_words_again(self):
        before = SearchTerm.objects.get(term="satellite").documents
        self.article.title = "Satellite launch delayed again by weather"
        self.article.save_revision().publish()
        self.assertEqual(SearchTerm.objects.get(term="satellite").documents, before)
        self.assertEqual(SearchTerm.objects.get(term="weather").documents, 1)
