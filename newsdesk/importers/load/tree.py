"""Places in Wagtail's page tree for new pages, and free slugs among siblings."""

from django.db.models import F
from wagtail.models import Page

from newsdesk.core.slugs import unused_slug


def free_slug(parent: Page, slug: str, own_pk=None, pending=frozenset()) -> str:
    """`slug`, or `slug-2`, `slug-3`… when a sibling under `parent` already has it.

    `pending`: slugs already handed to siblings that are not written yet (see `NewArticles`).
    """
    taken = set(parent.get_children().filter(slug__startswith=slug).exclude(pk=own_pk).values_list("slug", flat=True))
    taken.update(s for s in pending if s.startswith(slug))
    return unused_slug(slug, taken.__contains__)


class TreeWriter:
    """Adds new pages under a parent as treebeard's `add_child` does, without its two reads per child.

    treebeard locks and re-reads the parent and looks up its last child for every page; an import
    adds thousands of children to a handful of sections, so the last path handed out under each
    parent is kept for the run. An item that rolls back only leaves a gap in the numbering, which
    treebeard allows. Parents are known by their path, not their id: SQLite hands the id of a
    rolled-back row out again, but this writer never hands out a path twice. Anything else that
    adds under a parent during the run must go through here (or call `forget`).
    """

    def __init__(self):
        self._last_path: dict[str, str | None] = {}

    def place(self, parent: Page, page: Page) -> Page:
        """Give an unsaved `page` the next free place under `parent`; the caller writes it."""
        if parent.path not in self._last_path:
            last = parent.get_last_child()
            self._last_path[parent.path] = last.path if last else None
        last_path = self._last_path[parent.path]
        position = Page._str2int(last_path[-Page.steplen :]) + 1 if last_path else 1
        page.depth = parent.depth + 1
        page.path = Page._get_path(parent.path, page.depth, position)
        page._cached_parent_obj = parent  # Page.save reads the parent for url_path
        if page.locale_id is None:
            page.locale_id = parent.locale_id  # Wagtail's default, without reading the parent again
        page._is_site_root = False  # a new page has a fresh translation key: no site can point at it
        self._last_path[parent.path] = page.path
        return page

    def add_child(self, parent: Page, page: Page, slug_is_free=False) -> Page:
        """`slug_is_free` when the caller has just checked the siblings (see `free_slug`)."""
        self.place(parent, page)
        if slug_is_free and not page.live:
            # Page.minimal_clean without its sibling-slug read, which the caller has just done
            page._set_core_field_defaults()
            page.title = page._meta.get_field("title").clean(page.title, page)
            page.save(clean=False)
        else:
            page.save()
        Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + 1)
        parent.numchild += 1
        return page

    def forget(self, parent: Page) -> None:
        self._last_path.pop(parent.path, None)
