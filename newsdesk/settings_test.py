"""Settings for the test suite: the real settings, with fast hashing and a private data folder."""

import os
import tempfile
from pathlib import Path

os.environ.setdefault("NEWSDESK_DATA_DIR", tempfile.mkdtemp(prefix="newsdesk-test-"))
if os.environ.get("PYTEST_XDIST_WORKER"):
    # xdist workers inherit the controller's environment; each needs a data folder of its own, or one
    # worker's page-cache purges (a generation file in the data folder) would empty another's cache mid-test.
    os.environ["NEWSDESK_DATA_DIR"] = tempfile.mkdtemp(prefix=f"newsdesk-test-{os.environ['PYTEST_XDIST_WORKER']}-")

from newsdesk.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests"},
    "fragments": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests-fragments"},
}
# Test cases roll back without running on-commit purges and reuse ids: fragments are on only in their own tests.
NEWSDESK_FRAGMENT_CACHE = False
NEWSDESK_READER_MEMO = False
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
TASKS = {"default": {**TASKS["default"], "BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = Path(os.environ["NEWSDESK_DATA_DIR"]) / "media"
WAGTAILADMIN_BASE_URL = "http://testserver"
# WhiteNoise warns at start-up when STATIC_ROOT is missing; tests serve static files through the finders instead.
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
# Extraction on save runs in the entities tests that ask for it; elsewhere it would load the language model
# into every test worker and extract from every article a test builds.
ENTITIES_EXTRACT_ON_SAVE = False
