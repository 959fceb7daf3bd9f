"""Which pages are private, read once per purge generation (core/memo.py) rather than on every page view.

Any change to a view restriction purges the reader caches (distribution's signal handlers), so the
memo never outlives one.
"""

from django.db.models import Q
from wagtail.models import PageViewRestriction
from wagtail.query import PageQuerySet

from newsdesk.core import memo

KEY = "restricted-paths"


def restricted_paths(request=None) -> frozenset:
    """Tree paths of the pages with a view restriction (each covers the pages below it)."""
    if request is not None:
        return memo.get(request, KEY, _read)
    return memo.current(KEY, _read)


def _read() -> frozenset:
    return frozenset(PageViewRestriction.objects.values_list("page__path", flat=True))


class ReaderPageQuerySet(PageQuerySet):
    """Wagtail's, with `public()` built from the kept private pages instead of a query each time it is called."""

    def private_q(self):
        q = Q()
        for path in sorted(restricted_paths()):
            q |= Q(path__startswith=path) & Q(depth__gte=len(path) // self.model.steplen)
        return q if q else Q(pk__in=[])  # as Wagtail's: no private pages, nothing matches
