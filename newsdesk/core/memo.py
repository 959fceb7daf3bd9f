"""Small reads that nearly every reader request repeats, kept in this process between requests.

The site a request is for, the publication settings, which pages are private, where an address
leads, the live sections every list of articles names: a handful of queries per page that change only
when an editor changes something readers see.
Every such change purges the reader caches (core/pagecache/purge.py), which bumps the page cache's
generation in every process. A value here is kept under the generation the request read when it
arrived (core/fragments.py), before it read anything from the database, so a value read before a
change is never served after the change's purge. A purge also empties this process's memo at once,
without waiting for the commit, so the process that made a change never reads the old value back.

Only requests the page cache could keep (anonymous GET/HEAD, no previews) use the memo; editors read
afresh. NEWSDESK_READER_MEMO=0 turns it off.
"""

import logging
import threading
from collections import OrderedDict

from django.conf import settings

from newsdesk.core.pagecache import stores

logger = logging.getLogger(__name__)

REQUEST_ATTRIBUTE = "reader_generation"
# Addresses are the only open-ended keys (a crawler walks the archive); older ones make room.
MAX_ENTRIES = 20_000

_MISSING = object()
_lock = threading.Lock()
_entries: OrderedDict = OrderedDict()
_generation: int | None = None


def generation_of(request) -> int | None:
    """The generation this request's memo values belong to, or None: the request reads afresh."""
    return getattr(request, REQUEST_ATTRIBUTE, None) if request is not None else None


def get(request, key, compute):
    """The value kept under `key` for this request's generation, else `compute()` (then kept)."""
    generation = generation_of(request)
    if generation is None:
        return compute()
    return _get(generation, key, compute)


def _get(generation: int, key, compute):
    with _lock:
        if _generation == generation:
            value = _entries.get(key, _MISSING)
            if value is not _MISSING:
                return value
    value = compute()
    _keep(generation, key, value)
    return value


def current(key, compute):
    """get() for code without the request at hand (querysets): the generation is read from the store now."""
    if not settings.NEWSDESK_READER_MEMO:
        return compute()
    try:
        generation = stores.current_generation()
    except Exception:
        logger.warning("Memo: the page cache's generation could not be read; reading afresh.", exc_info=True)
        return compute()
    if generation < 0:  # the shared store is unreachable
        return compute()
    return _get(generation, key, compute)


def _keep(generation: int, key, value) -> None:
    global _generation
    with _lock:
        if _generation != generation:
            if _generation is not None and generation < _generation:
                return  # a request that began before the latest purge: its value may predate it
            _entries.clear()
            _generation = generation
        _entries[key] = value
        if len(_entries) > MAX_ENTRIES:
            _entries.popitem(last=False)


def clear() -> None:
    """Forgets every value and the generation they were kept under (a store emptied and begun again
    hands out lower generations, which would otherwise never be kept)."""
    global _generation
    with _lock:
        _entries.clear()
        _generation = None
