"""Imported posts and pages written as Wagtail pages: created, updated, moved, published or scheduled.

How a new article is written depends on the write mode (see batches.py): one at a time, or held
and written with the rest of its batch.
"""

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, Revision

from newsdesk.articles.models import ArticleByline, ArticleTag
from newsdesk.importers.load.batches import SingleWriter
from newsdesk.importers.load.import_records import fingerprint, remember
from newsdesk.importers.load.redirects import RedirectWriter, old_paths
from newsdesk.importers.load.tags import ensure_tags, make_tags_ahead
from newsdesk.importers.load.tree import TreeWriter
from newsdesk.importers.models import ImportKind, ImportRecord


class PageWriter:
    """Writes one item's prepared fields as a page under `parent`, with its redirects and import record."""

    def __init__(self, source: str, report, home: Page, *, tree: TreeWriter, redirects: RedirectWriter):
        self.source, self.report, self.home = source, report, home
        self.tree, self.redirects = tree, redirects
        self.known_tags: dict = {}  # lower-cased name → Tag; bounded by the export's tag list
        self.mode = SingleWriter(source)

    def write(self, model, kind, item, fields, parent, disposition):
        # The parent by its source id: a page whose parent came later in the file is moved at the end
        # of the run, and a re-run must still see it as unchanged.
        where = item.parent_id if kind == ImportKind.PAGE else parent.slug
        checksum = fingerprint({"fields": fields, "parent": where, "disposition": disposition})
        record = self.mode.record(kind, item.source_id)
        if record is not None and record.checksum == checksum:
            title = self.mode.title_of(model, record.object_id)
            if title is not None:  # None: the desk deleted the page since, and it is made again
                self.report.add(kind, item.source_id, "unchanged", title=title)
                return
        page = model.objects.filter(pk=record.object_id).first() if record else None
        extra = [f"p={item.source_id}"] if kind == ImportKind.ARTICLE else [f"page_id={item.source_id}"]
        # A draft or scheduled item has no public page yet: an old address sent there would end in a
        # 404 and reveal the new slug. Its redirects are made by the run that finds it published.
        paths = old_paths(item.link, extra, item.old_slugs) if disposition == "publish" else []
        if record is None and kind == ImportKind.ARTICLE and disposition != "schedule" and self.mode.holds_new_articles:
            page = self._new_page(model, kind, item, fields, parent, disposition)
            page.set_url_path(parent)
            new_path = self._site_path(page)
            self.mode.hold(
                page,
                parent,
                old_paths=paths,
                new_path=new_path,
                record=ImportRecord(
                    source=self.source,
                    kind=kind,
                    source_id=str(item.source_id)[:255],
                    checksum=checksum,
                    guid=item.guid[:500],
                    source_url=item.link[:1000],
                ),
            )
            self.report.add(
                kind,
                item.source_id,
                "created",
                disposition if disposition != "publish" else "",
                title=page.title,
                target=new_path,
            )
            return
        created = page is None
        page = self._save_page(model, kind, page, item, fields, parent, disposition)
        new_path = self._site_path(page)
        self.redirects.point(paths, page, item.source_id, new_path)
        remember(
            self.source,
            kind,
            item.source_id,
            page.pk,
            checksum=checksum,
            guid=item.guid,
            source_url=item.link,
            new=record is None,
        )
        self.report.add(
            kind,
            item.source_id,
            "created" if created else "updated",
            f"{disposition}" if disposition != "publish" else "",
            title=page.title,
            target=new_path,
        )

    def imported_page(self, kind, source_id) -> Page | None:
        """The page an earlier item (or run) made for `source_id`, if any."""
        pk = ImportRecord.objects.object_id_for(self.source, kind, source_id)
        return Page.objects.get(pk=pk).specific if pk else None

    def settle_parents(self, pending_parents):
        """Pages whose parent came later in the file move under it now."""
        for source_id, parent_id in pending_parents:
            child_pk = ImportRecord.objects.object_id_for(self.source, ImportKind.PAGE, source_id)
            parent_pk = ImportRecord.objects.object_id_for(self.source, ImportKind.PAGE, parent_id)
            if child_pk and parent_pk:
                with transaction.atomic():
                    Page.objects.get(pk=child_pk).move(Page.objects.get(pk=parent_pk), pos="last-child")
            elif child_pk:
                self.report.add(
                    "page", source_id, "warning", f"parent page {parent_id} is not in the export: kept at the top"
                )

    def _site_path(self, page) -> str:
        return "/" + page.url_path[len(self.home.url_path) :]

    def _new_page(self, model, kind, item, fields, parent, disposition):
        """An unsaved page as `_save_page` would leave a new one, for the batch to write."""
        fields, published_at, modified_at, bylines, tags, slug = _split_fields(fields)
        page = model(**fields)
        page.slug = self._free(kind, parent, slug, None, item)
        self._set_children(page, bylines, tags)
        page.live, page.first_published_at = False, None
        for name, value in publication_state(page, disposition == "publish", published_at, modified_at).items():
            setattr(page, name, value)
        return page

    def forget_uncommitted(self) -> None:
        """After a batch was rolled back: tags its items made are gone."""
        self.known_tags.clear()

    def make_tags_ahead(self, names) -> None:
        """The tags a batch of items names, read in one query and those missing made in one INSERT,
        inside the batch's transaction before its items are written."""
        make_tags_ahead(names, self.known_tags)

    def _set_children(self, page, bylines, tags):
        if bylines is not None:
            page.bylines = [ArticleByline(author_id=pk, sort_order=i) for i, pk in enumerate(bylines)]
        if tags is None:
            return
        found = {tag.pk: tag for tag in ensure_tags(tags, self.known_tags)}  # two names may be one tag
        if page.pk is None:  # nothing to compare with: the rows taggit's set() would make, made directly
            page.tagged_items = [ArticleTag(tag=tag) for tag in found.values()]
        else:
            page.tags.set(list(found.values()))

    def _save_page(self, model, kind, page, item, fields, parent, disposition):
        fields, published_at, modified_at, bylines, tags, slug = _split_fields(fields)
        if page is None:
            page = model(**fields)
            page.slug = self._free(kind, parent, slug, None, item)
        else:
            for name, value in fields.items():
                setattr(page, name, value)
            if page.get_parent().pk != parent.pk:
                page.move(parent, pos="last-child")
                self.tree.forget(parent)
                page.refresh_from_db()
                for name, value in fields.items():
                    setattr(page, name, value)
            page.slug = self._free(kind, parent, slug, page.pk, item)
        self._set_children(page, bylines, tags)
        page.first_published_at = published_at if disposition != "draft" else page.first_published_at
        page.go_live_at = published_at if disposition == "schedule" else None
        # Saving writes these child rows and forgets them; kept, the revision need not read them back.
        children = {
            name: list(getattr(page, name).all())
            for name in ("bylines", "tagged_items")
            if (bylines if name == "bylines" else tags) is not None
        }
        if page.pk is None:
            page.live = False  # until _revise or the scheduler says otherwise
            self.tree.add_child(parent, page, slug_is_free=True)
            # Nothing can hang off a page made a moment ago: spare the revision two reads.
            page.wagtail_admin_comments = []
            if hasattr(page, "corrections"):
                page.corrections = []
        else:
            page.save()
        for name, rows in children.items():
            setattr(page, name, rows)
        if disposition == "schedule":
            page.save_revision(log_action=False, clean=False).publish(log_action=False)
        else:
            _revise(page, disposition == "publish", published_at, modified_at)
        return page

    def _free(self, kind, parent, slug, own_pk, item) -> str:
        free = self.mode.slugs.free(parent, slug, own_pk)
        if free != slug:
            self.report.add(kind, item.source_id, "changed", f"slug {slug!r} already used here; now {free!r}")
        return free


def _revise(page, publish, published_at, modified_at):
    """The page's latest revision, and for a published item its live state, in one write.

    What `save_revision()` followed by `revision.publish()` leaves behind, done directly: an import
    is not an editor pressing Publish, so the per-publish side effects (cache purges, analysis
    tasks) are not run 20,000 times, and the page row is written once instead of three times.
    """
    revision = Revision.objects.create(
        content_object=page,
        base_content_type=page.get_base_content_type(),
        content=page.serializable_data(),
        object_str=str(page),
    )
    changes = {
        "latest_revision": revision,
        "latest_revision_created_at": revision.created_at,
        **publication_state(page, publish, published_at, modified_at),
    }
    if publish:
        changes["live_revision"] = revision
    Page.objects.filter(pk=page.pk).update(**changes)  # all on the page table: no join through `model`
    for name, value in changes.items():
        setattr(page, name, value)


def _split_fields(fields: dict) -> tuple:
    """(model fields, published_at, modified_at, bylines, tags, slug) from an item's prepared fields."""
    fields = dict(fields)
    published_at, modified_at = fields.pop("published_at"), fields.pop("modified_at")
    return fields, published_at, modified_at, fields.pop("bylines", None), fields.pop("tags", None), fields.pop("slug")


def publication_state(page, publish: bool, published_at, modified_at) -> dict:
    """The page fields publishing sets (or, for a draft, leaves saying there is unpublished work),
    with the dates the source gives rather than the moment of the import."""
    changes = {"draft_title": page.title, "has_unpublished_changes": not publish}
    if publish:
        now = timezone.now()
        changes.update(
            live=True,
            go_live_at=None,
            expired=False,
            first_published_at=published_at or page.first_published_at or now,
            last_published_at=max(filter(None, [published_at, modified_at])) if published_at else now,
        )
    return changes
