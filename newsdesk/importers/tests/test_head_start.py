"""`newsdesk import-wordpress FILE` starts reading its export before Django loads, and the import uses that reader."""

import argparse
import os
import subprocess
import sys
from pathlib import Path

from django.core.management import load_command_class
from django.test import SimpleTestCase

import newsdesk
from newsdesk.importers import head_start
from newsdesk.importers.read import ahead
from newsdesk.importers.tests.material import SyntheticExportMixin


class HeadStartTests(SyntheticExportMixin, SimpleTestCase):
    export_posts = 260  # large enough for a reading process (ahead.CHILD_FROM_BYTES)

    def test_the_export_is_found_among_the_arguments_as_the_command_reads_them(self):
        find = head_start.export_argument
        self.assertEqual(find(["site.xml"]), "site.xml")
        self.assertEqual(find(["--media-dir", "uploads", "site.xml", "--dry-run"]), "site.xml")
        self.assertEqual(find(["--report", "r.jsonl", "-v", "0", "--batch-size=50", "site.xml"]), "site.xml")
        self.assertIsNone(find(["--help"]))
        self.assertIsNone(find(["--media-dir"]))  # refused by the command, which says why

    def test_every_option_of_the_command_that_takes_a_value_is_known(self):
        parser = load_command_class("newsdesk.importers", "import-wordpress").create_parser(
            "newsdesk", "import-wordpress"
        )
        taking_values = {
            option
            for action in parser._actions
            if action.option_strings
            and not isinstance(action, argparse._StoreTrueAction | argparse._StoreFalseAction)
            and action.nargs != 0
            for option in action.option_strings
            if option.startswith("--")
        }
        self.assertEqual(taking_values - {"--help"}, set(head_start.VALUE_OPTIONS))

    def test_the_import_claims_the_reader_started_for_its_export_and_reads_the_same_records(self):
        self.assertGreaterEqual(self.export.stat().st_size, ahead.CHILD_FROM_BYTES)
        head_start.start(["newsdesk", "import-wordpress", "--media-dir", "uploads", str(self.export)])
        early = head_start.claim(Path(self.folder.name) / "." / "export.xml")  # the same file, however named
        self.assertIsNotNone(early._process)  # started before anyone asked
        with early:
            got = list(early.first_pass()), list(early.records())
        with ahead.ConvertedRecords(self.export, in_child=False) as here:
            expected = list(here.first_pass()), list(here.records())
        self.assertEqual(got, expected)
        # Claimed once: a second import of the file reads it afresh.
        self.assertIsNone(head_start.claim(self.export)._process)

    def test_other_commands_and_missing_files_start_nothing(self):
        head_start.start(["newsdesk", "migrate"])
        head_start.start(["newsdesk", "import-wordpress", str(self.export) + ".missing"])
        head_start.start(["newsdesk", "import-wordpress", "--help"])
        self.assertEqual(head_start._started, {})

    def test_a_reader_nobody_claims_is_stopped_when_the_command_ends(self):
        # The command refuses a missing --media-dir after Django has loaded: the reader started for the
        # export must not outlive it.
        env = {
            **os.environ,
            "NEWSDESK_DATA_DIR": self.folder.name,
            "PYTHONPATH": str(Path(newsdesk.__file__).parent.parent),
        }
        env.pop("DATABASE_URL", None)
        done = subprocess.run(
            [sys.executable, "-m", "newsdesk.cli", "import-wordpress", str(self.export), "--media-dir", "/nowhere"],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        self.assertNotEqual(done.returncode, 0)
        self.assertIn("--media-dir /nowhere is not a folder", done.stderr)
        readers = subprocess.run(["pgrep", "-f", f"importers.read.ahead {self.export}"], capture_output=True, text=True)
        self.assertEqual(readers.stdout.strip(), "")
