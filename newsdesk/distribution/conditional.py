"""Conditional GET for generated documents: ETag and Last-Modified, 304 when nothing changed."""

import hashlib
import time

from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date

from newsdesk.distribution.models import last_withdrawal

# Feeds and sitemaps are polled; five minutes keeps them fresh without re-rendering on every poll.
MAX_AGE = 300


def listing_fingerprint(listed: list, stamps) -> tuple:
    """The fingerprint of a list whose items are `listed` (anything whose repr changes with them).

    The ETag follows the listed items themselves, so an item arriving, changing or leaving changes it.
    Last-Modified is the newest of `stamps` or of the last withdrawal anywhere: an item that leaves
    has no date of its own in the list, and a reader revalidating by date alone must still see it go.
    """
    changed_at = max([stamp for stamp in (*stamps, last_withdrawal()) if stamp], default=None)
    return (changed_at, hashlib.sha256(repr(listed).encode()).hexdigest())


def respond(request, fingerprint: tuple, render):
    """`render()`'s response, or a 304 when the client already holds the version `fingerprint` names."""
    changed_at, *rest = fingerprint
    tag = hashlib.sha256(repr((request.get_full_path(), changed_at, *rest)).encode()).hexdigest()[:32]
    etag = f'"{tag}"'
    timestamp = int(changed_at.timestamp()) if changed_at else None
    if timestamp is not None and timestamp >= int(time.time()):
        # HTTP dates count whole seconds. A list that changed within the second being served may
        # change again within it; a reader revalidating by that date would then keep the old list
        # for good, so such a date is not given (RFC 9110 8.8.2.2 calls it weak) and the ETag,
        # which follows the items themselves, is the only validator.
        timestamp = None
    response = get_conditional_response(request, etag=etag, last_modified=timestamp)
    if response is None:
        response = render()
    response.headers["ETag"] = etag
    if timestamp is not None:
        response.headers["Last-Modified"] = http_date(timestamp)
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    return response
