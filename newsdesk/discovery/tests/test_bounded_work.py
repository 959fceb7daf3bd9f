"""A query's work is bounded whatever the words: checked on PostgreSQL's query plans.

A common word must be read by walking the newest-first index and stopping at the candidate limit
(a Limit over an index scan, no sort of every match); a rare word through the GIN index.
"""

import json
import unittest
from datetime import timedelta

from django.db import connection, transaction
from django.test import TestCase
from django.utils import timezone
from wagtail.models import Page

from newsdesk.discovery.engine.backends import postgres
from newsdesk.discovery.engine.backends.base import Filters
from newsdesk.discovery.engine.indexing import insert_documents, refresh_statistics
from newsdesk.discovery.engine.query import parse_query
from newsdesk.discovery.models import SearchDocument


@unittest.skipUnless(connection.vendor == "postgresql", "PostgreSQL query plans")
class PostgresPlanTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        now = timezone.now()
        documents = [
            SearchDocument(
                page_id=None,
                headline=f"Report number {n}",
                body="The newsroom reported. " + ("A quillwort grew by the harbour." if n == 7 else "Nothing else."),
                path=f"0001{n:04d}",
                live=True,
                published_at=now - timedelta(hours=n),
            )
            for n in range(1, 121)
        ]
        # Documents need page ids that exist: plain pages stand in (the plan is over this table alone).
        root = Page.get_first_root_node()
        pages = [root.add_child(title=f"Page {n}", slug=f"page-{n}") for n in range(len(documents))]
        for document, page in zip(documents, pages, strict=True):
            document.page_id = page.pk
        insert_documents(documents)
        refresh_statistics()

    def setUp(self):
        postgres._statistics["read_at"] = -postgres.STATISTICS_SECONDS  # read this database's statistics
        postgres._shares.clear()

    def plan(self, text, typing=False):
        parsed = parse_query(text if typing else text + " ")
        walk = postgres.match_share(parsed) >= postgres.WALK_SHARE
        query = postgres.tsquery_text(parsed)
        planner, sql, params = postgres.matches_statement(
            None, query, None, Filters(now=timezone.now()), 1000, walk=walk
        )
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(planner)
            cursor.execute("EXPLAIN (FORMAT JSON) " + sql, params)
            return json.dumps(cursor.fetchone()[0])

    def test_a_common_word_walks_the_newest_first_index_and_stops(self):
        self.assertGreaterEqual(postgres.match_share(parse_query("newsroom ")), postgres.WALK_SHARE)
        plan = self.plan("newsroom")
        self.assertIn('"Node Type": "Limit"', plan)
        self.assertIn('"Index Name": "discovery_doc_newest"', plan)
        self.assertNotIn('"Node Type": "Sort"', plan)

    def test_a_rare_word_reads_its_matches_from_the_gin_index(self):
        self.assertLess(postgres.match_share(parse_query("quillwort ")), postgres.WALK_SHARE)
        plan = self.plan("quillwort")
        self.assertIn('"Index Name": "discovery_doc_vector"', plan)
        self.assertNotIn("discovery_doc_newest", plan)

    def test_a_common_word_being_typed_walks_too(self):
        # "reported" as a prefix is 'report':* once stemmed, a lexeme in every document.
        self.assertGreaterEqual(postgres.match_share(parse_query("reported")), postgres.WALK_SHARE)
        self.assertGreaterEqual(postgres.match_share(parse_query("newsroo")), postgres.WALK_SHARE)
        plan = self.plan("reported", typing=True)
        self.assertIn('"Index Name": "discovery_doc_newest"', plan)
        self.assertNotIn('"Node Type": "Sort"', plan)
        self.assertLess(postgres.match_share(parse_query("quillwo")), postgres.WALK_SHARE)

    def test_a_walk_gives_up_after_a_bounded_number_of_rows(self):
        # Both words are in every document, never in this order: the walk must not read the archive.
        parsed = parse_query('"reported newsroom"')
        self.assertGreaterEqual(postgres.match_share(parsed), postgres.WALK_SHARE)
        planner, sql, params = postgres.matches_statement(
            None, postgres.tsquery_text(parsed), None, Filters(now=timezone.now()), 3, walk=True
        )
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(planner)
            cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql, params)
            plan = cursor.fetchone()[0]
        scans = list(nodes_of(plan[0]["Plan"], "Index Scan"))
        self.assertEqual([scan["Index Name"] for scan in scans], ["discovery_doc_newest"])
        self.assertEqual(scans[0]["Actual Rows"], 3 * postgres.WALK_ROWS_PER_CANDIDATE)


def nodes_of(plan, node_type):
    if plan["Node Type"] == node_type:
        yield plan
    for child in plan.get("Plans", []):
        yield from nodes_of(child, node_type)
