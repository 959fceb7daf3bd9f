"""Varnish as a wagtail.contrib.frontend_cache backend: drop paths, every page with a tag, or everything.

deploy/varnish/newsdesk.vcl answers these requests from localhost only. A BAN with `X-Ban-Paths`
(a batch of exact paths) drops every query-string variant of each (listings paginate with ?page=),
as a PURGE of one path does; a BAN with `X-Ban-Tags: article`
drops every response Django tagged so (all article pages, each of which shows Recent) in one request
instead of thousands of PURGEs; `X-Ban-Everything: 1` drops the whole cache.
"""

import logging
import re
from urllib.error import URLError
from urllib.parse import quote, urlsplit
from urllib.request import Request, urlopen

from wagtail.contrib.frontend_cache.backends import HTTPBackend

logger = logging.getLogger("wagtail.frontendcache")
# Keeps each BAN's header well inside Varnish's 8 KB request-header limit.
PATHS_PER_BAN = 40


class BanRequest(Request):
    def get_method(self):
        return "BAN"


class VarnishBackend(HTTPBackend):
    def purge_batch(self, urls) -> None:
        # One BAN per batch of paths instead of a PURGE per address: a publish names dozens of them.
        paths = sorted({quote(urlsplit(url).path or "/", safe="/%") for url in urls})
        for start in range(0, len(paths), PATHS_PER_BAN):
            pattern = "|".join(re.escape(path) for path in paths[start : start + PATHS_PER_BAN])
            self._send(BanRequest(self._address(), headers={"X-Ban-Paths": pattern}), pattern)

    def purge(self, url) -> None:
        self.purge_batch([url])

    def ban(self, *, tags=(), everything=False) -> None:
        headers = {"X-Ban-Everything": "1"} if everything else {"X-Ban-Tags": " ".join(tags)}
        if not everything and not tags:
            return
        self._send(BanRequest(self._address(), headers=headers), headers)

    def _address(self) -> str:
        return f"{self.cache_scheme}://{self.cache_netloc}/"

    def _send(self, request, what) -> None:
        try:
            urlopen(request, timeout=5)  # noqa: S310 - the address comes from NEWSDESK_VARNISH_URL
        except (URLError, OSError) as exc:
            logger.error("Varnish did not take %s %s: %s", request.get_method(), what, exc)
