"""Attachment files are read from inside --media-dir only: `../` and symlinks that lead out are refused."""

import shutil
import tempfile
from pathlib import Path

from django.test import TestCase

from newsdesk.images.models import NewsImage
from newsdesk.importers.models import ImportRecord
from newsdesk.importers.tests.material import attachment_item, export_text, write_jpeg
from newsdesk.importers.tests.test_import_wordpress_edge_cases import reasons, run_import


class AttachmentPathTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.folder = Path(tempfile.mkdtemp(prefix="wp-site-"))
        uploads = cls.folder / "uploads"
        write_jpeg(uploads / "2024/01/inside.jpg")
        write_jpeg(cls.folder / "private" / "secret.jpg", colour=(200, 10, 10))
        (uploads / "2024/01").joinpath("linked.jpg").symlink_to(cls.folder / "private" / "secret.jpg")
        export = cls.folder / "export.xml"
        export.write_text(
            export_text(
                attachment_item(1, "2024/01/inside.jpg")
                + attachment_item(2, "../private/secret.jpg")
                + attachment_item(3, "2024/01/../../../private/secret.jpg")
                + attachment_item(4, "2024/01/linked.jpg")
            ),
            encoding="utf-8",
        )
        cls.output, cls.lines = run_import(export, media_dir=str(uploads))

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.folder, ignore_errors=True)
        super().tearDownClass()

    def test_a_file_inside_the_media_folder_is_imported(self):
        self.assertTrue(ImportRecord.objects.filter(kind="image", source_id="1").exists())
        self.assertEqual(list(NewsImage.objects.values_list("title", flat=True)), ["Picture 1"])

    def test_dot_dot_paths_out_of_the_media_folder_are_refused_and_reported(self):
        for source_id in ("2", "3"):
            with self.subTest(source_id=source_id):
                self.assertFalse(ImportRecord.objects.filter(kind="image", source_id=source_id).exists())
                [reason] = reasons(self.lines, source_id, "skipped")
                self.assertIn("secret.jpg lies outside", reason)
                self.assertIn("refused", reason)

    def test_a_symlink_that_leads_out_of_the_media_folder_is_refused_and_reported(self):
        self.assertFalse(ImportRecord.objects.filter(kind="image", source_id="4").exists())
        [reason] = reasons(self.lines, "4", "skipped")
        self.assertIn("2024/01/linked.jpg lies outside", reason)
        self.assertFalse(NewsImage.objects.filter(title="Picture 4").exists())
        self.assertIn("images 1 created", self.output)
        self.assertIn("3 skipped", self.output)
