"""Running `newsdesk import-wordpress` again: updates, resumes after a kill, dry runs, section maps."""

import json
import shutil
import tempfile
from pathlib import Path
from unittest import mock

from django.core.management import call_command
from django.db import transaction
from django.test import TestCase
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from newsdesk.articles.models import ArticlePage
from newsdesk.images.models import NewsImage
from newsdesk.importers.load.redirects import RedirectWriter
from newsdesk.importers.models import ImportRecord
from newsdesk.importers.tests.test_import_wordpress_edge_cases import EXPORT, WithUploads, run_import
from newsdesk.people.models import Author
from newsdesk.sections.models import SectionPage, StandardPage


def snapshot() -> dict:
    """Everything an import writes, by natural keys (no database ids), for comparing runs."""
    images = {image.pk: image.title for image in NewsImage.objects.all()}

    def body(page):
        blocks = []
        for block in page.body.raw_data:
            value = dict(block["value"]) if isinstance(block["value"], dict) else block["value"]
            if block["type"] == "image":
                value["image"] = images[value["image"]]
            blocks.append((block["type"], json.dumps(value, sort_keys=True)))
        return blocks

    return {
        "articles": sorted(
            (
                p.url_path,
                p.title,
                p.standfirst,
                p.live,
                p.is_featured,
                str(p.first_published_at),
                str(p.go_live_at),
                tuple(a.name for a in p.authors),
                tuple(sorted(t.name for t in p.tags.all())),
                images.get(p.hero_image_id),
                tuple(body(p)),
            )
            for p in ArticlePage.objects.all()
        ),
        "pages": sorted((p.url_path, p.title, p.body, p.live) for p in StandardPage.objects.all()),
        "sections": sorted(SectionPage.objects.values_list("url_path", "title")),
        "authors": sorted(Author.objects.values_list("slug", "name", "email", "bio")),
        "images": sorted(NewsImage.objects.values_list("title", "credit", "default_caption", "alt_text")),
        "redirects": sorted((r.old_path, r.redirect_page.url_path, r.is_permanent) for r in Redirect.objects.all()),
        # A checksum covers the ids of the images and authors an item points at, and PostgreSQL does not
        # hand rolled-back ids out again: compare that each record has one, not its value.
        "records": sorted(
            (kind, source_id, bool(checksum))
            for kind, source_id, checksum in ImportRecord.objects.values_list("kind", "source_id", "checksum")
        ),
    }


class RerunTests(WithUploads, TestCase):
    def test_a_second_run_updates_nothing_and_duplicates_nothing(self):
        run_import(media_dir=str(self.uploads))
        first = snapshot()
        output, lines = run_import(media_dir=str(self.uploads))
        self.assertEqual(snapshot(), first)
        self.assertIn("articles 0 created, 0 updated, 10 unchanged", output)
        self.assertFalse([line for line in lines if line["action"] == "created"])

    def test_an_article_the_desk_deleted_since_is_made_again_and_the_rest_left_alone(self):
        for batch_size in (1, 200):
            with self.subTest(batch_size=batch_size), transaction.atomic():
                run_import(media_dir=str(self.uploads), batch_size=batch_size)
                gone = ArticlePage.objects.get(pk=ImportRecord.objects.get(kind="article", source_id="101").object_id)
                title = gone.title
                gone.delete()
                output, lines = run_import(media_dir=str(self.uploads), batch_size=batch_size)
                self.assertIn("articles 1 created, 0 updated, 9 unchanged", output)
                remade = ArticlePage.objects.get(pk=ImportRecord.objects.get(kind="article", source_id="101").object_id)
                self.assertEqual(remade.title, title)
                self.assertEqual(ArticlePage.objects.count(), 10)
                unchanged = [line for line in lines if line["action"] == "unchanged" and line["kind"] == "article"]
                self.assertTrue(all(line["title"] for line in unchanged))
                transaction.set_rollback(True)

    def test_a_second_run_updates_what_changed_in_the_source(self):
        run_import(media_dir=str(self.uploads))
        article = ArticlePage.objects.get(pk=ImportRecord.objects.get(kind="article", source_id="101").object_id)
        changed = Path(tempfile.mkdtemp()) / "export.xml"
        changed.write_bytes(EXPORT.read_bytes().replace(b"New berths to double", b"Two new berths will double"))
        try:
            output, _ = run_import(changed, media_dir=str(self.uploads))
        finally:
            shutil.rmtree(changed.parent)
        article.refresh_from_db()
        self.assertEqual(article.title, "Two new berths will double Gwadar\u2019s container space")
        self.assertIn("articles 0 created, 1 updated, 9 unchanged", output)
        self.assertEqual(ArticlePage.objects.count(), 10)

    def test_a_run_killed_midway_and_started_again_ends_like_a_clean_run(self):
        with transaction.atomic():
            run_import(media_dir=str(self.uploads))
            clean = snapshot()
            transaction.set_rollback(True)
        self.assertFalse(ArticlePage.objects.exists())

        # One item per transaction, killed inside the fifth article (written, its redirects not yet);
        # in batches of three, killed while the second batch's new articles are being written.
        for batch_size, kill_on, kept in ((1, 5, 4), (3, 2, None)):
            with self.subTest(batch_size=batch_size), transaction.atomic():
                calls = {"n": 0}
                real_point_many = RedirectWriter.point_many

                def killed(writer, *args, kill_on=kill_on, calls=calls, real_point_many=real_point_many, **kwargs):
                    calls["n"] += 1
                    if calls["n"] == kill_on:
                        raise KeyboardInterrupt
                    return real_point_many(writer, *args, **kwargs)

                with mock.patch.object(RedirectWriter, "point_many", killed), self.assertRaises(KeyboardInterrupt):
                    run_import(media_dir=str(self.uploads), batch_size=batch_size)
                written = ArticlePage.objects.count()
                if kept is not None:
                    self.assertEqual(written, kept)
                self.assertTrue(0 < written < 10)
                # Nothing half-written: every article kept has its record and its redirects, and no more.
                self.assertEqual(ImportRecord.objects.filter(kind="article").count(), written)
                self.assertFalse(Redirect.objects.filter(redirect_page__isnull=True).exists())
                self.assertEqual(Page.find_problems(), ([], [], [], [], []))

                output, _ = run_import(media_dir=str(self.uploads), batch_size=batch_size)
                self.assertIn(f"articles {10 - written} created, 0 updated, {written} unchanged", output)
                self.assertEqual(snapshot(), clean)
                transaction.set_rollback(True)

    def test_a_dry_run_reports_everything_and_keeps_nothing(self):
        output, lines = run_import(media_dir=str(self.uploads), dry_run=True)
        self.assertTrue(output.startswith("Dry run, nothing kept"))
        self.assertIn("articles 10 created", output)
        self.assertTrue(any(line["kind"] == "image" and line["action"] == "created" for line in lines))
        self.assertFalse(ArticlePage.objects.exists())
        self.assertFalse(NewsImage.objects.exists())
        self.assertFalse(ImportRecord.objects.exists())
        self.assertFalse(any(Path(self.uploads).glob("original_images/*")))

    def test_a_section_map_sends_categories_to_chosen_sections(self):
        mapping = Path(tempfile.mkdtemp()) / "sections.csv"
        mapping.write_text("category,section\nasia,region\nworld,region\n# opinion falls back\n", encoding="utf-8")
        try:
            run_import(media_dir=str(self.uploads), section_map=str(mapping))
        finally:
            shutil.rmtree(mapping.parent)
        sections = set(SectionPage.objects.values_list("slug", flat=True))
        self.assertEqual(sections, {"region", "news"})
        article = ArticlePage.objects.get(pk=ImportRecord.objects.get(kind="article", source_id="101").object_id)
        self.assertEqual(article.get_parent().slug, "region")
        untitled = ArticlePage.objects.get(pk=ImportRecord.objects.get(kind="article", source_id="104").object_id)
        self.assertEqual(untitled.get_parent().slug, "news")
        self.assertIn("Opinion", [t.name for t in untitled.tags.all()])

    def test_skipping_the_search_index_says_how_to_build_it_later(self):
        output, _ = run_import(media_dir=str(self.uploads), skip_search_index=True)
        self.assertIn("run `newsdesk update_index`", output)
        self.assertFalse(ArticlePage.objects.search("berths"))
        call_command("update_index", verbosity=0)
        self.assertIn(
            "New berths to double Gwadar\u2019s container space",
            [page.title for page in ArticlePage.objects.search("berths")],
        )
