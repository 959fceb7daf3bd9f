"""Running the import again after an attachment's file was replaced, or only copied again with a new timestamp."""

import os
import shutil
import tempfile
from pathlib import Path
from unittest import mock

from django.core.cache import cache
from django.test import TestCase, override_settings
from PIL import Image

from newsdesk.articles.models import ArticlePage
from newsdesk.images.models import NewsImage
from newsdesk.importers.models import ImportRecord
from newsdesk.importers.tests.material import write_jpeg
from newsdesk.importers.tests.test_import_wordpress_edge_cases import make_uploads, run_import


def stored(media_root: Path) -> set[str]:
    """Every file in media storage, relative to its root."""
    return {str(path.relative_to(media_root)) for path in media_root.rglob("*") if path.is_file()}


class ChangedImageTests(TestCase):
    def setUp(self):
        cache.clear()  # renditions are cached by image id, which repeats across tests
        self.uploads = make_uploads()
        self.media_root = Path(tempfile.mkdtemp(prefix="media-"))
        self.addCleanup(shutil.rmtree, self.uploads, ignore_errors=True)
        self.addCleanup(shutil.rmtree, self.media_root, ignore_errors=True)
        settings = override_settings(MEDIA_ROOT=str(self.media_root))
        settings.enable()
        self.addCleanup(settings.disable)
        self.harbour = self.uploads / "2024/02/harbour.jpg"

    def import_committed(self):
        # Old files and rendition files are deleted once the run commits: run those callbacks as a real commit would.
        with self.captureOnCommitCallbacks(execute=True):
            return run_import(media_dir=str(self.uploads))

    def harbour_image(self) -> NewsImage:
        return NewsImage.objects.get(pk=ImportRecord.objects.get(kind="image", source_id="501").object_id)

    def test_a_file_copied_again_with_only_a_new_timestamp_stores_nothing_new(self):
        self.import_committed()
        image = self.harbour_image()
        rendition = image.get_rendition("width-40")
        before = stored(self.media_root)
        self.assertIn(rendition.file.name, before)

        later = self.harbour.stat().st_mtime + 86_400
        os.utime(self.harbour, (later, later))
        with mock.patch("newsdesk.images.signal_handlers.pagecache.purge") as purge:
            _, lines = self.import_committed()

        self.assertEqual(stored(self.media_root), before)
        self.assertEqual(self.harbour_image().file.name, image.file.name)
        self.assertEqual([line["action"] for line in lines if line["source_id"] == "501"], ["changed", "unchanged"])
        self.assertEqual(image.renditions.get().file.name, rendition.file.name)
        purge.assert_not_called()

    def test_a_replaced_file_replaces_the_picture_its_renditions_and_the_pages_showing_it(self):
        self.import_committed()
        image = self.harbour_image()
        old_original, old_rendition = image.file.name, image.get_rendition("width-40").file.name
        article = ArticlePage.objects.get(pk=ImportRecord.objects.get(kind="article", source_id="101").object_id)
        self.assertEqual(article.hero_image_id, image.pk)
        before = stored(self.media_root)

        write_jpeg(self.harbour, size=(120, 90), colour=(200, 30, 30))  # new content (and a new size)
        with mock.patch("newsdesk.images.signal_handlers.pagecache.purge") as purge:
            _, lines = self.import_committed()

        replaced = self.harbour_image()
        self.assertEqual(replaced.pk, image.pk)  # the same image: pages keep pointing at it
        self.assertEqual(NewsImage.objects.count(), 2)
        article.refresh_from_db()
        self.assertEqual(article.hero_image_id, image.pk)
        self.assertEqual((replaced.width, replaced.height), (120, 90))
        with replaced.open_file() as handle, Image.open(handle) as picture:
            self.assertGreater(picture.getpixel((60, 45))[0], 150)  # the new red picture
        self.assertIn("updated", [line["action"] for line in lines if line["source_id"] == "501"])
        purge.assert_called_with(everything=True)

        # The old original and its rendition are gone from storage; only the new original took their place.
        self.assertFalse(replaced.renditions.exists())
        after = stored(self.media_root)
        self.assertEqual(before - after, {old_original, old_rendition})
        self.assertEqual(after - before, {replaced.file.name})

        # A rendition asked for now is made from the new picture.
        rendition = replaced.get_rendition("width-40")
        self.assertNotEqual(rendition.file.name, old_rendition)
        self.assertEqual((rendition.width, rendition.height), (40, 30))

    def test_a_rolled_back_run_keeps_the_old_picture(self):
        self.import_committed()
        image = self.harbour_image()
        before = stored(self.media_root)
        write_jpeg(self.harbour, size=(120, 90), colour=(200, 30, 30))
        run_import(media_dir=str(self.uploads), dry_run=True)
        self.assertEqual(self.harbour_image().file.name, image.file.name)
        self.assertEqual(stored(self.media_root), before)
