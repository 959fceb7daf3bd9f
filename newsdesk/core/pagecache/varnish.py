"""Varnish as a wagtail.contrib.frontend_cache backend: PURGE by path, plus BAN by tag or of everything.

deploy/varnish/newsdesk.vcl answers these requests from localhost only. A PURGE of a path drops
every query-string variant of it (listings paginate with ?page=); a BAN with `X-Ban-Tags: article`
drops every response Django tagged so (all article pages, each of which shows Recent) in one request
instead of thousands of PURGEs; `X-Ban-Everything: 1` drops the whole cache.
"""

import logging
from urllib.error import URLError
from urllib.request import Request, urlopen

from wagtail.contrib.frontend_cache.backends import HTTPBackend

logger = logging.getLogger("wagtail.frontendcache")


class BanRequest(Request):
    def get_method(self):
        return "BAN"


class VarnishBackend(HTTPBackend):
    def ban(self, *, tags=(), everything=False) -> None:
        headers = {"X-Ban-Everything": "1"} if everything else {"X-Ban-Tags": " ".join(tags)}
        if not everything and not tags:
            return
        request = BanRequest(f"{self.cache_scheme}://{self.cache_netloc}/", headers=headers)
        try:
            urlopen(request, timeout=5)  # noqa: S310 - the address comes from NEWSDESK_VARNISH_URL
        except (URLError, OSError) as exc:
            logger.error("Couldn't ban %s from Varnish: %s", headers, exc)
