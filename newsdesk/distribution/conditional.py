"""Conditional GET for generated documents: ETag and Last-Modified, 304 when nothing changed."""

import hashlib

from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date

# Feeds and sitemaps are polled; five minutes keeps them fresh without re-rendering on every poll.
MAX_AGE = 300


def respond(request, fingerprint: tuple, render):
    """`render()`'s response, or a 304 when the client already holds the version `fingerprint` names."""
    changed_at, *rest = fingerprint
    tag = hashlib.sha256(repr((request.get_full_path(), changed_at, *rest)).encode()).hexdigest()[:32]
    etag = f'"{tag}"'
    timestamp = int(changed_at.timestamp()) if changed_at else None
    response = get_conditional_response(request, etag=etag, last_modified=timestamp)
    if response is None:
        response = render()
    response.headers["ETag"] = etag
    if timestamp is not None:
        response.headers["Last-Modified"] = http_date(timestamp)
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    return response
