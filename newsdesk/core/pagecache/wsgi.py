"""The WSGI layer in front of Django: anonymous reader requests answered from stored bytes.

A hit never enters Django (no middleware, URL resolving or database): the stored body is sent in the
encoding the client accepts (brotli, gzip or plain), and If-None-Match / If-Modified-Since are
answered with 304 here. A miss is handed to Django as a plain, unconditional GET, so what is stored
is the whole uncompressed response; it is kept only when policy.shared_lifetime allows it.
"""

import functools
import gzip
import hashlib
import time

from django.utils.http import parse_http_date_safe

from newsdesk.core.pagecache import policy
from newsdesk.core.pagecache.stores import Entry

try:
    import brotli
except ImportError:  # optional: without it, clients get gzip
    brotli = None

MAX_BODY_BYTES = 4 * 1024 * 1024
COMPRESS_MIN_BYTES = 200
COMPRESSIBLE_TYPES = (
    "text/",
    "application/json",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/feed+json",
    "application/ld+json",
    "image/svg+xml",
)
# Headers the cache sets itself for each answer; Django's own values are not stored.
MANAGED_HEADERS = {"content-length", "content-encoding", "etag", "date", "x-page-cache"}
# Stripped before a miss reaches Django, so it renders the full, plain document once for everyone.
CONDITIONAL_AND_ENCODING = (
    "HTTP_IF_NONE_MATCH",
    "HTTP_IF_MODIFIED_SINCE",
    "HTTP_IF_MATCH",
    "HTTP_IF_UNMODIFIED_SINCE",
    "HTTP_IF_RANGE",
    "HTTP_RANGE",
    "HTTP_ACCEPT_ENCODING",
)
NOT_MODIFIED_HEADERS = {"cache-control", "vary", "last-modified", "expires", "content-location"}


def cache_key(environ) -> str:
    query = environ.get("QUERY_STRING", "")
    host = environ.get("HTTP_HOST") or environ.get("SERVER_NAME", "")
    proto = environ.get("HTTP_X_FORWARDED_PROTO") or environ.get("wsgi.url_scheme", "http")
    raw = f"{proto}://{host.lower()}{environ.get('PATH_INFO', '')}?{query}"
    return hashlib.sha1(raw.encode("utf-8", "surrogateescape")).hexdigest()


def accepted_codings(header: str) -> dict:
    codings = {}
    for part in header.split(","):
        name, _, params = part.partition(";")
        name = name.strip().lower()
        if not name:
            continue
        quality = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        codings[name] = quality
    return codings


@functools.lru_cache(maxsize=256)
def _parsed_codings(header: str) -> tuple:
    # Browsers send a handful of distinct Accept-Encoding values: parse each once per process.
    return tuple(accepted_codings(header).items())


def choose_coding(header: str, available) -> str:
    if not header:
        return "identity"
    codings = dict(_parsed_codings(header))
    for coding in ("br", "gzip"):
        if coding in available and codings.get(coding, codings.get("*", 0)) > 0:
            return coding
    return "identity"


def etag_matches(if_none_match: str, etag: str) -> bool:
    if if_none_match.strip() == "*":
        return True
    bare = etag.removeprefix("W/")
    return any(tag.strip().removeprefix("W/") == bare for tag in if_none_match.split(","))


def _is_compressible(headers) -> bool:
    for name, value in headers:
        if name.lower() == "content-type":
            return value.lower().startswith(COMPRESSIBLE_TYPES)
    return False


def build_entry(status: str, headers, body: bytes, lifetime: int, generation: int) -> Entry:
    etag, last_modified, kept = None, None, []
    vary = []
    for name, value in headers:
        lowered = name.lower()
        if lowered == "etag":
            etag = value.removeprefix("W/")
        elif lowered == "last-modified":
            last_modified = parse_http_date_safe(value)
            kept.append((name, value))
        elif lowered == "vary":
            vary.append(value)
        elif lowered not in MANAGED_HEADERS:
            kept.append((name, value))
    if etag is None:
        etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    bodies = {"identity": body}
    if len(body) >= COMPRESS_MIN_BYTES and _is_compressible(headers):
        bodies["gzip"] = gzip.compress(body, compresslevel=6, mtime=0)
        if brotli is not None:
            bodies["br"] = brotli.compress(body, quality=5)
        if not any("accept-encoding" in value.lower() for value in vary):
            vary.append("Accept-Encoding")
    kept += [("Vary", value) for value in vary]
    return Entry(status, kept, bodies, etag, last_modified, time.time() + lifetime, generation)


class PageCacheApplication:
    """Wraps a WSGI application (Django's) with the reader-page cache kept in `store`."""

    def __init__(self, application, store):
        self.application = application
        self.store = store

    def __call__(self, environ, start_response):
        if not policy.request_is_cacheable(environ):
            return self.application(environ, start_response)
        key = cache_key(environ)
        entry = self.store.get(key)
        if entry is not None:
            return self.answer(entry, environ, start_response, "hit")
        return self.fill(key, environ, start_response)

    def answer(self, entry: Entry, environ, start_response, outcome: str):
        coding = choose_coding(environ.get("HTTP_ACCEPT_ENCODING", ""), entry.bodies)
        etag = entry.etag if coding == "identity" else "W/" + entry.etag
        if self._not_modified(entry, environ):
            headers = [(n, v) for n, v in entry.headers if n.lower() in NOT_MODIFIED_HEADERS]
            start_response("304 Not Modified", headers + [("ETag", etag), ("X-Page-Cache", outcome)])
            return []
        body = entry.bodies[coding]
        headers = list(entry.headers)
        if coding != "identity":
            headers.append(("Content-Encoding", coding))
        headers += [("Content-Length", str(len(body))), ("ETag", etag), ("X-Page-Cache", outcome)]
        start_response(entry.status, headers)
        return [] if environ.get("REQUEST_METHOD") == "HEAD" else [body]

    @staticmethod
    def _not_modified(entry: Entry, environ) -> bool:
        if not entry.status.startswith("200"):
            return False
        if_none_match = environ.get("HTTP_IF_NONE_MATCH")
        if if_none_match:
            return etag_matches(if_none_match, entry.etag)
        if_modified_since = environ.get("HTTP_IF_MODIFIED_SINCE")
        if not if_modified_since or entry.last_modified is None:
            return False  # most hits: parsing an absent date costs more than the rest of the answer
        since = parse_http_date_safe(if_modified_since)
        return since is not None and entry.last_modified is not None and entry.last_modified <= since

    def fill(self, key, environ, start_response):
        generation = self.store.generation()
        inner = {name: value for name, value in environ.items() if name not in CONDITIONAL_AND_ENCODING}
        inner["REQUEST_METHOD"] = "GET"
        inner.pop("wsgi.file_wrapper", None)
        captured = {}

        def capture(status, headers, exc_info=None):
            captured["status"], captured["headers"] = status, headers
            return captured.setdefault("written", []).append

        result = self.application(inner, capture)
        chunks, size, complete = list(captured.get("written", [])), 0, True
        iterator = iter(result)
        try:
            for chunk in iterator:
                chunks.append(chunk)
                size += len(chunk)
                if size > MAX_BODY_BYTES:
                    complete = False
                    break
        except BaseException:
            _close(result)
            raise
        if not complete:
            # Too large to keep: hand the rest through as it comes.
            start_response(captured["status"], captured["headers"])
            return _Remainder(chunks, iterator, result)
        _close(result)
        status, headers = captured["status"], captured["headers"]
        lifetime = policy.shared_lifetime(int(status.split(" ", 1)[0]), headers)
        if lifetime is None:
            start_response(status, headers)
            return [] if environ.get("REQUEST_METHOD") == "HEAD" else chunks
        entry = build_entry(status, headers, b"".join(chunks), lifetime, generation)
        self.store.put(key, entry)
        return self.answer(entry, environ, start_response, "miss")


def _close(result):
    close = getattr(result, "close", None)
    if close is not None:
        close()


class _Remainder:
    """The chunks already read, then the rest of the application's iterable; closes it when done."""

    def __init__(self, head, rest, result):
        self.head, self.rest, self.result = head, rest, result

    def __iter__(self):
        yield from self.head
        yield from self.rest

    def close(self):
        _close(self.result)
