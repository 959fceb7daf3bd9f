"""WordPress exports as real sites write them: non-ASCII categories, renamed posts, unpublished
posts, compressed files, WordPress.com paths, missing pictures and a summary that says why."""

import bz2
import gzip
import shutil
import tempfile
from pathlib import Path

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from lxml import html as lxml_html
from wagtail.contrib.redirects.models import Redirect

from newsdesk.articles.models import ArticlePage
from newsdesk.images.models import NewsImage
from newsdesk.importers.models import ImportRecord
from newsdesk.importers.report import Report
from newsdesk.importers.tests.material import attachment_item, export_text, write_jpeg
from newsdesk.importers.tests.test_import_wordpress_edge_cases import reasons, run_import
from newsdesk.importers.wordpress import WordPressImport, read_section_map
from newsdesk.sections.models import SectionPage

WORLD_ARABIC = "%d8%a7%d9%84%d8%b9%d8%a7%d9%84%d9%85"  # العالم, as WordPress exports it


def post(pid, slug, *, status="publish", date="2024-05-01 10:00:00", category=("world", "World"), meta=()):
    metas = "".join(
        f"<wp:postmeta><wp:meta_key>{key}</wp:meta_key><wp:meta_value><![CDATA[{value}]]></wp:meta_value></wp:postmeta>"
        for key, value in meta
    )
    return f"""<item><title>Story {pid}</title><link>https://desk.example.org/2024/05/{slug}/</link>
<dc:creator>writer1</dc:creator><guid isPermaLink="false">https://desk.example.org/?p={pid}</guid>
<content:encoded><![CDATA[<p>Story {pid} in a sentence.</p>]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>{pid}</wp:post_id><wp:post_date>{date}</wp:post_date><wp:post_date_gmt>{date}</wp:post_date_gmt>
<wp:post_name>{slug}</wp:post_name><wp:status>{status}</wp:status><wp:post_type>post</wp:post_type>
<category domain="category" nicename="{category[0]}"><![CDATA[{category[1]}]]></category>{metas}
</item>
"""


class FolderTestCase(TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = Path(tempfile.mkdtemp(prefix="wp-defects-"))  # before setUpTestData, which writes here
        super().setUpClass()

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.folder, ignore_errors=True)
        super().tearDownClass()

    @classmethod
    def export(cls, name, items) -> Path:
        path = cls.folder / name
        path.write_text(export_text(items), encoding="utf-8")
        return path


class ArabicCategoryAndOldSlugTests(FolderTestCase):
    @classmethod
    def setUpTestData(cls):
        items = (
            f"<wp:category><wp:category_nicename>{WORLD_ARABIC}</wp:category_nicename>"
            "<wp:category_parent></wp:category_parent><wp:cat_name><![CDATA[العالم]]></wp:cat_name></wp:category>\n"
            + post(
                1,
                "harbour",
                category=(WORLD_ARABIC, "العالم"),
                meta=[("_wp_old_slug", "port-story"), ("_wp_old_slug", "harbour-story")],
            )
        )
        cls.output, cls.lines = run_import(cls.export("arabic.xml", items))

    def test_a_percent_encoded_category_becomes_a_unicode_section_that_serves_its_articles(self):
        section = SectionPage.objects.get()
        self.assertEqual((section.slug, section.title), ("العالم", "العالم"))
        article = ArticlePage.objects.get()
        self.assertEqual(article.get_parent().pk, section.pk)
        response = self.client.get(article.get_url())
        self.assertEqual(response.status_code, 200)
        self.assertEqual(lxml_html.fromstring(response.content).xpath("normalize-space(//h1)"), "Story 1")

    def test_every_old_slug_redirects_to_the_article(self):
        article = ArticlePage.objects.get()
        for old in ("/2024/05/port-story/", "/2024/05/harbour-story/"):
            with self.subTest(old=old):
                response = self.client.get(old)
                self.assertEqual(response.status_code, 301)
                self.assertEqual(response["Location"], article.get_url())


class UnpublishedPostRedirectTests(FolderTestCase):
    @classmethod
    def setUpTestData(cls):
        items = (
            post(1, "kept-back", status="draft", meta=[("_wp_old_slug", "early-name")])
            + post(2, "coming-soon", status="future", date="2099-01-01 09:00:00")
            + post(3, "out-now")
        )
        run_import(cls.export("unpublished.xml", items))

    def test_drafts_and_scheduled_posts_get_no_redirect_until_they_are_published(self):
        self.assertEqual(sorted(Redirect.objects.values_list("old_path", flat=True)), ["/2024/05/out-now", "/?p=3"])
        for old in ("/2024/05/kept-back/", "/2024/05/early-name/", "/2024/05/coming-soon/"):
            with self.subTest(old=old):
                self.assertEqual(self.client.get(old).status_code, 404)

    def test_a_draft_published_in_wordpress_gets_its_redirects_on_the_next_run(self):
        run_import(self.export("published.xml", post(1, "kept-back", meta=[("_wp_old_slug", "early-name")])))
        article = ArticlePage.objects.get(title="Story 1")
        self.assertTrue(article.live)
        response = self.client.get("/2024/05/early-name/")
        self.assertEqual((response.status_code, response["Location"]), (301, article.get_url()))


class CompressedExportTests(FolderTestCase):
    def test_gzip_and_bzip2_exports_are_read_directly(self):
        text = export_text(post(1, "packed")).encode()
        for name, packed in (("export.xml.gz", gzip.compress(text)), ("export.xml.bz2", bz2.compress(text))):
            with self.subTest(name=name):
                path = self.folder / name
                path.write_bytes(packed)
                output, lines = run_import(path)
                self.assertIn("articles 1 created", output)
                self.assertEqual([line for line in lines if line["action"] == "error"], [])
                self.assertEqual(list(ArticlePage.objects.values_list("title", flat=True)), ["Story 1"])
                ArticlePage.objects.all().delete()
                ImportRecord.objects.all().delete()


class MediaTests(FolderTestCase):
    def test_wordpress_com_absolute_attachment_paths_are_found_under_media_dir_by_their_uploads_tail(self):
        write_jpeg(self.folder / "uploads/2024/03/pier.jpg")
        item = attachment_item(7, "2024/03/pier.jpg").replace(
            "<![CDATA[2024/03/pier.jpg]]>", "<![CDATA[/srv/htdocs/wp-content/uploads/2024/03/pier.jpg]]>"
        )
        output, lines = run_import(self.export("wpcom.xml", item), media_dir=str(self.folder / "uploads"))
        self.assertEqual(list(NewsImage.objects.values_list("title", flat=True)), ["Picture 7"])
        self.assertEqual(reasons(lines, 7, "skipped"), [])

    def test_a_missing_image_is_looked_up_once_per_run_not_once_per_post(self):
        missing = [("_thumbnail_id", "999")]
        path = self.export("missing.xml", "".join(post(n, f"story-{n}", meta=missing) for n in range(1, 6)))
        with CaptureQueriesContext(connection) as queries:
            WordPressImport(path, report=Report()).run()
        # The run's image records are read once, whatever the posts ask for.
        lookups = [
            q["sql"]
            for q in queries
            if q["sql"].startswith("SELECT") and "importers_importrecord" in q["sql"] and "'image'" in q["sql"]
        ]
        self.assertEqual(len(lookups), 1, lookups)
        self.assertEqual(ArticlePage.objects.count(), 5)

    def test_without_media_dir_the_summary_says_why_images_were_skipped(self):
        items = attachment_item(7, "2024/03/pier.jpg") + post(1, "story", meta=[("_thumbnail_id", "7")])
        output, _ = run_import(self.export("no-media.xml", items))
        self.assertIn("Skipped — 1 image: no --media-dir given, so … was not read", output)
        self.assertIn("Warning — 1 article: featured image (attachment …) was not imported", output)
        self.assertFalse(ImportRecord.objects.filter(kind="image").exists())


class SectionMapTests(FolderTestCase):
    def test_a_section_map_may_name_categories_percent_encoded_as_the_export_does(self):
        path = self.folder / "map.csv"
        path.write_text(f"category,section\n{WORLD_ARABIC},world\n", encoding="utf-8")
        self.assertEqual(read_section_map(path), {"العالم": "world"})
