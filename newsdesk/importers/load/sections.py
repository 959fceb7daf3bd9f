"""Categories become sections under the home page."""

from wagtail.models import Page

from newsdesk.importers.load.import_records import cache_after_commit, remember
from newsdesk.importers.load.tree import TreeWriter, free_slug
from newsdesk.importers.models import ImportKind, ImportRecord
from newsdesk.sections.models import HomePage, SectionPage


def import_root() -> HomePage | None:
    """The home page sections and plain pages are imported under; None before `migrate` made one."""
    return HomePage.objects.first()


class SectionWriter:
    """Categories become sections under the home page (found or made on first use)."""

    def __init__(self, source: str, report, home: Page, tree: TreeWriter | None = None):
        self.source, self.report, self.home = source, report, home
        self.tree = tree or TreeWriter()
        self._by_slug: dict = {}  # a few dozen sections at most

    def section_for(self, slug: str, title: str):
        if slug in self._by_slug:
            return self._by_slug[slug]
        section = self._find([slug]).get(slug)
        if section is None:
            section = SectionPage(title=title[:255] or slug, slug=free_slug(self.home, slug))
            if section.slug != slug:
                self.report.add(
                    "section", slug, "changed", f"slug {slug!r} is taken by another page; used {section.slug!r}"
                )
            self.tree.add_child(self.home, section)
            section.save_revision(log_action=False).publish(log_action=False)
            self.report.add("section", slug, "created", title=section.title, target=section.url_path)
            # Not `new`: a record may remain of a section the desk has since deleted.
            remember(self.source, ImportKind.SECTION, slug, section.pk)
        cache_after_commit(self._by_slug, slug, section)
        return section

    def forget_uncommitted(self) -> None:
        """After a batch was rolled back: sections its items made are gone."""
        self._by_slug.clear()

    def existing(self, slugs) -> dict:
        """Category slug → section, for those of `slugs` whose section is already made; none is made here."""
        unknown = [slug for slug in slugs if slug not in self._by_slug]
        if unknown:
            self._by_slug.update(self._find(unknown))  # committed rows: safe to remember at once
        return {slug: self._by_slug[slug] for slug in slugs if slug in self._by_slug}

    def _find(self, slugs: list) -> dict:
        """Category slug → its section: the one recorded for it (even if renamed since), else the home
        page's section of that slug, which a desk made by hand before importing and is recorded now."""
        made = dict(
            ImportRecord.objects.of(self.source, ImportKind.SECTION)
            .filter(source_id__in=slugs)
            .values_list("object_id", "source_id")
        )
        found = {made[s.pk]: s for s in SectionPage.objects.filter(pk__in=made)} if made else {}
        rest = [slug for slug in slugs if slug not in found]
        if rest:
            for section in SectionPage.objects.child_of(self.home).filter(slug__in=rest):
                remember(self.source, ImportKind.SECTION, section.slug, section.pk)
                found[section.slug] = section
        return found
