"""Rendered pieces of reader pages kept between requests: `{% fragment "name" vary… %}…{% endfragment %}`.

A page-cache miss (a crawler walking the archive, the first reader after a purge) still renders the
page, but the pieces many pages share (Recent, the masthead and navigation, teaser cards) and the
pieces that only change with a revision come from here. Every key carries the page cache's
generation, which every purge bumps (core/pagecache/purge.py): a fragment never outlives a change a
reader could see, whichever other pages it shows (Recent and Also See name other articles). The
generation is read once, when the request arrives, before anything the fragment shows is read from
the database, so bytes rendered from data older than a purge are stored under the older generation
and never read again.

Only anonymous GET/HEAD reader requests use fragments (what the page cache itself would keep), never
previews; NEWSDESK_FRAGMENT_CACHE=0 turns them off.
"""

import hashlib
import logging

from django.conf import settings
from django.core.cache import caches

from newsdesk.core import memo
from newsdesk.core.pagecache import policy, stores

logger = logging.getLogger(__name__)

REQUEST_ATTRIBUTE = "fragment_generation"


def begin(request) -> None:
    """Note the generation this request's fragments and memo values belong to (None: it uses none)."""
    generation = None
    if (settings.NEWSDESK_FRAGMENT_CACHE or settings.NEWSDESK_READER_MEMO) and policy.request_is_cacheable(
        request.META
    ):
        try:
            generation = stores.current_generation()
        except Exception:
            logger.exception("Fragments: the page cache's generation could not be read; rendering in full.")
        if generation is not None and generation < 0:  # the shared store is unreachable: no safe key
            generation = None
    setattr(request, REQUEST_ATTRIBUTE, generation if settings.NEWSDESK_FRAGMENT_CACHE else None)
    setattr(request, memo.REQUEST_ATTRIBUTE, generation if settings.NEWSDESK_READER_MEMO else None)


def key_for(request, name: str, vary) -> str | None:
    """The cache key of fragment `name` for this request, or None when it must be rendered afresh."""
    if request is None or getattr(request, "is_preview", False):
        return None
    generation = getattr(request, REQUEST_ATTRIBUTE, None)
    if generation is None:
        return None
    # Absolute links in the head follow the host and scheme the request came with.
    parts = [str(generation), request.scheme, request.get_host(), *(str(value) for value in vary)]
    digest = hashlib.blake2b("\x1f".join(parts).encode(), digest_size=16).hexdigest()
    return f"fragment:{name}:{digest}"


def get(key: str):
    try:
        return caches[settings.NEWSDESK_FRAGMENT_CACHE_ALIAS].get(key)
    except Exception:
        logger.warning("Fragments: the cache could not be read; rendering in full.", exc_info=True)
        return None


def put(key: str, html: str) -> None:
    try:
        caches[settings.NEWSDESK_FRAGMENT_CACHE_ALIAS].set(key, html, settings.NEWSDESK_PAGE_CACHE_SECONDS)
    except Exception:
        logger.warning("Fragments: the cache could not be written.", exc_info=True)
