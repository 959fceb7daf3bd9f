"""Searches take turns: with every turn taken they wait, first come first served, and after
NEWSDESK_SEARCH_WAIT seconds they run anyway. On PostgreSQL a search leaves no lock or planner setting
behind; on SQLite the line is the process's own."""

import threading
import time
import unittest

import psycopg
from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.test import SimpleTestCase, TestCase, override_settings

from newsdesk.discovery.engine import SearchQuery, search
from newsdesk.discovery.engine.turns import LINE, LOCK_SPACE, PROCESS_LINE, ProcessLine
from newsdesk.testing import make_article, make_section, paragraphs


def other_connection() -> psycopg.Connection:
    """A second session on the test database, as another app server's search would have."""
    settings = connection.settings_dict
    return psycopg.connect(
        host=settings["HOST"] or "127.0.0.1",
        port=settings["PORT"] or 5432,
        user=settings["USER"],
        password=settings["PASSWORD"] or None,
        dbname=settings["NAME"],
        autocommit=True,
    )


def hold(session, key: int):
    session.execute("SELECT pg_advisory_lock(%s, %s)", [LOCK_SPACE, key])


def release(session, key: int):
    session.execute("SELECT pg_advisory_unlock(%s, %s)", [LOCK_SPACE, key])


@unittest.skipUnless(connection.vendor == "postgresql", "turns are PostgreSQL advisory locks")
@override_settings(NEWSDESK_SEARCH_CONCURRENCY=2, NEWSDESK_SEARCH_WAIT=5)
class SearchTurnTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        section = make_section("World", slug="world")
        make_article(section, "Harbour talks resume", body=paragraphs("The harbour authority met the unions."))

    def setUp(self):
        self.other = other_connection()
        self.addCleanup(self.other.close)

    def search_in_background(self):
        """Start a search on this test's connection in a thread; (thread, results holder)."""
        found, shared = {}, connections[DEFAULT_DB_ALIAS]

        def run():
            connections[DEFAULT_DB_ALIAS] = shared
            found["results"] = search(SearchQuery("harbour"))

        # The thread borrows this connection (it sees the test's data); the test does not use it meanwhile.
        connection.inc_thread_sharing()
        self.addCleanup(connection.dec_thread_sharing)
        thread = threading.Thread(target=run)
        thread.start()
        return thread, found

    def test_a_search_waits_for_a_free_turn(self):
        hold(self.other, 0)
        hold(self.other, 1)
        thread, found = self.search_in_background()
        thread.join(0.5)
        self.assertTrue(thread.is_alive(), "the search ran while every turn was taken")
        release(self.other, 1)
        thread.join(5)
        self.assertFalse(thread.is_alive())
        self.assertEqual([page.title for page in found["results"].pages], ["Harbour talks resume"])

    def test_a_search_arriving_behind_a_waiting_one_does_not_jump_the_line(self):
        # Turns are free, but another session is at the head of the line: this search waits behind it.
        hold(self.other, LINE)
        thread, found = self.search_in_background()
        thread.join(0.5)
        self.assertTrue(thread.is_alive(), "the search took a turn ahead of the line")
        release(self.other, LINE)
        thread.join(5)
        self.assertEqual(found["results"].total, 1)

    @override_settings(NEWSDESK_SEARCH_WAIT=1)
    def test_a_search_runs_anyway_when_its_wait_runs_out(self):
        hold(self.other, 0)
        hold(self.other, 1)
        with self.assertLogs("newsdesk.discovery.engine.turns", "INFO") as logs:
            results = search(SearchQuery("harbour"))
        self.assertEqual([page.title for page in results.pages], ["Harbour talks resume"])
        self.assertIn("without a turn", logs.output[0])

    @override_settings(NEWSDESK_SEARCH_WAIT=1)
    def test_a_search_runs_anyway_when_the_line_does_not_move(self):
        hold(self.other, LINE)
        with self.assertLogs("newsdesk.discovery.engine.turns", "INFO") as logs:
            results = search(SearchQuery("harbour"))
        self.assertEqual(results.total, 1)
        self.assertIn("without a turn", logs.output[0])
        with connection.cursor() as cursor:  # the wait's timeout does not outlive it
            cursor.execute("SHOW lock_timeout")
            self.assertEqual(cursor.fetchone()[0], "0")

    def test_a_search_leaves_no_planner_setting_or_line_lock_behind(self):
        search(SearchQuery("harbour"))
        with connection.cursor() as cursor:
            for name in ("enable_seqscan", "enable_indexscan", "enable_bitmapscan", "lock_timeout"):
                cursor.execute(f"SHOW {name}")
                self.assertIn(cursor.fetchone()[0], ("on", "0"), name)
        # The line is free for the next search (the turn itself is held until this test's transaction ends).
        self.assertTrue(self.other.execute("SELECT pg_try_advisory_lock(%s, %s)", [LOCK_SPACE, LINE]).fetchone()[0])
        release(self.other, LINE)

    @override_settings(NEWSDESK_SEARCH_CONCURRENCY=0)
    def test_no_turns_when_switched_off(self):
        hold(self.other, LINE)
        hold(self.other, 0)
        self.assertEqual(search(SearchQuery("harbour")).total, 1)


class ProcessLineTests(SimpleTestCase):
    """SQLite's turns: a line among one process's threads (turns.ProcessLine), first come first served."""

    def take_turn(self, line, name, order, turns=1, wait=5.0, hold=None):
        """A thread that takes a turn, notes `name` in `order`, and holds the turn until `hold` is set."""

        def run():
            with line.turn(turns, wait):
                order.append(name)
                if hold is not None:
                    hold.wait(5)

        thread = threading.Thread(target=run)
        thread.start()
        self.addCleanup(thread.join, 5)
        return thread

    def until(self, condition, what):
        for _ in range(2500):
            if condition():
                return
            time.sleep(0.002)
        self.fail(f"never {what}")

    def test_searches_wait_for_the_turn_and_take_it_in_the_order_they_came(self):
        line, order, first_done = ProcessLine(), [], threading.Event()
        self.take_turn(line, "first", order, hold=first_done)
        self.until(lambda: order == ["first"], "took the free turn")
        for waiting, name in enumerate(("second", "third", "fourth"), start=1):
            self.take_turn(line, name, order)
            self.until(lambda waiting=waiting: len(line._line) == waiting, f"{waiting} in line")
        self.assertEqual(order, ["first"])  # the others wait while the one turn is taken
        first_done.set()
        self.until(lambda: len(order) == 4, "served everyone")
        self.assertEqual(order, ["first", "second", "third", "fourth"])
        self.until(lambda: line._running == 0, "gave every turn back")
        self.assertEqual(len(line._line), 0)

    def test_a_search_that_waited_too_long_runs_anyway_and_gives_no_turn_on(self):
        line, order, first_done = ProcessLine(), [], threading.Event()
        self.take_turn(line, "first", order, hold=first_done)
        self.until(lambda: order == ["first"], "took the free turn")
        with self.assertLogs("newsdesk.discovery.engine.turns", "INFO") as logged:
            waited = self.take_turn(line, "impatient", order, wait=0.05)
            waited.join(5)
        self.assertEqual(order, ["first", "impatient"])
        self.assertIn("without a turn", logged.output[0])
        first_done.set()
        self.until(lambda: line._running == 0, "gave every turn back")
        self.assertEqual(len(line._line), 0)


@unittest.skipIf(connection.vendor == "postgresql", "PostgreSQL's turns are advisory locks (above)")
@override_settings(NEWSDESK_SEARCH_CONCURRENCY=1, NEWSDESK_SEARCH_WAIT=5)
class ProcessLineSearchTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        section = make_section("World", slug="world")
        cls.talks = make_article(section, "Harbour talks resume", body=paragraphs("The harbour authority met."))

    def test_a_search_waits_for_the_process_turn(self):
        taken, done, order = threading.Event(), threading.Event(), []

        def hold():
            with PROCESS_LINE.turn(1, 5):
                taken.set()
                done.wait(5)
                order.append("holder")

        holder = threading.Thread(target=hold)
        holder.start()
        self.addCleanup(holder.join, 5)
        taken.wait(5)
        threading.Timer(0.1, done.set).start()
        results = search(SearchQuery("harbour"))
        order.append("search")
        self.assertEqual([page.pk for page in results.pages], [self.talks.pk])
        self.assertEqual(order, ["holder", "search"])
