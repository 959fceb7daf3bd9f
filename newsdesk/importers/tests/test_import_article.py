"""`newsdesk import-article PAGE.html` on pages shaped like the ones news sites publish."""

import json
import tempfile
from io import StringIO
from pathlib import Path

from django.core.management import CommandError, call_command
from django.test import TestCase

from newsdesk.articles.models import ArticlePage
from newsdesk.importers.tests.corpus import HERE as CORPUS
from newsdesk.importers.tests.material import own
from newsdesk.people.models import Author
from newsdesk.testing import make_article, make_author, make_section

FURNITURE = (
    "Recent",
    "Read More",
    "Share this",
    "Share on",
    "Related",
    "Most read",
    "Subscribe",
    "Sign up",
    "Previous:",
    "thoughts on",
    "Proudly powered",
    "Our desk follows",
    "reports from the coast on fishing",
    "All rights reserved",
    "morning briefing",
)


def body_text(page) -> str:
    return json.dumps(list(page.body.raw_data), ensure_ascii=False)


class ImportArticleTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.section = make_section("Global Affairs")
        cls.other = make_section("Business")
        desk = make_author("News Desk", kind="desk")
        cls.also_see_target = make_article(
            cls.section, "Pakistan and China restate their ties as Dar rejects allegations", authors=[desk]
        )

    def run_command(self, name, *args):
        out = StringIO()
        call_command("import-article", str(own(f"html/{name}.html")), *args, stdout=out)
        return out.getvalue(), ArticlePage.objects.exclude(pk=self.also_see_target.pk).order_by("-pk").first()

    def assert_no_furniture(self, page):
        text = body_text(page)
        for furniture in FURNITURE:
            self.assertNotIn(furniture, text)

    def test_the_reference_shaped_page_becomes_a_full_draft(self):
        output, page = self.run_command("reference-shaped", "--url", "https://old.example.org/zardari-beijing/")
        self.assertIn("Draft saved:", output)
        self.assertFalse(page.live)
        self.assertEqual(
            page.title, "Zardari\u2019s Beijing Visit: Corridor Upgrades, Security Pledges and Trade Talks"
        )
        self.assertEqual(
            page.standfirst,
            "Pakistan's president spent five days in China; the two sides signed more than a dozen agreements.",
        )
        self.assertEqual([a.name for a in page.authors], ["News Desk"])
        self.assertEqual(page.first_published_at.isoformat(), "2025-02-09T02:15:00+00:00")
        self.assertEqual(page.hero_image.credit, "Reuters")
        self.assertEqual(page.hero_image.alt_text, "Two presidents shake hands in front of flags")
        self.assertEqual(page.hero_caption, "The two presidents at the welcome ceremony in Beijing.")
        kinds = [b.block_type for b in page.body]
        self.assertEqual(kinds.count("heading"), 5)
        self.assertEqual([b.value["text"] for b in page.body if b.block_type == "heading"][0], "Meetings at the top")
        quote = next(b.value for b in page.body if b.block_type == "quote")
        self.assertEqual(quote["attribution"], "Joint statement, paraphrased")
        also_see = next(b.value for b in page.body if b.block_type == "also_see")
        self.assertEqual(also_see["article"].pk, self.also_see_target.pk)
        self.assertTrue(page.body[0].value.source.startswith("<p>Asif Ali Zardari\u2019s five-day state visit"))
        self.assert_no_furniture(page)

    def test_a_wordpress_theme_page_loses_its_sidebar_share_bar_author_box_and_comments(self):
        output, page = self.run_command("wordpress-theme")
        self.assertEqual(page.title, "Fishermen count the cost of a short season")
        self.assertEqual([a.name for a in page.authors], ["Rubina Baloch"])
        self.assertEqual(page.first_published_at.isoformat(), "2024-10-14T03:20:11+00:00")
        paragraphs = [b for b in page.body if b.block_type == "paragraph"]
        self.assertEqual(len(paragraphs), 4)
        self.assertTrue(page.standfirst.startswith("Boats along the coast stayed on the beach"))
        self.assertEqual(
            next(b.value for b in page.body if b.block_type == "quote")["attribution"], "A skipper in Pasni"
        )
        self.assertIn("hero image /wp-content/uploads/2024/10/boats-1024x683.jpg was not imported", output)
        self.assert_no_furniture(page)

    def test_schema_org_microdata_gives_headline_two_bylines_and_date(self):
        _, page = self.run_command("microdata", "--section", "business")
        self.assertEqual(page.get_parent().pk, self.other.pk)
        self.assertEqual(page.title, "Rail freight doubles on the northern line")
        self.assertEqual([a.name for a in page.authors], ["Sadia Karim", "Omar Farooq"])
        self.assertEqual(page.first_published_at.isoformat(), "2025-01-28T10:00:00+00:00")
        self.assertEqual(
            [b.block_type for b in page.body], ["paragraph", "paragraph", "heading", "paragraph", "quote", "paragraph"]
        )
        self.assertEqual(page.body[4].value["attribution"], "Operations director")
        self.assert_no_furniture(page)

    def test_a_page_with_only_open_graph_is_read_by_trafilatura(self):
        output, page = self.run_command("opengraph-only")
        self.assertEqual(page.title, "Night markets return to the old city")
        self.assertEqual(
            page.standfirst, "Stalls reopened for the first time in four years, drawing crowds until after midnight."
        )
        self.assertEqual([a.name for a in page.authors], ["Hina Shah"])
        self.assertEqual(page.first_published_at.isoformat(), "2024-11-02T21:40:00+00:00")
        paragraphs = [b.value.source for b in page.body if b.block_type == "paragraph"]
        self.assertEqual(len(paragraphs), 4)
        self.assertTrue(paragraphs[0].startswith("<p>Night markets returned to the old city on Saturday"))
        self.assertEqual([t.name for t in page.tags.all()], ["Culture"])
        self.assertIn("https://cdn.example.net/photos/night-market.jpg was not imported", output)
        self.assert_no_furniture(page)

    def test_an_amp_page_gives_json_ld_bylines_and_its_amp_hero(self):
        _, page = self.run_command("amp")
        self.assertEqual([a.name for a in page.authors], ["Bilal Ahmed", "Energy Desk"])
        self.assertEqual(page.authors[1].kind, "desk")
        self.assertEqual(page.hero_image.credit, "Example News")
        self.assertEqual(page.hero_caption, "Transmission lines outside the city on Tuesday.")
        self.assertEqual([b.block_type for b in page.body], ["paragraph", "paragraph", "heading", "paragraph"])
        self.assertEqual(sorted(t.name for t in page.tags.all()), ["energy", "heatwave"])

    def test_importing_the_same_page_again_updates_the_same_draft(self):
        _, first = self.run_command("amp", "--url", "https://news.example.com/heatwave/")
        _, second = self.run_command("amp", "--url", "https://news.example.com/heatwave/")
        self.assertEqual(first.pk, second.pk)
        self.assertEqual(ArticlePage.objects.filter(title="Heatwave pushes power demand to a record").count(), 1)

    def test_it_refuses_a_missing_file_and_an_unknown_section(self):
        with self.assertRaisesMessage(CommandError, "does not exist"):
            call_command("import-article", "/nonexistent/page.html")
        with self.assertRaisesMessage(CommandError, "No section 'nowhere'"):
            call_command("import-article", str(own("html/amp.html")), "--section", "nowhere")


class ImportArticleRefusalsAndEncodingsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.section = make_section("World")

    def test_a_page_without_article_text_exits_with_a_message_and_saves_no_draft(self):
        folder = self.enterContext(tempfile.TemporaryDirectory())
        path = Path(folder) / "gallery.html"
        path.write_text(
            "<html><head><title>Gallery</title></head><body><h1>Gallery: the flood</h1><img src='a.jpg'></body></html>"
        )
        with self.assertRaisesMessage(CommandError, "No article text found on the page, so no draft was made"):
            call_command("import-article", str(path), stdout=StringIO())
        self.assertFalse(ArticlePage.objects.exists())
        self.assertFalse(Author.objects.exists())

    def test_a_russian_page_in_windows_1251_without_a_declaration_gives_a_readable_draft_and_author(self):
        out = StringIO()
        call_command("import-article", str(CORPUS / "wp-layout-sidebar--tram-timetable--cp1251-none.html"), stdout=out)
        page = ArticlePage.objects.get()
        self.assertEqual(page.title, "Городской транспорт перейдёт на новое расписание с марта")
        self.assertEqual([a.name for a in page.authors], ["Анна Соколова"])
        self.assertEqual(Author.objects.get().name, "Анна Соколова")
        self.assertIn("Ночные маршруты на окраинах", [b.value["text"] for b in page.body if b.block_type == "heading"])
        self.assertIn("new author 'Анна Соколова' created", out.getvalue())
