from django.conf import settings
from django.middleware.gzip import GZipMiddleware
from django.utils.cache import patch_cache_control

from newsdesk.core.pagecache import policy

ADMIN_PREFIX = "/admin/"


class ReaderPagesGZipMiddleware(GZipMiddleware):
    """Compress reader pages, never pages that carry a CSRF token.

    Reader HTML holds no secret, so compressing it is safe and saves most of its bytes; admin and
    other form pages hold the CSRF token, which compression would expose to BREACH-style guessing.
    """

    def process_response(self, request, response):
        if request.path.startswith(ADMIN_PREFIX) or request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or response.cookies:
            return response
        return super().process_response(request, response)


class ReaderCacheControlMiddleware:
    """Mark what every anonymous reader would get alike as cacheable by shared caches.

    Browsers revalidate every time (max-age=0, answered with 304 by the cache); the page cache and
    Varnish keep the page for NEWSDESK_PAGE_CACHE_SECONDS, or less when a purge comes first. Not
    marked: requests from editors (session or CSRF cookie), the admin and other never-cached
    addresses, responses that set a cookie or rendered a CSRF token, and views that chose their own
    Cache-Control (feeds and sitemaps).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            policy.request_is_cacheable(request.META)
            and response.status_code in policy.CACHEABLE_STATUSES
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and not response.has_header("Cache-Control")
        ):
            seconds = (settings.NEWSDESK_PAGE_CACHE_SECONDS if response.status_code == 200
                       else settings.NEWSDESK_PAGE_CACHE_404_SECONDS)
            patch_cache_control(response, public=True, max_age=0, s_maxage=seconds)
        return response
