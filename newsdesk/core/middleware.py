from django.middleware.gzip import GZipMiddleware

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
