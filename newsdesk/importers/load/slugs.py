"""Slugs for new and moved pages: free among the parent's children, including those not yet written."""

from collections.abc import Callable

from wagtail.models import Page

from newsdesk.importers.load.tree import free_slug


def _nothing_pending(parent: Page) -> set[str]:
    return set()


class SlugAllocator:
    """Hands out free slugs under a parent.

    `known`: parent path → (slugs asked about, slugs already used there), read for a whole batch
    before it starts (see `read_ahead`), so most new pages need no read of their own.
    `pending`: the slugs under a parent handed to pages that are not written yet.
    """

    def __init__(
        self, known: dict[str, tuple[set, set]] | None = None, pending: Callable[[Page], set[str]] = _nothing_pending
    ):
        self.known = known or {}
        self.pending = pending

    @classmethod
    def read_ahead(cls, wanted: dict[str, set[str]], sections: dict, **options) -> "SlugAllocator":
        """`wanted`: category → article slugs; `sections`: category → its existing section.

        One read per section instead of one per article. Keyed by category: the section's own
        slug may differ (`world-2`).
        """
        known = {}
        for category, section in sections.items():
            slugs = wanted[category]
            taken = set(section.get_children().filter(slug__in=slugs).values_list("slug", flat=True))
            known[section.path] = (slugs, taken)
        return cls(known, **options)

    def free(self, parent: Page, slug: str, own_pk=None) -> str:
        pending = self.pending(parent)
        asked, taken = self.known.get(parent.path, ((), ()))
        if own_pk is None and slug in asked and slug not in taken and slug not in pending:
            free = slug  # read before the batch began: nobody has it
        else:
            free = free_slug(parent, slug, own_pk, pending)
        pending.add(free)  # written later in this batch, or already by an update within it
        return free
