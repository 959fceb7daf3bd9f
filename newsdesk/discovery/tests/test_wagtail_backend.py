"""Wagtail's search index as the admin uses it: entries written by discovery/wagtail_backend.py on
PostgreSQL must be Wagtail's own, value for value, and find what Wagtail's would find."""

import unittest

from django.db import connection
from django.test import TestCase
from modelsearch.backends import get_search_backend
from modelsearch.backends.database.postgres.postgres import PostgresIndex

from newsdesk.articles.models import ArticlePage
from newsdesk.sections.models import SectionPage
from newsdesk.testing import make_article, make_section, paragraphs


@unittest.skipUnless(connection.vendor == "postgresql", "the faster entries are written on PostgreSQL only")
class PostgresEntriesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.section = make_section("World", slug="world")
        cls.articles = [
            make_article(
                cls.section,
                "Harbour cranes return to the port",
                tags=["Ports", "Trade"],
                body=paragraphs("The <b>dockworkers</b> voted on Tuesday &amp; the strike ended.", "Ferries ran."),
            ),
            make_article(
                cls.section, "서울 항구의 크레인", standfirst="항구", body=paragraphs("부산항 노동자들이 돌아왔다.")
            ),
            make_article(cls.section, "Αθήνα: the port's new pier", standfirst="  Spaces around  ", body=[]),
        ]

    COLUMNS = (
        "content_type_id, object_id, title::text, autocomplete::text, body::text, title_norm, title_text, body_text"
    )

    def entries(self) -> list:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {self.COLUMNS} FROM wagtailsearch_indexentry ORDER BY content_type_id, object_id")
            return cursor.fetchall()

    def written_by(self, index) -> list:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM wagtailsearch_indexentry")
        articles = list(ArticlePage.get_indexed_objects().filter(pk__in=[a.pk for a in self.articles]))
        index.add_items(ArticlePage, articles)
        index.add_items(SectionPage, [SectionPage.objects.get(pk=self.section.pk)])
        return self.entries()

    def test_entries_are_wagtails_own_value_for_value(self):
        backend = get_search_backend()
        self.assertIsNot(backend.index_class, PostgresIndex)  # the faster writer is the one in use
        ours = self.written_by(backend.index_class(backend))
        wagtails = self.written_by(PostgresIndex(backend))
        self.assertEqual(len(ours), 4)
        self.assertEqual(ours, wagtails)
        bodies = " ".join(row[4] for row in ours)
        for word in ("dockwork", "ferri", "부산항", "port"):  # stems, tags and non-Latin words alike
            self.assertIn(word, bodies)

    def test_the_admin_search_finds_an_article_by_a_body_word_and_a_tag(self):
        backend = get_search_backend()
        self.written_by(backend.index_class(backend))
        found = list(backend.search("dockworkers", ArticlePage))
        self.assertEqual([page.pk for page in found], [self.articles[0].pk])
        self.assertEqual([page.pk for page in backend.search("trade", ArticlePage)], [self.articles[0].pk])
        self.assertEqual([page.pk for page in backend.autocomplete("서울", ArticlePage)], [self.articles[1].pk])

    def test_a_later_chunk_sets_the_title_norms_of_its_own_entries_only(self):
        backend = get_search_backend()
        index = backend.index_class(backend)
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM wagtailsearch_indexentry")
        first, *rest = ArticlePage.get_indexed_objects().filter(pk__in=[a.pk for a in self.articles]).order_by("pk")
        index.add_items(ArticlePage, [first])
        with connection.cursor() as cursor:
            cursor.execute("UPDATE wagtailsearch_indexentry SET title_norm = 1.0")  # as if its length were the average
        index.add_items(ArticlePage, rest)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT object_id, title_norm, (SELECT avg(length(title)) FROM wagtailsearch_indexentry) / length(title) "
                "FROM wagtailsearch_indexentry ORDER BY object_id::int"
            )
            rows = cursor.fetchall()
        self.assertEqual(rows[0][:2], (str(first.pk), 1.0))  # left as it was
        for object_id, norm, expected in rows[1:]:
            self.assertAlmostEqual(norm, float(expected), places=6, msg=object_id)
        self.assertEqual(len(rows), 3)
