"""Purge: make every cached copy of what changed stale, here and in Varnish or a CDN.

The page store (memory or Redis) is purged by a generation bump: everything at once, which is always
correct and costs only re-rendering on demand. Frontend caches configured through
wagtail.contrib.frontend_cache get precise work instead, in a task on its own queue: the paths the
change shows on (Varnish drops every query-string variant of each), `tags` (every article page,
since each shows Recent), or everything for changes that show on nearly every page (publication
settings, sections in the navigation, an author's name or an image's credit).
"""

import logging
from functools import partial

from django.db import transaction

from newsdesk.core import memo
from newsdesk.core.pagecache.stores import page_store
from newsdesk.core.pagecache.tasks import frontend_caches_configured, purge_frontend_caches

logger = logging.getLogger(__name__)


def purge(paths=(), *, tags=(), everything=False):
    """Once the current transaction commits: bump the page store's generation, then tell frontend caches."""
    memo.clear()  # this process reads the change back at once; other processes follow the generation
    transaction.on_commit(partial(_purge_now, sorted(set(paths)), sorted(set(tags)), everything))


def _purge_now(paths, tags, everything):
    try:
        page_store().bump()
    except Exception:
        logger.exception("Page cache: the purge could not reach the store; cached pages stay until they expire.")
    if frontend_caches_configured():
        purge_frontend_caches.enqueue(paths, tags, everything)


def purge_everything(sender, raw=False, **kwargs):
    """A signal handler for changes that show on every page."""
    if not raw:
        purge(everything=True)
