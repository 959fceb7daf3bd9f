"""`newsdesk import-wordpress` on our own export of the problems real exports have."""

import json
import shutil
import tempfile
from io import StringIO
from pathlib import Path

from django.core.management import call_command
from django.test import TestCase, override_settings
from django_tasks import default_task_backend
from lxml import html as lxml_html

from newsdesk.articles.models import ArticlePage
from newsdesk.entities.models import ArticleEntity
from newsdesk.images.models import NewsImage
from newsdesk.importers.models import ImportRecord
from newsdesk.importers.tests.material import own, write_jpeg
from newsdesk.people.models import Author
from newsdesk.sections.models import SectionPage, StandardPage

EXPORT = own("wxr/newsroom-edge-cases.xml")


def run_import(export=EXPORT, **options):
    """Run the command; return (stdout, report lines)."""
    folder = Path(tempfile.mkdtemp(prefix="wxr-report-"))
    report = folder / "report.jsonl"
    out = StringIO()
    try:
        call_command("import-wordpress", str(export), report=str(report), stdout=out, **options)
        lines = [json.loads(line) for line in report.read_text(encoding="utf-8").splitlines()]
    finally:
        shutil.rmtree(folder)
    return out.getvalue(), lines


def reasons(lines, source_id, action=None):
    return [
        line["reason"] for line in lines if line["source_id"] == str(source_id) and action in (None, line["action"])
    ]


def make_uploads() -> Path:
    uploads = Path(tempfile.mkdtemp(prefix="wp-uploads-"))
    write_jpeg(uploads / "2024/02/harbour.jpg", colour=(10, 60, 90))
    write_jpeg(uploads / "2024/02/skyline.jpg", colour=(90, 60, 10))
    return uploads


class WithUploads:
    """A wp-content/uploads folder for the edge-case export, made once per test class."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.uploads = make_uploads()

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.uploads, ignore_errors=True)
        super().tearDownClass()


class EdgeCaseImportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.uploads = make_uploads()
        cls.output, cls.lines = run_import(media_dir=str(cls.uploads))

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.uploads, ignore_errors=True)
        super().tearDownClass()

    def article(self, source_id) -> ArticlePage:
        pk = ImportRecord.objects.get(kind="article", source_id=str(source_id)).object_id
        return ArticlePage.objects.get(pk=pk)

    def test_it_ends_with_a_summary_line_naming_the_report(self):
        self.assertIn("articles 10 created", self.output)
        self.assertIn("Report:", self.output)

    def test_it_puts_child_categories_under_their_top_section_and_keeps_them_as_tags(self):
        article = self.article(101)
        self.assertEqual(article.get_parent().slug, "world")
        self.assertEqual(sorted(t.name for t in article.tags.all()), ["Asia", "Ports", "Shipping"])
        self.assertEqual(self.article(104).get_parent().slug, "opinion")

    def test_it_orders_co_author_bylines_as_co_authors_plus_did(self):
        authors = self.article(101).authors
        self.assertEqual([a.name for a in authors], ["Jo Mendes", "Amina Qureshi"])
        jo = Author.objects.get(name="Jo Mendes")
        self.assertEqual(jo.bio, "Jo Mendes reports on shipping and trade from Karachi.")
        self.assertEqual(jo.email, "jo@freelance.example.org")

    def test_it_keeps_author_emails_private_and_drops_invalid_ones(self):
        self.assertEqual(Author.objects.get(slug="amina").email, "amina@desk.example.org")
        self.assertEqual(Author.objects.get(slug="tariq").email, "")
        self.assertIn("email 'not-an-email' is not valid; not kept", reasons(self.lines, "tariq"))

    def test_it_maps_excerpt_sticky_hero_and_seo_description(self):
        article = self.article(101)
        self.assertEqual(article.title, "New berths to double Gwadar\u2019s container space")
        self.assertEqual(article.standfirst, "Two berths open before summer, the port authority says.")
        self.assertTrue(article.is_featured)
        self.assertTrue(article.live)
        self.assertEqual(article.first_published_at.isoformat(), "2024-02-06T09:30:00+00:00")
        self.assertEqual(article.hero_image.title, "Harbour cranes")
        self.assertEqual(article.search_description, "Gwadar adds two berths.")

    def test_it_converts_classic_markup_to_blocks(self):
        body = self.article(101).body
        kinds = [block.block_type for block in body]
        self.assertEqual(
            kinds,
            [
                "paragraph",
                "heading",
                "paragraph",
                "image",
                "quote",
                "paragraph",
                "table",
                "embed",
                "paragraph",
                "paragraph",
            ],
        )
        heading = body[1].value
        self.assertEqual(
            (heading["text"], heading["level"], heading["anchor"]), ("What changes for shippers", "h2", "what-changes")
        )
        quote = body[4].value
        self.assertEqual(quote["text"], "We built for the ships of the next twenty years, not the last twenty.")
        self.assertEqual(quote["attribution"], "Port chairman")
        self.assertEqual(quote["source_url"], "https://example.org/statement")
        self.assertIn("<li>Two berths</li>", body[5].value.source)
        self.assertEqual(body[6].value["table"]["data"], [["Berth", "Depth (m)"], ["North", "14.5"], ["South", "16"]])
        self.assertTrue(body[6].value["table"]["first_row_is_table_header"])
        self.assertEqual(body[7].value["embed"].url, "https://www.youtube.com/watch?v=aqz-KE-bpKQ")

    def test_it_keeps_unknown_shortcodes_visible_and_reports_them(self):
        texts = [b.value.source for b in self.article(101).body if b.block_type == "paragraph"]
        self.assertIn('<p>[poll id="3"]</p>', texts)
        self.assertIn("unknown shortcode [poll] kept as visible text", reasons(self.lines, 101, "warning"))

    def test_it_removes_scripts_handlers_and_javascript_links(self):
        stored = json.dumps(list(self.article(101).body.raw_data))
        for hostile in ("<script", "document.write", "onclick", "javascript:", "steal()"):
            self.assertNotIn(hostile, stored)
        self.assertIn("removed unsafe markup: <script>", reasons(self.lines, 101))
        self.assertIn("removed javascript: links", reasons(self.lines, 101))

    def test_it_lifts_credits_out_of_captions_onto_images(self):
        harbour = NewsImage.objects.get(title="Harbour cranes")
        self.assertEqual(harbour.credit, "Reuters")
        self.assertEqual(harbour.default_caption, "Cranes at the container terminal.")
        self.assertEqual(harbour.alt_text, "Three cranes over stacked containers")
        skyline = NewsImage.objects.get(title="Skyline")
        self.assertEqual(skyline.credit, "Sana Ali")
        image_block = next(b for b in self.article(101).body if b.block_type == "image")
        self.assertEqual(image_block.value["image"].pk, skyline.pk)
        self.assertEqual(image_block.value["caption"], "The skyline seen from the new breakwater.")
        self.assertEqual(image_block.value["credit"], "Sana Ali")
        self.assertEqual(skyline.alt_text, "The city skyline at dusk")  # taken from the body's <img alt>

    def test_it_reports_missing_and_non_image_attachments(self):
        self.assertIn(
            "file 2024/02/missing.jpg is missing from " + str(self.uploads), reasons(self.lines, 502, "skipped")
        )
        self.assertEqual(reasons(self.lines, 504, "skipped"), ["2024/02/report.pdf is not an image we store (pdf)"])
        self.assertEqual(NewsImage.objects.count(), 2)

    def test_it_converts_gutenberg_blocks_and_generates_a_standfirst(self):
        article = self.article(102)
        self.assertFalse(article.live)
        kinds = [block.block_type for block in article.body]
        self.assertEqual(kinds, ["paragraph", "heading", "image", "quote", "pull_quote", "table", "embed", "paragraph"])
        self.assertEqual(article.body[1].value["level"], "h3")
        self.assertEqual(article.body[2].value["credit"], "AP")
        self.assertEqual(article.body[4].value["text"], "Cheaper freight reaches the shelves last.")
        self.assertEqual(article.body[5].value["caption"], "Month-on-month change")
        self.assertEqual(article.body[6].value["embed"].url, "https://vimeo.com/76979871")
        self.assertLessEqual(len(article.standfirst), 300)
        self.assertTrue(article.standfirst.startswith("Freight rates on the corridor fell for a third month"))
        self.assertTrue(article.standfirst.endswith("\u2026"))
        self.assertNotIn(" the passes shut", article.standfirst)
        self.assertIn(
            "dynamic blocks that list the old site's content were not carried over: latest-posts",
            reasons(self.lines, 102),
        )

    def test_it_gives_a_duplicate_slug_a_suffix_and_says_so(self):
        self.assertEqual(self.article(103).slug, "new-berths-2")
        self.assertIn("slug 'new-berths' already used here; now 'new-berths-2'", reasons(self.lines, 103))

    def test_it_titles_untitled_posts_from_their_text(self):
        article = self.article(104)
        self.assertEqual(article.title, "A post whose writer never gave it a title, though it has words.")
        self.assertTrue(any(r.startswith("had no title") for r in reasons(self.lines, 104, "changed")))

    def test_it_falls_back_to_the_rss_date_when_wordpress_dates_are_unreadable(self):
        self.assertEqual(self.article(105).first_published_at.isoformat(), "2019-03-05T08:00:00+00:00")
        self.assertIn(
            "post_date_gmt 'sometime in March' is not a date we can read", reasons(self.lines, 105, "warning")
        )

    def test_it_makes_an_author_for_a_login_the_export_does_not_list(self):
        self.assertEqual([a.name for a in self.article(106).authors], ["ghostwriter"])
        self.assertIn("not in the export's author list; made from the login name", reasons(self.lines, "ghostwriter"))

    def test_it_schedules_future_posts(self):
        article = self.article(107)
        self.assertFalse(article.live)
        self.assertEqual(article.go_live_at.year, 2099)
        self.assertEqual(article.get_latest_revision().approved_go_live_at.year, 2099)

    def test_it_imports_private_and_password_protected_posts_as_drafts(self):
        self.assertFalse(self.article(108).live)
        self.assertFalse(self.article(113).live)
        self.assertIn("password-protected in WordPress: imported as a draft", reasons(self.lines, 113))

    def test_it_skips_trash_unknown_types_and_menus_with_a_reason(self):
        self.assertEqual(reasons(self.lines, 109), ["in the WordPress trash"])
        self.assertEqual(reasons(self.lines, 110), ["unknown post type 'product': not imported"])
        self.assertEqual(reasons(self.lines, 301), ["menus are rebuilt in Newsdesk's navigation"])
        self.assertFalse(ImportRecord.objects.filter(source_id__in=["109", "110", "301"]).exists())

    def test_it_replaces_bytes_that_are_not_utf8_and_reports_where(self):
        self.assertEqual(self.article(111).title, "Caf\ufffd owners protest")
        file_lines = [line["reason"] for line in self.lines if line["kind"] == "file"]
        self.assertTrue(any("2 byte(s) that are not UTF-8 replaced" in r for r in file_lines), file_lines)
        self.assertTrue(reasons(self.lines, 111, "changed"))

    def test_it_skips_an_item_with_broken_xml_instead_of_half_importing_it(self):
        self.assertFalse(ImportRecord.objects.filter(source_id="112").exists())
        self.assertFalse(ArticlePage.objects.filter(slug="fish-and-chips").exists())
        [reason] = reasons(self.lines, 112, "skipped")
        self.assertIn("XML error inside this item", reason)

    def test_it_imports_pages_as_standard_pages_under_their_parents(self):
        about = StandardPage.objects.get(slug="about")
        contact = StandardPage.objects.get(slug="contact")
        self.assertEqual(contact.get_parent().pk, about.pk)
        self.assertIn("<h2>Who we are</h2>", about.body)
        self.assertEqual(SectionPage.objects.filter(slug="about").count(), 0)

    def test_old_permalinks_and_query_links_answer_301_with_the_new_page(self):
        article = self.article(101)
        for old in ("/2024/02/new-berths/", "/2024/02/berths-to-open/", "/?p=101"):
            response = self.client.get(old)
            self.assertEqual(response.status_code, 301, old)
            self.assertEqual(response["Location"], article.url, old)
        page = self.client.get(article.url)
        self.assertEqual(page.status_code, 200)
        tree = lxml_html.fromstring(page.content)
        self.assertEqual(tree.xpath("string(//h1)").strip(), article.title)

    def test_old_page_links_answer_301(self):
        contact = StandardPage.objects.get(slug="contact")
        response = self.client.get("/?page_id=202")
        self.assertEqual((response.status_code, response["Location"]), (301, contact.url))

    def test_imported_articles_are_found_by_the_reader_search_at_once(self):
        self.assertIn("imported pages to the search index", self.output)
        response = self.client.get("/search/", {"q": "berths"})
        titles = lxml_html.fromstring(response.content).xpath('//li[@class="search-result"]/h3/a')
        self.assertEqual([a.text_content().strip() for a in titles], [self.article(101).title])


@override_settings(ENTITIES_EXTRACT_ON_SAVE=True)
class ImportUnderstandingTests(TestCase):
    def imported_links(self):
        imported = ImportRecord.objects.filter(kind="article").values_list("object_id", flat=True)
        return ArticleEntity.objects.filter(article_id__in=list(imported))

    def test_imported_articles_get_their_entities_found_when_asked_to_now(self):
        output, _ = run_import(understand_now=True)
        self.assertIn("Found entities and refreshed related articles for 10 imported articles", output)
        self.assertTrue(self.imported_links().exists())
        self.assertTrue(self.imported_links().exclude(status="confirmed").exists())  # suggestions, for editors

    def test_without_a_task_worker_the_import_ends_without_them_and_says_how_to_find_them(self):
        output, _ = run_import()  # tasks run in this process, as in the embedded default
        self.assertIn("Entities and related articles are not found yet", output)
        self.assertIn("newsdesk extract-entities", output)
        self.assertFalse(self.imported_links().exists())

    @override_settings(
        TASKS={
            "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend", "QUEUES": ["default", "reader-caches"]}
        }
    )
    def test_with_a_task_worker_they_are_queued_for_it(self):
        default_task_backend.clear()
        output, _ = run_import()
        self.assertIn("Queued entity extraction", output)
        queued = [r for r in default_task_backend.results if r.task.name == "understand_imported_articles"]
        self.assertEqual(len(queued), 1)
        self.assertEqual(queued[0].args, [ImportRecord.objects.filter(kind="article").first().source])
        self.assertFalse(self.imported_links().exists())  # the worker does it, not the command
