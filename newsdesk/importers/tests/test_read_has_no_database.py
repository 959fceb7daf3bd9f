"""The readers parse to plain records and never reach the database: they load with no Django settings."""

import json
import os
import subprocess
import sys
from pathlib import Path

from django.test import SimpleTestCase

import newsdesk

PROBE = """
import importlib, json, pkgutil, sys
import newsdesk.importers.read as read
names = [read.__name__] + [m.name for m in pkgutil.walk_packages(read.__path__, read.__name__ + ".")]
for name in names:
    importlib.import_module(name)
from django.conf import settings
loaded = sorted(m for m in sys.modules if m == "django.db" or m.startswith(("django.db.", "wagtail.models",
                "treebeard", "modelcluster", "taggit"))
                or (m.startswith(("django.", "wagtail.", "newsdesk.")) and m.endswith(".models")))
print(json.dumps({"modules": names, "database_modules": loaded, "settings_configured": settings.configured}))
"""


class ReadersImportNoDatabaseCodeTests(SimpleTestCase):
    def test_every_reader_module_loads_without_settings_and_without_database_code(self):
        root = Path(newsdesk.__file__).resolve().parent.parent
        env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
        env["PYTHONPATH"] = str(root)
        done = subprocess.run(
            [sys.executable, "-c", PROBE], env=env, cwd=root, capture_output=True, text=True, timeout=120, check=False
        )
        self.assertEqual(done.returncode, 0, done.stderr)
        found = json.loads(done.stdout.strip().splitlines()[-1])
        self.assertIn("newsdesk.importers.read.wxr", found["modules"])
        self.assertIn("newsdesk.importers.read.article_page", found["modules"])
        self.assertEqual(found["database_modules"], [])
        self.assertFalse(found["settings_configured"])
