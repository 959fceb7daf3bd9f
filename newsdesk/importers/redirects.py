"""WordPress's `?p=ID` and `?page_id=ID` links, answered from Wagtail's redirects."""

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site

WORDPRESS_QUERY_KEYS = ("p", "page_id", "attachment_id")


def old_query_redirect(request) -> str | None:
    """Where an old `?p=ID` link now lives, or None (most requests: no such query)."""
    if request.method not in ("GET", "HEAD") or not any(key in request.GET for key in WORDPRESS_QUERY_KEYS):
        return None
    old_path = Redirect.normalise_path(request.get_full_path())
    redirect = Redirect.get_for_site(Site.find_for_request(request)).filter(old_path=old_path).first()
    if redirect is None:
        return None
    link = redirect.link
    return link if link and link != request.get_full_path() else None
