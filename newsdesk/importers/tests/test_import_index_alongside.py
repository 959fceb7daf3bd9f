"""`newsdesk import-wordpress` on PostgreSQL indexes each committed batch in a second process while it
imports (load/alongside.py). Whatever that process does or fails to do, both search indexes end up holding
every imported page, and it never outlives the command."""

import io
import shutil
import tempfile
import unittest
from pathlib import Path
from unittest import mock

from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import TransactionTestCase
from wagtail.search.models import IndexEntry

from newsdesk.articles.models import ArticlePage
from newsdesk.discovery.engine import SearchQuery, search
from newsdesk.discovery.models import SearchDocument
from newsdesk.importers.load.alongside import IndexAlongside
from newsdesk.importers.models import ImportKind, ImportRecord
from newsdesk.importers.tests.material import write_synthetic_export
from newsdesk.sections.models import StandardPage

POSTS = 23


@unittest.skipUnless(connection.vendor == "postgresql", "indexing alongside the import is for PostgreSQL")
class IndexAlongsideTests(TransactionTestCase):
    serialized_rollback = True  # the home page and roles the migrations made, for the tests after this

    def setUp(self):
        self.folder = Path(tempfile.mkdtemp(prefix="wxr-alongside-"))
        self.addCleanup(shutil.rmtree, self.folder)
        self.export = self.folder / "export.xml"
        write_synthetic_export(self.export, self.folder / "uploads", POSTS, realistic=True)
        self.spawned = []
        spawn = IndexAlongside.spawn.__func__

        def recorded(cls, database_name):
            alongside = spawn(cls, database_name)
            self.spawned.append(alongside)
            return alongside

        patcher = mock.patch.object(IndexAlongside, "spawn", classmethod(recorded))
        patcher.start()
        self.addCleanup(patcher.stop)

    def import_export(self, export=None, **options) -> str:
        out = io.StringIO()
        call_command(
            "import-wordpress",
            str(export or self.export),
            media_dir=str(self.folder / "uploads"),
            report=str(self.folder / "report.jsonl"),
            batch_size=5,  # several batches, each handed over once committed
            stdout=out,
            **options,
        )
        return out.getvalue()

    def assert_every_page_is_in_both_indexes(self, output):
        articles = {page.pk: page.title for page in ArticlePage.objects.all()}
        self.assertEqual(len(articles), POSTS)
        self.assertIn(f"Added {POSTS + StandardPage.objects.count()} imported pages to the search index.", output)
        self.assertEqual(dict(SearchDocument.objects.values_list("page_id", "headline")), articles)
        entries = IndexEntry.objects.filter(content_type=ContentType.objects.get_for_model(ArticlePage))
        self.assertEqual({int(pk): title for pk, title in entries.values_list("object_id", "title_text")}, articles)
        article = ArticlePage.objects.order_by("pk")[7]
        word = max(article.body_text().split(), key=len).strip(".,;:")
        self.assertIn(article.pk, [hit.page_id for hit in search(SearchQuery(text=word, per_page=50)).hits])

    def test_each_committed_batch_is_indexed_by_the_second_process(self):
        finished = []
        finish = IndexAlongside.finish

        def recorded(alongside):
            finished.append(finish(alongside))
            return finished[-1]

        with mock.patch.object(IndexAlongside, "finish", recorded):
            output = self.import_export()
        self.assertEqual(len(self.spawned), 1)
        # The second process indexed every page itself; nothing was left for the step after the import.
        pages = set(ArticlePage.objects.values_list("pk", flat=True)) | set(
            StandardPage.objects.values_list("pk", flat=True)
        )
        self.assertEqual(finished, [pages])
        self.assert_every_page_is_in_both_indexes(output)
        self.assertIsNotNone(self.spawned[0].process.poll())

    def test_a_second_process_that_fails_leaves_the_indexing_to_the_command(self):
        spawn = IndexAlongside.spawn

        def unreachable(cls):
            return spawn("newsdesk_no_such_database")  # it cannot connect: it fails at the first batch

        with (
            mock.patch.object(IndexAlongside, "started", classmethod(unreachable)),
            self.assertLogs("newsdesk.importers.load.alongside", "WARNING") as logs,
        ):
            output = self.import_export()
        self.assertIn("Indexing alongside the import stopped", logs.output[0])
        self.assertIn("newsdesk_no_such_database", logs.output[0])
        self.assert_every_page_is_in_both_indexes(output)

    def test_the_second_process_counts_pages_it_indexed_and_hands_back_every_id_it_handled(self):
        self.import_export(skip_search_index=True)
        self.assertEqual(self.spawned, [])  # nothing to index during the import
        gone = ArticlePage.objects.order_by("pk").first()
        gone_pk = gone.pk
        gone.delete()  # deleted by the desk: its import record stays
        records = ImportRecord.objects.filter(kind=ImportKind.ARTICLE)
        source = records.values_list("source", flat=True).first()
        alongside = IndexAlongside.started()
        alongside.send(source, list(records.values_list("source_id", flat=True)))
        handled = alongside.finish()
        self.assertIn(gone_pk, handled)  # not for the step after the import to try again
        self.assertEqual(len(handled), POSTS)
        self.assertEqual(alongside.indexed, POSTS - 1)
        self.assertEqual(SearchDocument.objects.count(), POSTS - 1)
        self.assertFalse(SearchDocument.objects.filter(page_id=gone_pk).exists())

    def test_an_import_that_fails_stops_the_second_process(self):
        not_wxr = self.folder / "not-wxr.xml"
        not_wxr.write_text('<?xml version="1.0"?><rss><channel><title>x</title><item></item></channel></rss>')
        with self.assertRaisesMessage(CommandError, "Nothing was imported"):
            self.import_export(not_wxr)
        self.assertEqual(len(self.spawned), 1)
        self.assertIsNotNone(self.spawned[0].process.poll())  # stopped, not left running
        self.assertFalse(SearchDocument.objects.exists())
