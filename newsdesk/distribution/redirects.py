"""Wagtail's redirects (old slugs, imported addresses), except to a page readers cannot see."""

from urllib.parse import urlparse

from wagtail.contrib.redirects.middleware import RedirectMiddleware, get_redirect
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page


class PublishedRedirectMiddleware(RedirectMiddleware):
    """A redirect whose target page is unpublished, private or not yet live stays a 404: following it
    would tell anyone holding the old address where the hidden page now lives (its new slug)."""

    def process_response(self, request, response):
        redirected = super().process_response(request, response)
        if redirected is response:
            return response
        target = _redirect_for(request)
        if target is not None and target.redirect_page_id and not _readable(target.redirect_page_id):
            return response
        return redirected


def _redirect_for(request):
    # The two lookups Wagtail's middleware makes: the full path, then the path without its query.
    path = Redirect.normalise_path(request.get_full_path(), decode_unicode=False)
    return get_redirect(request, path) or get_redirect(request, urlparse(path).path)


def _readable(page_id) -> bool:
    return Page.objects.live().public().filter(pk=page_id).exists()
