"""A query's work is bounded whatever the words: checked on PostgreSQL's query plans.

A common word must be read by walking the newest-first index and stopping at the candidate limit
(a Limit over an index scan, no sort of every match); a rare word through the GIN index.
"""

import json
import unittest
from datetime import timedelta
from unittest.mock import patch

from django.db import connection, transaction
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page

from newsdesk.discovery.engine import SearchQuery, search
from newsdesk.discovery.engine.backends import postgres
from newsdesk.discovery.engine.backends.base import Filters
from newsdesk.discovery.engine.indexing import insert_documents, refresh_statistics
from newsdesk.discovery.engine.query import parse_query
from newsdesk.discovery.models import SearchDocument


class SmallArchive(TestCase):
    """120 documents with their statistics; the tests' words are in all, a tenth, the oldest or one."""

    @classmethod
    def setUpTestData(cls):
        now = timezone.now()
        documents = [
            SearchDocument(
                page_id=None,
                headline=f"Report number {n}",
                body="The newsroom reported. "
                + ("A quillwort grew by the harbour." if n == 7 else "Nothing else.")
                # A word in one article in ten, and one only in the oldest (for the newest slice).
                + (" The harbourmaster spoke." if n % 10 == 0 else "")
                + (" On the quayside." if n > 100 else ""),
                path=f"0001{n:04d}",
                section="ports" if n <= 20 else "",  # a section of the twenty newest, for a walk within it
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


@unittest.skipUnless(connection.vendor == "postgresql", "PostgreSQL query plans")
class PostgresPlanTests(SmallArchive):
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

    def test_a_common_word_excluded_leaves_few_matches_read_from_the_gin_index(self):
        # Every document holds both words: walking for "newsroom" without "reported" would read rows for none.
        self.assertGreaterEqual(postgres.match_share(parse_query("newsroom ")), postgres.WALK_SHARE)
        self.assertLess(postgres.match_share(parse_query("newsroom -reported")), postgres.WALK_SHARE)
        self.assertNotIn("discovery_doc_newest", self.plan("newsroom -reported"))

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
        # Older articles were left unread, so the none found is no proof of none: the count is a lower bound.
        found = postgres.PostgresBackend().candidates(parsed, Filters(now=timezone.now()), 3)
        self.assertEqual((list(found), found.partial), ([], True))
        # A walk that read the whole archive (120 articles) is complete.
        found = postgres.PostgresBackend().candidates(parsed, Filters(now=timezone.now()), 20)
        self.assertEqual((list(found), found.partial), ([], False))
        # So is one that read every article of a chosen section (20), though the archive holds more than it read.
        ports = Filters(sections=("ports",), now=timezone.now())
        self.assertEqual(postgres.PostgresBackend().candidates(parsed, ports, 3).partial, False)
        self.assertEqual(postgres.PostgresBackend().candidates(parsed, ports, 1).partial, True)  # 10 of the 20


def nodes_of(plan, node_type):
    if plan["Node Type"] == node_type:
        yield plan
    for child in plan.get("Plans", []):
        yield from nodes_of(child, node_type)


@unittest.skipUnless(connection.vendor == "postgresql", "PostgreSQL query plans")
class NewestSliceTests(SmallArchive):
    """A word in between common and rare is read from the newest slice of the archive expected to hold
    its candidates (the GIN index and the publication-time index combined), and from the whole archive
    when the slice holds too few: the candidates are the same either way."""

    def setUp(self):
        super().setUp()
        depths = patch.object(postgres, "DEPTHS", [10, 20, 40, 80])  # this archive holds 120 documents
        depths.start()
        self.addCleanup(depths.stop)

    def candidates(self, text, limit):
        with CaptureQueriesContext(connection) as queries:
            found = postgres.PostgresBackend().candidates(parse_query(text + " "), Filters(now=timezone.now()), limit)
        statements = [query["sql"] for query in queries.captured_queries if "ts_rank" in query["sql"]]
        return [candidate.headline for candidate in found], statements

    def test_a_word_in_some_articles_reads_the_newest_slice(self):
        share = postgres.match_share(parse_query("harbourmaster "))
        self.assertTrue(postgres.SLICE_MIN_SHARE <= share < postgres.WALK_SHARE, share)
        headlines, statements = self.candidates("harbourmaster", 3)
        self.assertEqual(headlines, ["Report number 10", "Report number 20", "Report number 30"])
        self.assertEqual(len(statements), 2)  # headline matches, then the article matches within the slice
        self.assertIn("d.published_at >=", statements[1])
        since = postgres.newest_slice(share, 3)
        planner, sql, params = postgres.matches_statement(
            None, postgres.tsquery_text(parse_query("harbourmaster ")), None, Filters(), 3, walk=False, since=since
        )
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(planner)
            cursor.execute("EXPLAIN (FORMAT JSON) " + sql, params)
            plan = cursor.fetchone()[0]
        # The slice comes from the publication-time index (combined with the GIN index's matches when the
        # archive is large; this small one reads the slice alone), not from every match of the word.
        scanned = {scan["Index Name"] for scan in nodes_of(plan[0]["Plan"], "Bitmap Index Scan")}
        self.assertTrue(scanned & {"discovery_doc_newest", "discovery_doc_published"}, plan)

    def test_a_slice_holding_too_few_is_read_again_whole(self):
        # Only the oldest twenty articles hold the word: the newest slice its share points to holds none.
        share = postgres.match_share(parse_query("quayside "))
        self.assertTrue(postgres.SLICE_MIN_SHARE <= share < postgres.WALK_SHARE, share)
        self.assertIsNotNone(postgres.newest_slice(share, 3))
        headlines, statements = self.candidates("quayside", 3)
        self.assertEqual(headlines, ["Report number 101", "Report number 102", "Report number 103"])
        self.assertEqual(len(statements), 3)
        self.assertIn("d.published_at >=", statements[1])
        self.assertNotIn("d.published_at >=", statements[2])

    def test_no_slice_beyond_the_archive_or_for_rare_and_common_words(self):
        self.assertIsNone(postgres.newest_slice(0.1, 100))  # 2,000 articles back: deeper than the archive
        self.assertIsNone(postgres.newest_slice(0.001, 3))  # a rare word: its matches are few already
        self.assertIsNone(postgres.newest_slice(0.5, 3))  # a common word walks instead
        # A phrase whose words are in few enough articles is looked for in all of them.
        self.assertIsNone(postgres.phrase_slice(postgres.match_share(parse_query('"harbourmaster spoke"')), 3))
        headlines, statements = self.candidates('"harbourmaster spoke"', 3)
        self.assertEqual(headlines, ["Report number 10", "Report number 20", "Report number 30"])
        self.assertFalse([sql for sql in statements if "d.published_at >=" in sql])

    def test_a_phrase_of_common_words_is_looked_for_in_the_newest_slice_only(self):
        # Both words are in a tenth of the articles, never side by side: every such article's vector would be
        # read to compare positions. Only the newest slice expected to hold a few times the candidates is.
        parsed = parse_query('"harbourmaster newsroom" ')
        share = postgres.match_share(parsed)
        self.assertTrue(0 < share < postgres.WALK_SHARE, share)
        self.assertIsNotNone(postgres.phrase_slice(share, 1))
        with CaptureQueriesContext(connection) as queries:
            found = postgres.PostgresBackend().candidates(parsed, Filters(now=timezone.now()), 1)
        statements = [query["sql"] for query in queries.captured_queries if "ts_rank" in query["sql"]]
        self.assertEqual(list(found), [])
        self.assertTrue(found.partial)  # not read again whole: the count is a lower bound instead
        self.assertEqual(len(statements), 2)
        self.assertIn("d.published_at >=", statements[1])
        # The phrase where it is, in the same slice: found, as many as were wanted.
        with CaptureQueriesContext(connection) as queries:
            found = postgres.PostgresBackend().candidates(parse_query('"newsroom reported" '), Filters(), 1)
        self.assertEqual(len(found), 1)

    def test_the_search_says_when_only_the_newest_articles_were_read(self):
        with override_settings(NEWSDESK_SEARCH_CANDIDATES=1, NEWSDESK_SEARCH_DEEP_CANDIDATES=1):
            partly = search(SearchQuery('"harbourmaster newsroom"'))
            whole = search(SearchQuery('"harbourmaster spoke"'))
        self.assertEqual((partly.total, partly.newest_only, partly.total_is_capped), (0, True, False))
        # Read whole, more than the one candidate: "more than 1", not a slice.
        self.assertEqual((whole.total, whole.newest_only, whole.total_is_capped), (1, False, True))
