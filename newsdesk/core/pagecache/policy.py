"""Which requests and responses the reader-page cache may keep: one rule for the WSGI layer, Django and Varnish.

Reader pages are the same bytes for every anonymous reader, so an anonymous GET or HEAD of a reader
address can be answered from stored bytes. Django marks such responses `Cache-Control: public`
(core.middleware.ReaderCacheControlMiddleware); the WSGI layer and Varnish keep only responses
marked public, never ones that set a cookie or say private/no-store/no-cache.
"""

import re
from functools import cache

from django.conf import settings

# Never answered from the cache: the admin and its previews, Wagtail's private-page forms, documents
# (which may sit behind a view restriction), search results (one entry per query anyone can type
# would push real pages out of a bounded store, and results are cheap to compute), and files that
# WhiteNoise and the media server already answer with their own long-lived headers.
NEVER_CACHED_PREFIXES = ("/admin/", "/_util/", "/documents/", "/search/", "/static/", "/media/")
CACHEABLE_METHODS = ("GET", "HEAD")
CACHEABLE_STATUSES = (200, 404)
# A response may vary only on what the cache itself accounts for.
ALLOWED_VARY = {"accept-encoding", "cookie"}
REFUSING_DIRECTIVES = {"private", "no-store", "no-cache"}

# Article pages carry this tag so Varnish can ban them all at once (each shows Recent).
CACHE_TAGS_HEADER = "X-Cache-Tags"
ARTICLE_TAG = "article"


@cache
def _private_cookie_pattern():
    names = {settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME, "messages"}
    return re.compile(r"(?:^|;)\s*(?:" + "|".join(re.escape(name) for name in sorted(names)) + r")=")


def carries_private_cookie(cookie_header: str) -> bool:
    """A session, CSRF or messages cookie: the reader may be an editor, or may see something only they should."""
    return bool(cookie_header) and bool(_private_cookie_pattern().search(cookie_header))


def request_is_cacheable(environ) -> bool:
    """An anonymous GET or HEAD of a reader address (works on a WSGI environ or Django's request.META)."""
    if environ.get("REQUEST_METHOD") not in CACHEABLE_METHODS:
        return False
    path = environ.get("PATH_INFO", "")
    if path.startswith(NEVER_CACHED_PREFIXES):
        return False
    if environ.get("HTTP_AUTHORIZATION"):
        return False
    return not carries_private_cookie(environ.get("HTTP_COOKIE", ""))


def cache_control_directives(value: str) -> dict:
    directives = {}
    for part in value.split(","):
        name, _, argument = part.strip().partition("=")
        if name:
            directives[name.lower()] = argument.strip().strip('"')
    return directives


def shared_lifetime(status: int, headers) -> int | None:
    """Seconds a shared cache may keep this response, or None when it must not keep it at all.

    `headers` are (name, value) pairs as a WSGI application hands them to start_response.
    """
    if status not in CACHEABLE_STATUSES:
        return None
    cache_control = ""
    vary = []
    for name, value in headers:
        lowered = name.lower()
        if lowered == "set-cookie" or lowered == "content-encoding":
            return None
        if lowered == "cache-control":
            cache_control = value
        elif lowered == "vary":
            vary += [field.strip().lower() for field in value.split(",") if field.strip()]
    directives = cache_control_directives(cache_control)
    if "public" not in directives or REFUSING_DIRECTIVES & directives.keys():
        return None
    if any(field not in ALLOWED_VARY for field in vary):
        return None
    for name in ("s-maxage", "max-age"):
        if directives.get(name, "").isdigit():
            seconds = int(directives[name])
            return seconds if seconds > 0 else None
    return None
