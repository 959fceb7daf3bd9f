from django.conf import settings
from django.http import HttpResponse, HttpResponseNotAllowed
from django.middleware.gzip import GZipMiddleware
from django.utils.cache import patch_cache_control

from newsdesk.core import fragments, routing
from newsdesk.core.pagecache import policy

ADMIN_PREFIX = "/admin/"
# Django Ninja answers its own unsupported methods, in the API's error format.
API_PREFIX = "/api/"
# Wagtail's reader-side forms: the password form of a restricted page and its login page.
READER_FORM_VIEWS = {"wagtailcore_authenticate_with_password", "wagtailcore_login"}
READER_METHODS = ("GET", "HEAD", "OPTIONS")


class ReaderPagesGZipMiddleware(GZipMiddleware):
    """Compress reader pages, never pages that carry a CSRF token.

    Reader HTML holds no secret, so compressing it is safe and saves most of its bytes; admin and
    other form pages hold the CSRF token, which compression would expose to BREACH-style guessing.
    """

    def process_response(self, request, response):
        if request.path.startswith(ADMIN_PREFIX) or request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or response.cookies:
            return response
        return super().process_response(request, response)


class ReadOnlyReaderMiddleware:
    """Reader pages, feeds and sitemaps only read: any other method is 405 with an Allow header.

    Wagtail serves a page whatever the method, so TRACE or DELETE on an article answered 200 with it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method in ("GET", "HEAD") or request.path.startswith((ADMIN_PREFIX, API_PREFIX)):
            return None
        if request.resolver_match.url_name in READER_FORM_VIEWS:
            return None
        if request.method == "OPTIONS":
            response = HttpResponse(status=200)
            response["Allow"] = ", ".join(READER_METHODS)
            response["Content-Length"] = "0"
            return response
        return HttpResponseNotAllowed(READER_METHODS)


class SecurityHeadersMiddleware:
    """Headers Django does not set itself: Permissions-Policy everywhere, and a Content-Security-Policy:
    the strict reader policy on reader pages, the admin policy on the admin and its previews."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.NEWSDESK_PERMISSIONS_POLICY)
        if request.path.startswith(ADMIN_PREFIX):
            # Replaces the reader policy a preview picks up when Wagtail renders the page inside the admin.
            response.headers["Content-Security-Policy"] = self.admin_policy(response)
        else:
            response.headers.setdefault("Content-Security-Policy", settings.NEWSDESK_READER_CSP)
        return response

    @staticmethod
    def admin_policy(response) -> str:
        # Wagtail marks the previews the editor frames with X-Frame-Options: SAMEORIGIN; every other
        # admin page is never framed (frame-ancestors overrides X-Frame-Options in browsers).
        framed_by_admin = response.get("X-Frame-Options", "").upper() == "SAMEORIGIN"
        ancestors = "'self'" if framed_by_admin else "'none'"
        return f"{settings.NEWSDESK_ADMIN_CSP}; frame-ancestors {ancestors}"


class SharedResponsesMiddleware:
    """Responses that are the same for every reader carry no cookie and do not vary on cookies.

    Those are the ones marked Cache-Control: public (feeds, sitemaps, media) and everything the
    distribution app serves (feeds, sitemaps, ninjs, the API). A signed-in editor's session cookie
    on such a response could be stored by a shared cache and handed to the next reader.
    Listed above SessionMiddleware, so it sees the cookies the session and CSRF layers set.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_shared_response(request, response):
            for name in list(response.cookies):
                del response.cookies[name]
            if response.has_header("Vary"):
                varies = [header.strip() for header in response["Vary"].split(",") if header.strip()]
                kept = [header for header in varies if header.lower() != "cookie"]
                if kept:
                    response["Vary"] = ", ".join(kept)
                else:
                    del response["Vary"]
        return response


def is_shared_response(request, response) -> bool:
    match = request.resolver_match
    if match is not None and "distribution" in match.namespaces:
        return True
    return "public" in response.get("Cache-Control", "").lower().replace(" ", "").split(",")


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
        fragments.begin(request)  # before any view reads the database: see core/fragments.py
        routing.remember_site(request)
        response = self.get_response(request)
        if (
            policy.request_is_cacheable(request.META)
            and response.status_code in policy.CACHEABLE_STATUSES
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and not response.has_header("Cache-Control")
        ):
            seconds = (
                settings.NEWSDESK_PAGE_CACHE_SECONDS
                if response.status_code == 200
                else settings.NEWSDESK_PAGE_CACHE_404_SECONDS
            )
            patch_cache_control(response, public=True, max_age=0, s_maxage=seconds)
        return response
