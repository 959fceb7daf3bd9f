"""`newsdesk import-wordpress` on real WordPress exports (vendored in fixtures/wxr), field by field."""

import shutil
import tempfile
from pathlib import Path

from django.core.management import CommandError, call_command
from django.test import TestCase
from wagtail.contrib.redirects.models import Redirect

from newsdesk.articles.models import ArticlePage
from newsdesk.images.models import NewsImage
from newsdesk.importers.models import ImportRecord
from newsdesk.importers.tests.material import shared_wxr, write_jpeg
from newsdesk.importers.tests.test_import_wordpress_edge_cases import reasons, run_import
from newsdesk.people.models import Author
from newsdesk.sections.models import SectionPage, StandardPage


def imported(kind, source_id):
    pk = ImportRecord.objects.get(kind=kind, source_id=str(source_id)).object_id
    return (ArticlePage if kind == "article" else StandardPage).objects.get(pk=pk)


class ThemeUnitTestExportTests(TestCase):
    """The WordPress theme unit test data: WXR 1.2 with the https namespace, classic and block posts."""

    @classmethod
    def setUpTestData(cls):
        cls.uploads = Path(tempfile.mkdtemp(prefix="wp-uploads-"))
        write_jpeg(cls.uploads / "2010/08/manhattansummer.jpg")  # one attachment present; the rest missing
        cls.output, cls.lines = run_import(shared_wxr("themeunittestdata.wordpress.xml"), media_dir=str(cls.uploads))

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.uploads, ignore_errors=True)
        super().tearDownClass()

    def test_it_imports_every_post_and_page_and_skips_menus(self):
        self.assertEqual(ImportRecord.objects.filter(kind="article").count(), 58)
        self.assertEqual(ImportRecord.objects.filter(kind="page").count(), 21)
        self.assertEqual(ArticlePage.objects.count(), 58)
        self.assertEqual(StandardPage.objects.count(), 21)
        self.assertEqual(len([line for line in self.lines if line["kind"] == "nav_menu_item"]), 70)

    def test_it_imports_both_authors_with_private_emails(self):
        names = dict(Author.objects.values_list("slug", "name"))
        self.assertEqual(names, {"themedemos": "Theme Buster", "themereviewteam": "Theme Reviewer"})
        self.assertEqual(Author.objects.get(slug="themedemos").email, "themeshaperwp+demos@gmail.com")
        self.assertEqual([a.name for a in imported("article", 1241).authors], ["Theme Buster"])

    def test_it_maps_categories_to_sections(self):
        self.assertEqual(imported("article", 1241).get_parent().slug, "classic")
        self.assertEqual(imported("article", 51).get_parent().slug, "6-1")
        self.assertTrue(SectionPage.objects.filter(slug="block", live=True).exists())

    def test_it_keeps_sticky_excerpt_and_tags(self):
        sticky = imported("article", 1241)
        self.assertTrue(sticky.is_featured)
        self.assertEqual({t.name for t in sticky.tags.all()}, {"sticky", "template", "Uncategorized"})
        excerpt = imported("article", 993)
        self.assertTrue(excerpt.standfirst.startswith("This is a user-defined post excerpt. It should be displayed"))
        self.assertNotIn("<em>", excerpt.standfirst)
        self.assertEqual(excerpt.first_published_at.isoformat(), "2012-03-15T21:38:08+00:00")
        self.assertTrue(excerpt.live)

    def test_it_keeps_drafts_as_drafts_and_schedules_the_future_post(self):
        draft = imported("article", 1164)
        self.assertFalse(draft.live)
        self.assertEqual(draft.title, "Draft")
        scheduled = imported("article", 1153)
        self.assertFalse(scheduled.live)
        self.assertEqual(scheduled.go_live_at.isoformat(), "2030-01-01T19:00:18+00:00")

    def test_it_converts_the_image_alignment_post_and_reports_missing_files(self):
        article = imported("article", 1177)
        first = article.body[0]
        self.assertEqual(first.block_type, "paragraph")
        self.assertTrue(first.value.source.startswith("<p>Welcome to image alignment! The best way"))
        self.assertIn("<i>None</i>", article.body[1].value.source)
        images = [b.value["image"] for b in article.body if b.block_type == "image"]
        self.assertTrue(all(image.file.name.startswith("original_images/manhattansummer") for image in images), images)
        self.assertIn(
            "file 2013/03/image-alignment-580x300.jpg is missing from " + str(self.uploads),
            reasons(self.lines, 967, "skipped"),
        )

    def test_it_imports_an_attachment_whose_file_is_present(self):
        image = NewsImage.objects.get()
        self.assertEqual(image.title, "OLYMPUS DIGITAL CAMERA")  # the attachment's own title in the export
        self.assertTrue(image.file.name.endswith(".jpg"))

    def test_it_redirects_old_permalinks_to_live_articles(self):
        article = imported("article", 993)
        response = self.client.get("/2012/03/15/template-excerpt-defined/")
        self.assertEqual((response.status_code, response["Location"]), (301, article.url))
        self.assertEqual(self.client.get(article.url).status_code, 200)
        self.assertEqual(
            sorted(article.tags.values_list("slug", flat=True)),
            ["content-periechomeno", "excerpt", "template", "uncategorized"],
        )
        self.assertTrue(Redirect.objects.filter(old_path="/?p=993", redirect_page=article).exists())

    def test_it_reports_unknown_shortcodes_and_dropped_dynamic_blocks(self):
        self.assertIn("unknown shortcode [simple] kept as visible text", reasons(self.lines, 358, "warning"))
        self.assertTrue(
            any(r.startswith("dynamic blocks that list the old site's content") for r in reasons(self.lines, 51))
        )


class OtherRealExportsTests(TestCase):
    def test_it_imports_the_block_editor_export(self):
        run_import(shared_wxr("64-block-test-data.xml"))
        self.assertEqual(ArticlePage.objects.count(), 61)
        self.assertEqual(StandardPage.objects.count(), 1)
        kinds = {b.block_type for page in ArticlePage.objects.all() for b in page.body}
        self.assertTrue({"paragraph", "heading", "quote", "pull_quote", "table"} <= kinds, kinds)

    def test_it_imports_the_wordpress_com_site_export(self):
        _, lines = run_import(shared_wxr("jekyllbot.wordpress.com.2025-01-19.xml"))
        self.assertEqual(ArticlePage.objects.count(), 7)
        self.assertEqual(StandardPage.objects.count(), 1)
        self.assertIn(
            "theme styles do not carry over", [line["reason"] for line in lines if line["kind"] == "wp_global_styles"]
        )

    def test_it_imports_an_export_with_no_author_list(self):
        _, lines = run_import(shared_wxr("a11y-theme-unit-test-data.xml"))
        self.assertEqual(ArticlePage.objects.count(), 47)
        self.assertTrue(any("not in the export's author list" in line["reason"] for line in lines))
        self.assertTrue(all(page.bylines.exists() for page in ArticlePage.objects.all()))

    def test_it_reads_wxr_1_0_and_1_1(self):
        for name, posts, pages in (("valid-wxr-1.0.xml", 3, 3), ("valid-wxr-1.1.xml", 1, 1)):
            with self.subTest(name):
                _, lines = run_import(shared_wxr(f"wordpress-importer-phpunit/{name}"))
                written = [
                    (line["kind"], line["source_id"]) for line in lines if line["action"] in ("created", "updated")
                ]
                self.assertEqual(len([k for k, _ in written if k == "article"]), posts, lines)
                self.assertEqual(len([k for k, _ in written if k == "page"]), pages, lines)

    def test_small_export_keeps_private_and_draft_posts_unpublished(self):
        _, lines = run_import(shared_wxr("wordpress-importer-phpunit/small-export.xml"))
        self.assertEqual(ImportRecord.objects.filter(kind="article").count(), 6)
        self.assertEqual(Author.objects.count(), 3)
        private = [line for line in lines if "private in WordPress" in line["reason"]]
        self.assertEqual(len(private), 1)
        self.assertFalse(
            ArticlePage.objects.get(
                pk=ImportRecord.objects.get(source_id=private[0]["source_id"], kind="article").object_id
            ).live
        )


class BrokenExportsTests(TestCase):
    def test_it_refuses_files_without_a_valid_wxr_version_and_writes_nothing(self):
        for name, message in (
            ("missing-version-tag.xml", "missing WXR version number"),
            ("invalid-version-tag.xml", "invalid WXR version number 'abc'"),
            ("malformed.xml", "This does not appear to be a WXR file"),
        ):
            with self.subTest(name), self.assertRaisesMessage(CommandError, message):
                call_command(
                    "import-wordpress",
                    str(shared_wxr(f"wordpress-importer-phpunit/{name}")),
                    report=str(Path(tempfile.gettempdir()) / "broken.jsonl"),
                )
        self.assertFalse(ImportRecord.objects.exists())
        self.assertFalse(Author.objects.exists())

    def test_it_skips_an_item_whose_xml_is_broken_and_says_where(self):
        _, lines = run_import(shared_wxr("wordpress-importer-phpunit/crazy-cdata.xml"))
        self.assertFalse(ArticlePage.objects.exists())
        [line] = [line for line in lines if line["source_id"] == "1"]
        self.assertEqual(line["action"], "skipped")
        self.assertIn("XML error inside this item at line 18", line["reason"])

    def test_it_imports_what_came_before_a_truncated_end(self):
        source = shared_wxr("wordpress-importer-phpunit/small-export.xml").read_bytes()
        cut = source[: source.index(b"<title>Foo-child</title>")]  # the file stops in the middle of an item
        with tempfile.NamedTemporaryFile(suffix=".xml", delete=False) as handle:
            handle.write(cut)
        try:
            _, lines = run_import(Path(handle.name))
        finally:
            Path(handle.name).unlink()
        self.assertEqual(ImportRecord.objects.filter(kind="article").count(), 2)  # the two posts before the cut
        [cut_item] = [line for line in lines if "Premature end of data" in line["reason"]]
        self.assertEqual(cut_item["action"], "skipped")
