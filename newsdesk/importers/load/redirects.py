"""The old site's addresses: permanent redirects to the imported pages, and WordPress's `?p=ID`
and `?page_id=ID` links answered from them."""

from urllib.parse import urlsplit

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site

from newsdesk.importers.load.batches import bulk_insert

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


def old_paths(link: str, extra_queries=(), old_slugs=()) -> list[str]:
    """Paths the old site answered for one item: its permalink, `?p=ID` forms, earlier slugs."""
    paths = []
    parts = urlsplit(link or "")
    if parts.path or parts.query:
        paths.append((parts.path or "/") + (f"?{parts.query}" if parts.query else ""))
        trimmed = parts.path.rstrip("/")
        for old in old_slugs:
            if trimmed and "/" in trimmed:
                paths.append(trimmed.rsplit("/", 1)[0] + f"/{old}/")
    paths.extend(f"/?{query}" for query in extra_queries)
    return paths


class RedirectWriter:
    def __init__(self, report):
        self.report = report

    def point(self, paths, page, source_id, new_path: str) -> int:
        """Permanent redirects from each old path to `page` (following it if it moves)."""
        return self.point_many([(paths, page, source_id, new_path)])

    def point_many(self, wanted_by_page) -> int:
        """`point` for many pages at once: one read and one insert however many there are.

        `wanted_by_page`: (old paths, page, source id, new path) each. When two items claim the
        same old path, the later one gets it, as if they had been written one after the other.
        """
        claims: dict[str, tuple] = {}
        for paths, page, source_id, new_path in wanted_by_page:
            own = Redirect.normalise_path(new_path)
            for path in dict.fromkeys(Redirect.normalise_path(path) for path in paths):
                if path and path not in ("/", own):
                    if path in claims and claims[path][0].pk != page.pk:
                        self.report.add(
                            "redirect", source_id, "warning", f"{path} pointed at another page; now at this one"
                        )
                    claims[path] = (page, source_id)
        existing = {r.old_path: r for r in Redirect.objects.filter(old_path__in=list(claims), site=None)}
        new = [
            Redirect(old_path=path, site=None, redirect_page=page, is_permanent=True)
            for path, (page, _) in claims.items()
            if path not in existing
        ]
        bulk_insert(Redirect, new)
        self.report.counts[("redirect", "created")] += len(new)
        for redirect in existing.values():
            page, source_id = claims[redirect.old_path]
            if redirect.redirect_page_id == page.pk and redirect.is_permanent and not redirect.redirect_link:
                self.report.counts[("redirect", "unchanged")] += 1
                continue
            if redirect.redirect_page_id not in (None, page.pk):
                self.report.add(
                    "redirect", source_id, "warning", f"{redirect.old_path} pointed at another page; now at this one"
                )
            redirect.redirect_page, redirect.is_permanent, redirect.redirect_link = page, True, ""
            redirect.save(update_fields=["redirect_page", "is_permanent", "redirect_link"])
            self.report.counts[("redirect", "updated")] += 1
        return len(claims)
