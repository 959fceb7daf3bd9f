"""Records read and converted by a child process are the records read here, and the child never
outlives the reader."""

import pickle
import tempfile
from pathlib import Path
from types import SimpleNamespace
from unittest import mock

from django.test import SimpleTestCase, TestCase

from newsdesk.articles.models import ArticlePage
from newsdesk.editorial import html_cleaning
from newsdesk.importers.read.ahead import ConvertedRecords
from newsdesk.importers.read.records import AuthorRecord, ItemRecord
from newsdesk.importers.read.wxr import WXRError
from newsdesk.importers.tests.material import SyntheticExportMixin, export_text
from newsdesk.importers.tests.test_import_wordpress_edge_cases import run_import


class ConvertedRecordsTests(SyntheticExportMixin, SimpleTestCase):
    def test_a_child_process_reads_and_converts_exactly_what_this_process_would(self):
        with ConvertedRecords(self.export, in_child=False) as here:
            expected = list(here.records())
        with ConvertedRecords(self.export, in_child=True) as child:
            got = list(child.records())
            self.assertEqual(child.position, child.size)
        self.assertEqual(got, expected)
        posts = [r for r in got if isinstance(r, ItemRecord) and r.post_type == "post"]
        self.assertEqual(len(posts), 120)
        # Every post arrives with its body already turned into blocks, headings and images among them.
        self.assertTrue(all(post.converted and post.converted.blocks for post in posts))
        kinds = {block["type"] for post in posts for block in post.converted.blocks}
        self.assertTrue({"paragraph", "heading", "image"} <= kinds, kinds)
        # Their paragraphs cleaned as saving cleans them, so the writer need not clean them again.
        self.assertTrue(all(post.converted.sanitised and post.converted.sanitised_paragraphs() for post in posts))

    def test_one_child_reads_the_first_pass_then_the_second_as_this_process_would(self):
        with ConvertedRecords(self.export, in_child=False) as here:
            expected = (list(here.first_pass()), list(here.records()))
        with ConvertedRecords(self.export, in_child=True) as child:
            child.start()  # reading ahead before anyone asks, as the import does
            got = (list(child.first_pass()), list(child.records()))
            self.assertEqual(child.position, child.size)
        self.assertEqual(got, expected)
        first = got[0]
        # The first pass gets the authors and attachments, never a post's body.
        self.assertEqual(sum(isinstance(r, AuthorRecord) for r in first), 12)
        self.assertEqual({r.post_type for r in first if isinstance(r, ItemRecord)}, {"attachment"})

    def test_a_file_that_is_not_an_export_is_refused_as_the_reader_here_refuses_it(self):
        not_wxr = Path(self.folder.name) / "not-wxr.xml"
        not_wxr.write_text('<?xml version="1.0"?><rss><channel><title>x</title><item></item></channel></rss>')
        for in_child in (False, True):
            with self.subTest(in_child=in_child), ConvertedRecords(not_wxr, in_child=in_child) as reader:
                with self.assertRaisesRegex(WXRError, "WXR version"):
                    list(reader.first_pass())

    def test_a_reader_stopped_early_stops_its_child(self):
        reader = ConvertedRecords(self.export, in_child=True)
        records = reader.records()
        next(records)
        child = reader._process
        self.assertIsNone(child.poll())  # still reading ahead
        records.close()  # what a loop broken by an error does to the generator
        self.assertIsNotNone(child.poll())
        self.assertIsNone(reader._process)

    def test_an_unreadable_export_is_an_error_naming_the_file_not_a_hang(self):
        missing = Path(self.folder.name) / "gone.xml"
        missing.write_bytes(b"")
        reader = ConvertedRecords(missing, in_child=True)
        missing.unlink()
        with self.assertRaisesRegex(RuntimeError, "gone.xml"):
            list(reader.records())

    def test_a_garbled_stream_from_the_child_is_an_error_and_the_child_is_stopped(self):
        # The child is still writing (120 posts fill the pipe many times over) when its messages stop making
        # sense: waiting for it to end would wait for ever, as it waits for the pipe to be read.
        reader = ConvertedRecords(self.export, in_child=True)
        with (
            mock.patch("newsdesk.importers.read.ahead.pickle.load", side_effect=pickle.UnpicklingError("garbled")),
            self.assertRaisesRegex(RuntimeError, r"export\.xml stopped \(exit code -?\d+, UnpicklingError: garbled\)"),
        ):
            records = reader.records()
            reader.start()
            child = reader._process
            list(records)
        self.assertIsNotNone(child.poll())
        self.assertIsNone(reader._process)


class CleanedAheadTests(TestCase):
    """An import stores the paragraphs its reader cleaned, each cleaned once, with nothing unsafe left."""

    def test_the_writer_stores_the_cleaned_paragraphs_and_cleans_them_no_more(self):
        body = "<p>Bell&#7; rang at the harbour.</p><p>Ships <a href='javascript:steal()'>left</a> at dawn.</p>"
        item = f"""<item><title>Harbour bell</title><link>https://desk.example.org/2024/05/bell/</link>
<dc:creator>writer1</dc:creator><guid isPermaLink="false">https://desk.example.org/?p=7</guid>
<content:encoded><![CDATA[{body}]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>7</wp:post_id><wp:post_date>2024-05-01 10:00:00</wp:post_date><wp:post_date_gmt>2024-05-01 10:00:00</wp:post_date_gmt>
<wp:post_name>bell</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>"""
        with tempfile.TemporaryDirectory(prefix="wxr-clean-") as folder:
            export = Path(folder) / "export.xml"
            export.write_text(export_text(item), encoding="utf-8")
            calls, real = [], html_cleaning._CLEANER.clean
            counted = SimpleNamespace(clean=lambda text: calls.append(text) or real(text))
            with mock.patch.object(html_cleaning, "_CLEANER", counted):
                run_import(export)
        paragraphs = [block.value.source for block in ArticlePage.objects.get().body if block.block_type == "paragraph"]
        self.assertEqual(paragraphs, ["<p>Bell rang at the harbour.</p>", "<p>Ships <a>left</a> at dawn.</p>"])
        self.assertEqual(len([text for text in calls if "Bell" in text]), 1)
        self.assertEqual(len([text for text in calls if "Ships" in text]), 1)
