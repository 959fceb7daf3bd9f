"""The least any Python WSGI answer can cost: fixed bytes, no Django (the ceiling for bench/serve.py).

Served by granian with `newsdesk serve`'s worker and thread options, it answers every request with
the article's stored bytes (gzip when accepted), as the page cache's hit does, minus the cache's own
work: what is left is granian's and Python's cost per request on this machine.
"""

import gzip
import os
from pathlib import Path

BODY = Path(os.environ["BARE_BODY_PATH"]).read_bytes()
GZIPPED = gzip.compress(BODY, compresslevel=6)


def application(environ, start_response):
    gzipped = "gzip" in environ.get("HTTP_ACCEPT_ENCODING", "")
    body = GZIPPED if gzipped else BODY
    headers = [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))]
    if gzipped:
        headers.append(("Content-Encoding", "gzip"))
    start_response("200 OK", headers)
    return [body]
