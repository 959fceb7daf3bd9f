"""New articles are written a batch at a time: the result must be exactly what one item per
transaction gives, a failed batch must fall back to that, and the saving must be real."""

import shutil
import tempfile
import unittest
from pathlib import Path
from unittest import mock

from django.db import IntegrityError, connection, transaction
from django.test import TestCase, TransactionTestCase
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageLogEntry
from wagtail.utils.file import hash_filelike

from newsdesk.articles.models import ArticlePage
from newsdesk.images.models import NewsImage
from newsdesk.importers.load.batches import NewArticles, fast_compression, insert_rows
from newsdesk.importers.load.images import ImageWriter
from newsdesk.importers.load.pages import PageWriter
from newsdesk.importers.load.sections import SectionWriter, import_root
from newsdesk.importers.models import ImportRecord
from newsdesk.importers.read import ahead
from newsdesk.importers.report import Report
from newsdesk.importers.tests.material import write_synthetic_export
from newsdesk.importers.tests.test_import_wordpress_edge_cases import WithUploads, run_import
from newsdesk.importers.tests.test_import_wordpress_reruns import snapshot
from newsdesk.importers.wordpress import WordPressImport
from newsdesk.people.models import Author
from newsdesk.sections.models import SectionPage, StandardPage


def full_snapshot() -> dict:
    """`snapshot()` plus what only Wagtail looks at: the tree, history and revisions."""
    articles = ArticlePage.objects.select_related("latest_revision", "live_revision")
    authors = dict(Author.objects.values_list("pk", "name"))  # by name: PostgreSQL never reuses a rolled-back id
    return {
        **snapshot(),
        "tree_problems": Page.find_problems(),
        "numchild": sorted(Page.objects.values_list("url_path", "numchild")),
        "history": sorted(PageLogEntry.objects.filter(page__in=articles).values_list("page__url_path", "action")),
        "revisions": sorted(
            (
                page.url_path,
                page.latest_revision.content["title"],
                page.latest_revision.content["slug"],
                [authors[b["author"]] for b in page.latest_revision.content["bylines"]],
                page.live_revision_id == page.latest_revision_id if page.live else page.live_revision_id is None,
                page.has_unpublished_changes != page.live,
                page.draft_title == page.title,
                # A revision names its bylines and tags by their rows' ids, so an edit from it updates them.
                [b["pk"] for b in page.latest_revision.content["bylines"]]
                == list_of(page.bylines.order_by("sort_order")),
                [t["pk"] for t in page.latest_revision.content["tagged_items"]]
                == list_of(page.tagged_items.order_by("pk")),
            )
            for page in articles
        ),
    }


def list_of(rows) -> list:
    return list(rows.values_list("pk", flat=True))


def report_lines(lines) -> list:
    """Report lines without their times, or the stored file names (storage adds a random suffix)."""

    def comparable(line):
        return tuple(
            sorted((k, v) for k, v in line.items() if k != "at" and not (k == "target" and line["kind"] == "image"))
        )

    return sorted(comparable(line) for line in lines)


def failing_on(source_id: str):
    """The import, with writing item `source_id` as a page raising (after its section is found or made)."""
    real_write = PageWriter.write

    def write(writer, model, kind, item, *args):
        if item.source_id == source_id:
            raise ValueError("simulated failure")
        return real_write(writer, model, kind, item, *args)

    return mock.patch.object(PageWriter, "write", write)


class BatchedImportTests(WithUploads, TestCase):
    def imported(self, **options):
        """(report lines, full snapshot) of an import that is then rolled back."""
        with transaction.atomic():
            _, lines = run_import(media_dir=str(self.uploads), **options)
            shot = full_snapshot()
            transaction.set_rollback(True)
        return report_lines(lines), shot

    def test_batches_of_any_size_write_what_one_item_per_transaction_writes(self):
        one_by_one = self.imported(batch_size=1)
        self.assertEqual(one_by_one[1]["tree_problems"], ([], [], [], [], []))
        self.assertEqual(len(one_by_one[1]["revisions"]), 10)
        for batch_size in (3, 200):
            # Written as batches, not rolled back and imported again one by one (which gives the same rows).
            with self.subTest(batch_size=batch_size), self.assertNoLogs("newsdesk.importers", "WARNING"):
                self.assertEqual(self.imported(batch_size=batch_size), one_by_one)

    def test_bodies_converted_ahead_by_a_child_process_import_the_same(self):
        here = self.imported(batch_size=200)
        # A large export is read by a child process; this one is small, so the size threshold is lowered.
        with (
            mock.patch.object(ahead, "CHILD_FROM_BYTES", 0),
            mock.patch.object(ahead.subprocess, "Popen", wraps=ahead.subprocess.Popen) as popen,
        ):
            self.assertEqual(self.imported(batch_size=200), here)
        self.assertEqual(popen.call_count, 1)

    def test_a_batch_that_cannot_be_written_is_imported_again_one_item_at_a_time(self):
        clean = self.imported(batch_size=1)
        real_write, calls = NewArticles.write, {"n": 0}

        def fails_first(batch):
            calls["n"] += 1
            if calls["n"] == 1:
                raise IntegrityError("simulated clash on the first batch")
            return real_write(batch)

        with (
            mock.patch.object(NewArticles, "write", fails_first),
            self.assertLogs("newsdesk.importers", "WARNING") as log,
        ):
            again = self.imported(batch_size=200)
        self.assertIn("importing them one by one", log.output[0])
        # The report tells the second attempt only: each article is "created" once, none "error".
        self.assertEqual(again, clean)

    def test_an_article_that_fails_leaves_nothing_and_the_section_it_made_serves_the_next(self):
        for batch_size in (1, 200):
            with self.subTest(batch_size=batch_size), transaction.atomic():
                # 101 is the first article in World: its section is made, then it fails.
                with failing_on("101"):
                    output, lines = run_import(media_dir=str(self.uploads), batch_size=batch_size)
                self.assertIn("articles 9 created", output)
                errors = [line for line in lines if line["action"] == "error"]
                self.assertEqual([line["source_id"] for line in errors], ["101"])
                self.assertIn("ValueError: simulated failure", errors[0]["reason"])
                self.assertFalse(ImportRecord.objects.filter(kind="article", source_id="101").exists())
                world = SectionPage.objects.get(slug="world")
                self.assertEqual(ArticlePage.objects.child_of(world).count(), 8)
                self.assertEqual(Page.find_problems(), ([], [], [], [], []))
                transaction.set_rollback(True)

    def test_an_article_that_fails_costs_its_batch_one_more_try_with_a_savepoint_per_item(self):
        with failing_on("101"):
            one_by_one = self.imported(batch_size=1)
            # Written first with no savepoint per item, the batch is written again with one each,
            # not imported one item per transaction (which would log a warning).
            with self.assertNoLogs("newsdesk.importers", "WARNING"):
                self.assertEqual(self.imported(batch_size=200), one_by_one)
        lines = [dict(line) for line in one_by_one[0]]
        self.assertIn(
            ("article", "101", "error"), {(line["kind"], line["source_id"], line["action"]) for line in lines}
        )

    def test_a_section_whose_every_article_fails_is_not_left_behind_empty(self):
        for batch_size in (1, 200):
            with self.subTest(batch_size=batch_size), transaction.atomic():
                with failing_on("104"):  # the only article in Opinion
                    _, lines = run_import(media_dir=str(self.uploads), batch_size=batch_size)
                self.assertFalse(SectionPage.objects.filter(slug="opinion").exists())
                self.assertFalse(ImportRecord.objects.filter(kind="section", source_id="opinion").exists())
                self.assertNotIn(
                    ("section", "opinion", "created"),
                    [(line["kind"], line["source_id"], line["action"]) for line in lines],
                )
                self.assertTrue(SectionPage.objects.filter(slug="world").exists())
                transaction.set_rollback(True)

    def test_a_section_renamed_because_its_slug_was_taken_is_found_again_on_a_second_run(self):
        import_root().add_child(instance=StandardPage(title="World (about our coverage)", slug="world"))
        for batch_size in (1, 200):
            with self.subTest(batch_size=batch_size), transaction.atomic():
                run_import(media_dir=str(self.uploads), batch_size=batch_size)
                first = sorted(SectionPage.objects.values_list("slug", "title"))
                self.assertIn(("world-2", "World"), first)
                # What each batch reads first: the category's section, under the category's own slug.
                record = ImportRecord.objects.get(kind="section", source_id="world")
                found = SectionWriter(record.source, Report(), import_root()).existing(["world", "no-such-category"])
                self.assertEqual({slug: section.slug for slug, section in found.items()}, {"world": "world-2"})
                _, lines = run_import(media_dir=str(self.uploads), batch_size=batch_size)
                self.assertEqual(sorted(SectionPage.objects.values_list("slug", "title")), first)
                self.assertEqual(ArticlePage.objects.child_of(SectionPage.objects.get(slug="world-2")).count(), 9)
                self.assertEqual([line for line in lines if line["kind"] == "section"], [])
                transaction.set_rollback(True)

    def test_a_section_the_desk_deleted_after_the_first_run_is_made_again(self):
        for batch_size in (1, 200):
            with self.subTest(batch_size=batch_size), transaction.atomic():
                run_import(media_dir=str(self.uploads), batch_size=batch_size)
                SectionPage.objects.get(slug="opinion").delete()
                _, lines = run_import(media_dir=str(self.uploads), batch_size=batch_size)
                opinion = SectionPage.objects.get(slug="opinion")
                self.assertEqual(ArticlePage.objects.child_of(opinion).count(), 1)
                self.assertEqual(ImportRecord.objects.get(kind="section", source_id="opinion").object_id, opinion.pk)
                self.assertEqual([line for line in lines if line["action"] == "error"], [])
                transaction.set_rollback(True)


class BatchedImportCostTests(TransactionTestCase):
    """The fast path must stay fast: a bound on the queries each further article adds.

    Transactional, because the importer's caches fill when each batch commits, and a TestCase
    never commits.
    """

    serialized_rollback = True  # the home page and roles the migrations made, for the tests after this

    def queries_for(self, posts: int, first: int) -> int:
        folder = Path(tempfile.mkdtemp(prefix="wxr-synthetic-"))
        try:
            write_synthetic_export(folder / "export.xml", folder / "uploads", posts, first=first, realistic=True)
            with CaptureQueriesContext(connection) as queries, self.assertNoLogs("newsdesk.importers", "WARNING"):
                output, _ = run_import(
                    folder / "export.xml", media_dir=str(folder / "uploads"), batch_size=50, skip_search_index=True
                )  # the search backend writes one row per page
        finally:
            shutil.rmtree(folder)
        self.assertIn(f"articles {posts} created", output)
        return len(queries)

    def test_each_further_article_costs_at_most_two_queries(self):
        # The sections, authors and tags every later run finds (the posts name 400 tags between them).
        self.queries_for(400, first=1)
        hundred = self.queries_for(100, first=401)
        two_hundred = self.queries_for(200, first=501)
        self.assertEqual(ArticlePage.objects.count(), 700)
        self.assertEqual(Page.find_problems(), ([], [], [], [], []))
        # One article at a time costs over twenty queries each (page, article, bylines, tags,
        # revision, history, record, redirects, tree). In batches of 50 what remains is a share of
        # each batch's statements, and of the first pass's groups that save the images every other
        # post brings (two statements a group); no savepoint per item, unless one fails.
        self.assertLessEqual((two_hundred - hundred) / 100, 1)


class FirstPassGroupTests(TestCase):
    """Authors and images are written a group to a transaction, each in its own savepoint."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.folder = Path(tempfile.mkdtemp(prefix="wxr-groups-"))
        # 20 posts bring 11 attachments (1000000-1000010), written in groups of 5.
        write_synthetic_export(cls.folder / "export.xml", cls.folder / "uploads", 20, realistic=True)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.folder, ignore_errors=True)
        super().tearDownClass()

    def imported(self, **options):
        with transaction.atomic():
            _, lines = run_import(
                self.folder / "export.xml", media_dir=str(self.folder / "uploads"), skip_search_index=True, **options
            )
            shot = full_snapshot()
            transaction.set_rollback(True)
        return report_lines(lines), shot

    def test_an_image_that_fails_leaves_nothing_behind_and_the_rest_of_its_group_is_written(self):
        real_store = ImageWriter._store

        def store(writer, image, path, *args):
            real_store(writer, image, path, *args)  # its file is stored, then it fails
            if path.name == "photo-3.jpg":
                raise ValueError("simulated failure")

        with transaction.atomic(), mock.patch.object(ImageWriter, "_store", store):
            _, lines = run_import(
                self.folder / "export.xml", media_dir=str(self.folder / "uploads"), batch_size=5, skip_search_index=True
            )
            errors = [(line["kind"], line["source_id"]) for line in lines if line["action"] == "error"]
            self.assertEqual(errors, [("image", "1000003")])
            self.assertFalse(ImportRecord.objects.filter(kind="image", source_id="1000003").exists())
            self.assertEqual(NewsImage.objects.count(), 10)
            self.assertEqual(ArticlePage.objects.count(), 20)
            transaction.set_rollback(True)

    def test_a_groups_new_images_and_their_records_are_each_written_in_one_statement(self):
        with transaction.atomic(), CaptureQueriesContext(connection) as queries:
            run_import(self.folder / "export.xml", media_dir=str(self.folder / "uploads"), skip_search_index=True)
            inserts = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("INSERT INTO")]
            self.assertEqual(len([sql for sql in inserts if '"images_newsimage"' in sql]), 1)
            records = ImportRecord.objects.filter(kind="image")
            self.assertEqual(records.count(), 11)
            # Each record points at its own image: the one made from that attachment's file.
            for record in records:
                image = NewsImage.objects.get(pk=record.object_id)
                self.assertEqual(image.title, f"Picture {record.source_id}")
                self.assertEqual(image.source_url, record.source_url)
            self.assertEqual(ArticlePage.objects.filter(hero_image__isnull=False).count(), 10)
            transaction.set_rollback(True)

    def test_each_image_records_the_size_hash_and_dimensions_wagtail_records_for_its_file(self):
        with transaction.atomic():
            run_import(self.folder / "export.xml", media_dir=str(self.folder / "uploads"), skip_search_index=True)
            images = list(NewsImage.objects.all())
            self.assertEqual(len(images), 11)
            for image in images:
                with image.open_file() as handle:
                    self.assertEqual(image.file_hash, hash_filelike(handle))
                self.assertEqual(image.file_size, image.file.size)
                # Read from the stored copy, as Wagtail reads an uploaded image.
                self.assertEqual((image.width, image.height), image.file.get_image_dimensions())
                self.assertTrue(image.file.name.startswith("original_images/"), image.file.name)
            transaction.set_rollback(True)

    def test_a_group_that_cannot_be_committed_is_written_again_one_item_at_a_time(self):
        clean = self.imported(batch_size=1)
        real_first_pass, calls = WordPressImport._first_pass, {"n": 0}

        def fails_once(importer, record):
            if getattr(record, "post_type", "") == "attachment":
                calls["n"] += 1
                if calls["n"] == 3:
                    raise IntegrityError("simulated failure outside any one item")
            return real_first_pass(importer, record)

        with (
            mock.patch.object(WordPressImport, "_first_pass", fails_once),
            self.assertLogs("newsdesk.importers", "WARNING") as log,
        ):
            again = self.imported(batch_size=5)
        self.assertIn("importing them one by one", log.output[0])
        self.assertEqual(again, clean)


class InsertRowsTests(TestCase):
    def test_rows_past_the_parameter_limit_of_one_statement_are_all_written_with_their_ids(self):
        # 9 columns: PostgreSQL takes at most 7,281 such rows in one statement.
        tricky = "50% off %s $1 %(name)s ''; DROP"
        records = [
            ImportRecord(source="s", kind="image", source_id=str(n), object_id=n, source_url=tricky)
            for n in range(7_400)
        ]
        fields = [f for f in ImportRecord._meta.local_concrete_fields if not f.primary_key]
        insert_rows(ImportRecord, records, fields, returning_pk=True)
        self.assertEqual(ImportRecord.objects.filter(source="s").count(), 7_400)
        self.assertEqual(len({record.pk for record in records}), 7_400)
        last = ImportRecord.objects.get(pk=records[-1].pk)
        self.assertEqual((last.source_id, last.source_url), ("7399", tricky))
        self.assertIsNotNone(last.imported_at)  # pre_save ran: auto_now_add
        self.assertFalse(records[0]._state.adding)


@unittest.skipUnless(connection.vendor == "postgresql", "PostgreSQL's compression of stored values")
class CompressionTests(WithUploads, TestCase):
    def setting(self) -> str:
        with connection.cursor() as cursor:
            cursor.execute("SHOW default_toast_compression")
            return cursor.fetchone()[0]

    def test_an_import_stores_bodies_and_revisions_with_lz4_and_leaves_the_setting_as_it_was(self):
        with connection.cursor() as cursor:
            cursor.execute("SELECT enumvals FROM pg_settings WHERE name = 'default_toast_compression'")
            if "lz4" not in cursor.fetchone()[0]:
                self.skipTest("this PostgreSQL was built without LZ4")
        before = self.setting()
        run_import(media_dir=str(self.uploads), skip_search_index=True)
        self.assertEqual(self.setting(), before)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT DISTINCT pg_column_compression(content) FROM wagtailcore_revision "
                "WHERE pg_column_compression(content) IS NOT NULL"
            )
            self.assertEqual(cursor.fetchall(), [("lz4",)])
        # A save after the import uses the server's default again.
        with fast_compression():
            self.assertEqual(self.setting(), "lz4")
        self.assertEqual(self.setting(), before)
