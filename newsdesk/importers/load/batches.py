"""New articles written a batch at a time, and the two ways an import writes: `SingleWriter`, one
item per transaction, and `BatchWriter`, many.

A first import creates thousands of articles. Saved one at a time through Wagtail, each costs
some twenty round trips through the ORM (page and article rows, bylines, tags one by one, a
revision, a history entry, the import record, redirects, the parent's child count), and the ORM's
own work per query, not the database, is most of an import's time. Here each table gets one
INSERT per batch instead.

The rows written are the ones Wagtail writes when a page is added and published or saved as a
draft: the page in its tree place, its latest (and live) revision, and a "created" history entry.
Anything else — an update, a scheduled item, a plain page — goes through the one-at-a-time path.
The caller holds the batch in one transaction; when writing it fails, the caller rolls the whole
batch back and imports the same items one at a time, so a bad item is reported on its own.
"""

from collections import Counter, defaultdict
from contextlib import contextmanager
from dataclasses import dataclass

import psycopg
from django.contrib.contenttypes.models import ContentType
from django.db import DatabaseError, connections, router
from django.db.models import CharField, F, OuterRef, Subquery
from django.db.models.functions import Cast
from django.db.models.sql import InsertQuery
from django.db.models.sql.compiler import SQLInsertCompiler
from django.utils import timezone
from modelcluster.models import get_all_child_relations
from wagtail.log_actions import get_active_log_context
from wagtail.models import Page, PageLogEntry, Revision

from newsdesk.articles.models import ArticlePage
from newsdesk.editorial.sanitise import clean_instance
from newsdesk.importers.load.slugs import SlugAllocator
from newsdesk.importers.models import ImportKind, ImportRecord


@dataclass
class _Entry:
    page: Page
    parent: Page
    record: ImportRecord
    old_paths: list[str]
    new_path: str


class NewArticles:
    """Collects unsaved pages of one type (with their bylines and tags in memory), then writes them."""

    def __init__(self, model, *, tree, redirects):
        self.model, self.tree, self.redirects = model, tree, redirects
        self.entries: list[_Entry] = []
        self._slugs: dict[str, set[str]] = defaultdict(set)  # parent path → slugs handed out here

    def pending_slugs(self, parent: Page) -> set[str]:
        """Slugs under `parent` that pages of this batch have, written or not yet."""
        return self._slugs[parent.path]

    def add(self, page: Page, parent: Page, *, record: ImportRecord, old_paths: list[str], new_path: str):
        """`page` has its fields, slug (free under `parent`), live state and in-memory children set."""
        if type(page) is not self.model:
            raise TypeError(f"this batch writes {self.model.__name__} pages, not {type(page).__name__}")
        held = getattr(page, "_cluster_related_objects", {})
        for relation in get_all_child_relations(type(page)):
            if relation.get_accessor_name() not in held:  # nothing hangs off a new page: say so, spare the reads
                setattr(page, relation.get_accessor_name(), [])
        self.tree.place(parent, page)
        page.set_url_path(parent)
        page._set_core_field_defaults()
        page.title = page._meta.get_field("title").clean(page.title, page)
        # What the pre_save hook does for every save, which bulk writes skip; on the body's data, so the
        # images it shows are not read back from the database to be cleaned.
        clean_instance(page, streams_as_data=True)
        self._slugs[parent.path].add(page.slug)
        self.entries.append(_Entry(page, parent, record, old_paths, new_path))

    def write(self) -> None:
        if not self.entries:
            return
        pages, model = [entry.page for entry in self.entries], self.model
        # Django's bulk_create refuses a model with a parent table, so the page rows go in as
        # Page rows (which hands back their ids) and the article rows are added beside them.
        insert_rows(Page, pages, _without_auto_pk(Page), returning_pk=True)
        for page in pages:
            setattr(page, model._meta.pk.attname, page.id)
        insert_rows(model, pages, model._meta.local_concrete_fields)
        self._write_children(pages)
        self._write_revisions(pages)
        self._write_history(pages)
        for entry in self.entries:
            entry.record.object_id = entry.page.pk
        bulk_insert(ImportRecord, [entry.record for entry in self.entries])
        self.redirects.point_many(
            [(entry.old_paths, entry.page, entry.record.source_id, entry.new_path) for entry in self.entries]
        )
        added = Counter(entry.parent.pk for entry in self.entries)
        for parent in {entry.parent.pk: entry.parent for entry in self.entries}.values():
            Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + added[parent.pk])
            parent.numchild += added[parent.pk]

    def _write_children(self, pages):
        """The child rows (bylines, tags…) each page holds in memory, as modelcluster would save them."""
        for relation in get_all_child_relations(self.model):
            name, rows = relation.get_accessor_name(), []
            for page in pages:
                for row in getattr(page, name).all():
                    setattr(row, relation.field.attname, page.pk)
                    rows.append(row)
            if rows:
                bulk_insert(relation.related_model, rows)  # with their ids: the revisions hold them

    def _write_revisions(self, pages):
        page_type, now = ContentType.objects.get_for_model(Page), timezone.now()
        revisions = [
            Revision(
                content_object=page,
                base_content_type=page_type,
                content=page.serializable_data(),
                object_str=str(page),
                created_at=now,
            )
            for page in pages
        ]
        insert_rows(Revision, revisions, _without_auto_pk(Revision), returning_pk=True)
        for page, revision in zip(pages, revisions, strict=True):
            page.latest_revision_id, page.latest_revision_created_at = revision.pk, now
            if page.live:
                page.live_revision_id = revision.pk
        # Two UPDATEs for the whole batch: each page's newest revision is the one just written.
        newest = (
            Revision.objects.filter(base_content_type=page_type, object_id=Cast(OuterRef("pk"), CharField()))
            .order_by("-pk")
            .values("pk")[:1]
        )
        Page.objects.filter(pk__in=[page.pk for page in pages]).update(
            latest_revision_id=Subquery(newest), latest_revision_created_at=now
        )
        Page.objects.filter(pk__in=[page.pk for page in pages if page.live]).update(live_revision_id=Subquery(newest))

    def _write_history(self, pages):
        """The "created" entry Page.save writes for a new page, so the page's history starts where it did."""
        now, context = timezone.now(), get_active_log_context()
        page_type = ContentType.objects.get_for_model(self.model, for_concrete_model=False)
        bulk_insert(
            PageLogEntry,
            [
                PageLogEntry(
                    content_type=page_type,
                    label=page.get_admin_display_title(),
                    action="wagtail.create",
                    timestamp=now,
                    data={},
                    page_id=page.pk,
                    user=context.user,
                    uuid=context.uuid,
                    content_changed=True,
                )
                for page in pages
            ],
        )


def insert_rows(model, objs, fields, *, returning_pk=False) -> None:
    """INSERT `fields` of `objs` into `model`'s own table, in as few statements as the database allows.

    As VALUES lists, never as PostgreSQL UNNEST arrays (what Django's bulk_create sends there): psycopg
    quotes each element of an array in Python, and for a batch of 10 KB bodies and their revisions
    that took longer than the INSERT itself. `returning_pk`: each new row's id is set on its object,
    as bulk_create does.
    """
    alias = router.db_for_write(model)
    connection = connections[alias]
    # A field with a placeholder of its own, or a database default (sent as DEFAULT), needs the compiler.
    plain = not any(hasattr(field, "get_placeholder") or field.has_db_default() for field in fields)
    returns = connection.vendor == "postgresql" or connection.features.can_return_rows_from_bulk_insert
    if plain and (returns or not returning_pk):
        _insert_plain(connection, model, objs, fields, returning_pk)
    else:
        size = max(connection.ops.bulk_batch_size(fields, objs), 1)
        for start in range(0, len(objs), size):
            chunk = objs[start : start + size]
            query = InsertQuery(model)
            query.insert_values(fields, chunk)
            # The generic compiler, not the backend's: on PostgreSQL that one is the UNNEST one.
            rows = SQLInsertCompiler(query, connection, alias).execute_sql([model._meta.pk] if returning_pk else None)
            _set_pks(model, chunk, rows if returning_pk else [])
    for obj in objs:
        obj._state.adding, obj._state.db = False, alias


# The most parameters one PostgreSQL statement can carry (the protocol counts them in 16 bits).
_POSTGRES_MAX_PARAMS = 65535


def bulk_insert(model, objs) -> None:
    """What `model.objects.bulk_create(objs)` does for new rows of a model without a parent table (each
    object's related ids taken from the objects it was given, its id set after), through `insert_rows`."""
    for obj in objs:
        obj._prepare_related_fields_for_save(operation_name="bulk_create")
    if objs:
        insert_rows(model, objs, _without_auto_pk(model), returning_pk=True)


def _insert_plain(connection, model, objs, fields, returning_pk: bool) -> None:
    """The INSERT Django's compiler would write, built and sent more directly.

    Each value is what the compiler would send (the field's `pre_save`, then `get_db_prep_save`),
    without its per-value checks for expressions and placeholders, which the rows of a batch (plain
    values, no field with a placeholder or database default of its own) do not need: for a batch of
    pages they cost more than the INSERT.

    On PostgreSQL the statement is numbered (`$1, $2…`) and sent apart from its parameters through a
    raw psycopg cursor on Django's connection (so in the same transaction): psycopg would otherwise
    scan a statement of thousands of `%s` in Python to number them, and Django's own cursor would
    quote each 10 KB body and revision into the statement text. On SQLite, Django's cursor binds them.
    """
    quote = connection.ops.quote_name
    head = f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(quote(field.column) for field in fields)}) VALUES "
    tail = f" RETURNING {quote(model._meta.pk.column)}" if returning_pk else ""
    prepare = [(field.pre_save, field.get_db_prep_save) for field in fields]
    connection.ensure_connection()
    if connection.vendor == "postgresql":
        size = max(min(len(objs), _POSTGRES_MAX_PARAMS // max(len(fields), 1)), 1)
        cursor = psycopg.RawCursor(connection.connection)
    else:
        size = max(connection.ops.bulk_batch_size(fields, objs), 1)
        cursor = connection.cursor()
    with cursor:
        for start in range(0, len(objs), size):
            chunk = objs[start : start + size]
            params = [prep_save(pre_save(obj, True), connection) for obj in chunk for pre_save, prep_save in prepare]
            if connection.vendor == "postgresql":
                numbers = iter(range(1, len(params) + 1))
                rows = ", ".join("(" + ", ".join(f"${next(numbers)}" for _ in fields) + ")" for _ in chunk)
            else:
                row = "(" + ", ".join("%s" for _ in fields) + ")"
                rows = ", ".join(row for _ in chunk)
            cursor.execute(head + rows + tail, params)
            _set_pks(model, chunk, cursor.fetchall() if returning_pk else [])


@contextmanager
def fast_compression(alias: str = "default"):
    """On PostgreSQL 14 or later built with LZ4: what this connection writes is compressed with LZ4.

    A post's body and its revision are each some 10 KB of JSON, stored compressed out of line; with
    PostgreSQL's default (pglz) that compression was the server's largest share of an import. LZ4
    does it two to three times faster, for values about a fifth larger. Rows read the same whichever
    way they were compressed, and later saves use the server's default again.
    """
    connection = connections[alias]
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT enumvals FROM pg_settings WHERE name = 'default_toast_compression'")
        row = cursor.fetchone()
        offered = bool(row) and "lz4" in (row[0] or [])
        if offered:
            cursor.execute("SET default_toast_compression = 'lz4'")
    try:
        yield
    finally:
        if offered:
            try:
                with connection.cursor() as cursor:
                    cursor.execute("RESET default_toast_compression")
            except DatabaseError:  # a broken connection is closed anyway; one in a failed transaction too
                pass


def _set_pks(model, objs, rows) -> None:
    # By the attribute of `model`'s own key: `obj.pk = …` on an ArticlePage written as a Page row
    # would set its page_ptr_id and leave `id` empty.
    for obj, row in zip(objs, rows, strict=False):
        setattr(obj, model._meta.pk.attname, row[0])


def _without_auto_pk(model) -> list:
    return [field for field in model._meta.local_concrete_fields if not (field.primary_key and field.auto_created)]


# -- write modes ---------------------------------------------------------------------------------


class SingleWriter:
    """One item per transaction: every page is saved as it comes, every lookup reads the database."""

    holds_new_articles = False

    def __init__(self, source: str):
        self.source = source
        self.slugs = SlugAllocator()

    def record(self, kind, source_id) -> ImportRecord | None:
        return ImportRecord.objects.of(self.source, kind).filter(source_id=source_id).first()

    def title_of(self, model, pk) -> str | None:
        """The title of the `model` page `pk`; None when there is no such page."""
        return model.objects.filter(pk=pk).values_list("title", flat=True).first()

    def hold(self, page, parent, **entry):
        raise TypeError("one item at a time: pages are saved as they come, not held")

    def finish(self) -> None:
        """Nothing is held back."""


class BatchWriter:
    """A batch of items in one transaction: their import records read at once, new articles held
    and written together by `finish` (see `NewArticles`), slugs read ahead per section.

    Made inside the batch's transaction, so what it reads is what the batch writes over.
    """

    holds_new_articles = True

    def __init__(self, source: str, source_ids, *, tree, redirects, slugs_wanted: dict, sections: dict):
        self.records = {
            (r.kind, r.source_id): r
            for r in ImportRecord.objects.filter(
                source=source, kind__in=[ImportKind.ARTICLE, ImportKind.PAGE], source_id__in=source_ids
            )
        }
        # The pages those records point at, by type, so an unchanged item costs no query of its own.
        self.titles = defaultdict(dict)
        pages = Page.objects.filter(pk__in=[r.object_id for r in self.records.values()])
        for pk, title, content_type in pages.values_list("pk", "title", "content_type"):
            self.titles[content_type][pk] = title
        self.new_articles = NewArticles(ArticlePage, tree=tree, redirects=redirects)
        self.slugs = SlugAllocator.read_ahead(slugs_wanted, sections, pending=self.new_articles.pending_slugs)

    def record(self, kind, source_id) -> ImportRecord | None:
        return self.records.get((kind, str(source_id)))

    def title_of(self, model, pk) -> str | None:
        content_type = ContentType.objects.get_for_model(model)  # cached by Django after the first call
        return self.titles[content_type.pk].get(pk)

    def hold(self, page, parent, **entry):
        self.new_articles.add(page, parent, **entry)

    def finish(self) -> None:
        self.new_articles.write()
