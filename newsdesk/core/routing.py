"""Reader pages found by their address in one query, instead of a walk down the page tree.

Wagtail's routing reads the site, then each page from the site's root down (one query per level,
one more to make each specific), then the page's ancestors again and their view restrictions: about
seven queries before a page starts rendering. No page model here routes differently from Wagtail's
`Page.route` (checked once, see `_default_routing`), so an address names the live page whose
url_path is the site root's url_path plus the address. The pages from the root down to it come in one
query by their url_paths (cold), kept in the memo (core/memo.py) afterwards; the page itself is one
query. Private pages are known from the memo, so a public page's restrictions cost nothing.

Anything unusual (an address no page has, a page that is not live, an alias on the way, a request the
memo does not serve) goes to Wagtail's own routing, which then decides as it always has.
"""

from functools import cache

from django.contrib.contenttypes.models import ContentType
from wagtail import views as wagtail_views
from wagtail.fields import StreamField
from wagtail.models import Page, PageViewRestriction, Site, get_page_models
from wagtail.url_routing import RouteResult

from newsdesk.core import memo, restrictions

STEPLEN = Page.steplen


def serve(request, path):
    """Wagtail's page view, with the route found here when it can be (Wagtail reads it from the request)."""
    route = reader_route(request, path)
    if route is not None:
        request._wagtail_route_for_request = route
    return wagtail_views.serve(request, path)


def remember_site(request) -> None:
    """The request's site from the memo, where Wagtail and every view look for it (`Site.find_for_request`)."""
    if memo.generation_of(request) is None or hasattr(request, "_wagtail_site"):
        return
    key = ("site", request._get_raw_host(), request.get_port())
    request._wagtail_site = memo.get(request, key, lambda: _site_with_root(request))


def _site_with_root(request):
    site = Site._find_for_request(request)
    if site is not None:
        site.root_page  # noqa: B018 - read now, kept with the site
    return site


def reader_route(request, path: str) -> RouteResult | None:
    if memo.generation_of(request) is None or not _default_routing():
        return None
    site = Site.find_for_request(request)
    if site is None:
        return None
    root = site.root_page
    url_path = root.url_path + "".join(f"{component}/" for component in path.split("/") if component)
    found = memo.get(request, ("route", site.pk, url_path), lambda: _find(root, url_path))
    if found is None:
        return None
    page_id, content_type_id, public = found
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None:
        return None
    try:
        # get(): no ordering to compile, unlike first(). Stream fields are read only if a fragment kept by
        # revision is missing: decoding an article body's JSON cost more than the rest of the row.
        page = model._default_manager.defer(*_stream_fields(model)).get(pk=page_id)
    except model.DoesNotExist:
        return None
    if page.url_path != url_path or not page.live:
        return None  # changed since it was kept: Wagtail's walk decides
    if public(restrictions.restricted_paths(request)):
        # Wagtail's check asks the page for its restrictions (two queries); there are none.
        page.get_view_restrictions = PageViewRestriction.objects.none
    return RouteResult(page)


@cache
def _stream_fields(model) -> tuple[str, ...]:
    return tuple(field.name for field in model._meta.concrete_fields if isinstance(field, StreamField))


def _find(root, url_path: str):
    """(id, content type, public test) of the page at url_path under root, if the chain down to it is plain."""
    prefixes = ["/"] + [url_path[: index + 1] for index, char in enumerate(url_path) if char == "/" and index]
    rows = list(
        Page.objects.filter(url_path__in=prefixes)
        .order_by("path")
        .values_list("id", "path", "url_path", "content_type_id", "alias_of_id")
    )
    paths = [row[1] for row in rows]
    chained = all(
        child.startswith(parent) and len(child) == len(parent) + STEPLEN
        for parent, child in zip(paths, paths[1:], strict=False)
    )
    plain = (
        len(rows) == len(prefixes)
        and chained
        and len(paths[0]) == STEPLEN
        and root.path in paths
        and rows[-1][2] == url_path
        and all(row[4] is None for row in rows)  # an alias takes its source's restrictions: Wagtail resolves those
    )
    if not plain:
        return None
    lineage = frozenset(paths)
    return rows[-1][0], rows[-1][3], lambda restricted: not (lineage & restricted)


@cache
def _default_routing() -> bool:
    return all(model.route is Page.route for model in get_page_models())
