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
