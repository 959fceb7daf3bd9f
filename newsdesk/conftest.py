"""Between tests, the caches and the reader memo are emptied.

Test cases roll their rows back and the database hands the same ids out again, while a cache or the
memo keeps what it read: a rendition "already made" or a page "private" under an id that now names
another test's image or page.
"""

import pytest
from django.core.cache import caches

from newsdesk.core import memo


@pytest.fixture(autouse=True)
def _forget_what_earlier_tests_kept():
    yield
    for cache in caches.all(initialized_only=True):
        cache.clear()
    memo.clear()
