"""After an import, both search indexes hold every imported page: the site search's and Wagtail's (the
admin's). On PostgreSQL outside a transaction each is written from a thread of its own; a failure in
either stops the step and is raised, never left behind in a thread."""

import shutil
import tempfile
import threading
import unittest
from pathlib import Path
from unittest import mock

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import TransactionTestCase
from modelsearch.backends import get_search_backend
from wagtail.search.models import IndexEntry

from newsdesk.articles.models import ArticlePage
from newsdesk.discovery.engine import SearchQuery, search
from newsdesk.discovery.models import SearchDocument
from newsdesk.importers.load import search as import_search
from newsdesk.importers.report import Report
from newsdesk.importers.tests.material import write_synthetic_export
from newsdesk.importers.wordpress import WordPressImport
from newsdesk.sections.models import StandardPage


@unittest.skipUnless(connection.vendor == "postgresql", "parallel index writers need PostgreSQL")
class ParallelIndexTests(TransactionTestCase):
    serialized_rollback = True  # the home page and roles the migrations made, for the tests after this

    def setUp(self):
        folder = Path(tempfile.mkdtemp(prefix="wxr-index-"))
        self.addCleanup(shutil.rmtree, folder)
        write_synthetic_export(folder / "export.xml", folder / "uploads", 23, realistic=True)
        self.importer = WordPressImport(str(folder / "export.xml"), report=Report(), media_dir=str(folder / "uploads"))
        self.importer.run()  # with search indexing left for afterwards, as the command runs it

    def test_both_indexes_hold_every_imported_page_written_in_parallel(self):
        self.assertGreater(import_search.parallel_jobs(2), 1)  # outside a transaction: the threaded path
        indexed = import_search.index_imported_pages(self.importer.source, chunk_size=5)
        articles = list(ArticlePage.objects.order_by("pk"))
        self.assertEqual(len(articles), 23)
        self.assertEqual(indexed, 23 + StandardPage.objects.count())
        self.assertEqual(sorted(SearchDocument.objects.values_list("page_id", flat=True)), [a.pk for a in articles])
        entries = IndexEntry.objects.filter(content_type=ContentType.objects.get_for_model(ArticlePage))
        self.assertEqual(
            sorted(int(pk) for pk in entries.values_list("object_id", flat=True)), [a.pk for a in articles]
        )
        # Each index finds an article by a word of its body.
        article = articles[7]
        word = max(article.body_text().split(), key=len).strip(".,;:")
        self.assertIn(article.pk, [page.pk for page in get_search_backend().search(word, ArticlePage)])
        self.assertIn(article.pk, [hit.page_id for hit in search(SearchQuery(text=word, per_page=50)).hits])
        # Each writer's connection compressed the pages' text as the import's own does.
        with connection.cursor() as cursor:
            cursor.execute("SELECT enumvals FROM pg_settings WHERE name = 'default_toast_compression'")
            if "lz4" in cursor.fetchone()[0]:
                for table, column in (("discovery_searchdocument", "body"), ("wagtailsearch_indexentry", "body_text")):
                    cursor.execute(
                        f"SELECT DISTINCT pg_column_compression({column}) FROM {table} "
                        f"WHERE pg_column_compression({column}) IS NOT NULL"
                    )
                    self.assertEqual(cursor.fetchall(), [("lz4",)], table)

    def test_a_failing_writer_stops_the_step_and_its_error_is_raised(self):
        threads = threading.active_count()
        for writer in ("add_to_wagtail", "add_to_site_search"):
            with (
                self.subTest(writer),
                mock.patch.object(import_search, writer, side_effect=RuntimeError("index unavailable")),
                self.assertRaisesMessage(RuntimeError, "index unavailable"),
            ):
                import_search.index_imported_pages(self.importer.source, chunk_size=5)
            self.assertEqual(threading.active_count(), threads)  # both writers' threads ended
        # Run again, the step completes.
        self.assertEqual(import_search.index_imported_pages(self.importer.source), 23 + StandardPage.objects.count())
        self.assertEqual(SearchDocument.objects.count(), 23)
