"""Deployment settings read from the environment, tried against the real database and cache servers."""

import os
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

from django.core.cache import caches
from django.db.backends.sqlite3.base import DatabaseWrapper
from django.test import SimpleTestCase, override_settings

from newsdesk.core import env

WRITER_HOLDS_SECONDS = 6  # longer than sqlite3's own 5-second default wait


class SQLiteBusyTimeoutTests(SimpleTestCase):
    """A long import holds SQLite's write lock; a reader's small write (an image rendition) must wait, not fail."""

    databases = {"default"}  # lets the suite's guard through; the test uses its own database file, not the suite's

    def setUp(self):
        folder = tempfile.TemporaryDirectory(prefix="newsdesk-sqlite-")
        self.addCleanup(folder.cleanup)
        self.config = env.database("", Path(folder.name))
        self.reader = DatabaseWrapper(
            {
                **self.config,
                "TIME_ZONE": None,
                "AUTOCOMMIT": True,
                "ATOMIC_REQUESTS": False,
                "CONN_HEALTH_CHECKS": False,
            },
            alias="reader",
        )
        self.addCleanup(self.reader.close)
        with self.reader.cursor() as cursor:
            cursor.execute("CREATE TABLE renditions (id INTEGER PRIMARY KEY, name TEXT)")

    def hold_the_write_lock(self, started: threading.Event):
        importer = sqlite3.connect(self.config["NAME"], isolation_level=None)
        try:
            importer.execute("BEGIN IMMEDIATE")
            importer.execute("INSERT INTO renditions (name) VALUES ('written by the import')")
            started.set()
            time.sleep(WRITER_HOLDS_SECONDS)
            importer.execute("COMMIT")
        finally:
            importer.close()

    def test_a_write_waits_for_a_long_import_transaction_instead_of_failing(self):
        started = threading.Event()
        importer = threading.Thread(target=self.hold_the_write_lock, args=(started,))
        importer.start()
        self.addCleanup(importer.join)
        self.assertTrue(started.wait(10))
        began = time.monotonic()
        with self.reader.cursor() as cursor:  # BEGIN IMMEDIATE, as Django's atomic() does with these settings
            cursor.execute("BEGIN IMMEDIATE")
            cursor.execute("INSERT INTO renditions (name) VALUES ('written by a reader request')")
            cursor.execute("COMMIT")
        waited = time.monotonic() - began
        self.assertGreater(waited, WRITER_HOLDS_SECONDS - 2)
        with self.reader.cursor() as cursor:
            cursor.execute("SELECT name FROM renditions ORDER BY id")
            self.assertEqual(
                [row[0] for row in cursor.fetchall()], ["written by the import", "written by a reader request"]
            )


class RedisCacheTests(SimpleTestCase):
    def test_a_redis_cache_url_gives_a_working_cache(self):
        config = env.cache("redis://127.0.0.1:6379/3")
        with override_settings(CACHES={"default": config}):
            cache = caches.create_connection("default")
            key = f"newsdesk-test-{uuid.uuid4()}"
            self.addCleanup(cache.delete, key)
            cache.set(key, {"headline": "Cached"}, 30)
            self.assertEqual(cache.get(key), {"headline": "Cached"})
            self.assertEqual(caches.create_connection("default").get(key), {"headline": "Cached"})


class PostgreSQLSessionTests(SimpleTestCase):
    """A PostgreSQL session opened with the settings DATABASE_URL gives: no JIT compiling of queries."""

    databases = {"default"}  # lets the suite's guard through; the test opens its own session to the server

    def connect(self, url):
        from django.db.backends.postgresql.base import DatabaseWrapper as PostgreSQLWrapper  # noqa: PLC0415

        config = env.database(url, Path(tempfile.gettempdir()))
        wrapper = PostgreSQLWrapper(
            {**config, "TIME_ZONE": None, "AUTOCOMMIT": True, "ATOMIC_REQUESTS": False}, alias="session-probe"
        )
        self.addCleanup(wrapper.close)
        with wrapper.cursor() as cursor:
            cursor.execute("SHOW jit")
            return cursor.fetchone()[0]

    def test_jit_is_off_and_can_be_turned_back_on(self):
        self.assertEqual(self.connect("postgres://postgres@127.0.0.1:5432/postgres"), "off")
        self.assertEqual(self.connect("postgres://postgres@127.0.0.1:5432/postgres?options=-c%20jit%3Don"), "on")


class UnreadableSettingAtTheCommandLineTests(SimpleTestCase):
    def test_the_newsdesk_command_names_the_setting_in_one_line(self):
        for name, value in (("DATABASE_URL", "garbage"), ("NEWSDESK_PAGE_CACHE_SECONDS", "abc")):
            with self.subTest(name=name):
                env = {key: val for key, val in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
                result = subprocess.run(
                    [sys.executable, "-m", "newsdesk.cli", "check"],
                    env={**env, name: value},
                    capture_output=True,
                    text=True,
                    timeout=60,
                )
                self.assertEqual(result.returncode, 1)
                self.assertEqual(len(result.stderr.strip().splitlines()), 1, result.stderr)
                self.assertTrue(result.stderr.startswith(f"newsdesk: {name}="), result.stderr)
