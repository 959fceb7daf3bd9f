"""The WordPress import pipeline: WXR records → cleaned fields → pages, one transaction per item.

Two streaming passes over the export keep memory flat: the first writes authors, guest authors
and images (so posts can point at them whatever their order in the file), the second writes
posts and pages. Every decision that changes or drops something goes into the report.
"""

import logging
import re
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page

from newsdesk.importers import markup
from newsdesk.importers.batches import NewArticles
from newsdesk.importers.credits import split_credit
from newsdesk.importers.loaders import (
    AuthorWriter,
    ImageWriter,
    RedirectWriter,
    SectionWriter,
    TreeWriter,
    block_id,
    ensure_tags,
    image_block,
    fingerprint,
    free_slug,
    old_paths,
    remember,
)
from newsdesk.importers.models import ImportKind, ImportRecord
from newsdesk.importers.records import AuthorRecord, ItemRecord, TermRecord
from newsdesk.importers.wxr import ParseIssue, WXRReader, guest_author_record, is_guest_author
from newsdesk.sections.models import HomePage

STANDFIRST_MAX = 300
TITLE_MAX = 255
DEFAULT_SECTION = ("news", "News")
# Post types WordPress uses for its own machinery; they carry no journalism to move.
SYSTEM_TYPES = {
    "nav_menu_item": "menus are rebuilt in Newsdesk's navigation",
    "wp_navigation": "menus are rebuilt in Newsdesk's navigation",
    "wp_global_styles": "theme styles do not carry over",
    "wp_template": "theme templates do not carry over",
    "wp_template_part": "theme templates do not carry over",
    "custom_css": "theme styles do not carry over",
    "customize_changeset": "theme settings do not carry over",
    "oembed_cache": "embed caches are rebuilt on demand",
    "revision": "only the latest version of each post is imported",
    "wp_block": "reusable blocks are not imported",
    "user_request": "privacy requests are not content",
}
KIND_SLUGS = {"analysis": "analysis", "opinion": "opinion", "explainer": "explainer", "interview": "interview",
              "comment": "opinion", "op-ed": "opinion", "explainers": "explainer", "interviews": "interview"}
_PERCENT = re.compile(r"%[0-9a-fA-F]{2}")
# Items per transaction in the second pass. New articles in a batch are written together (see
# batches.py); a larger batch saves little more and holds more in memory and in a rolled-back retry.
BATCH_SIZE = 200
logger = logging.getLogger(__name__)


# Source statuses that are never imported (reported by _disposition).
SKIPPED_STATUSES = {"trash", "inherit", "auto-draft"}


class _DryRun(Exception):
    pass


class WordPressImport:
    """`WordPressImport(path, report=Report(...)).run()`; see the import-wordpress command for options."""

    def __init__(self, path, *, report, media_dir=None, status="as-source", section_map=None, dry_run=False,
                 progress=None, batch_size=BATCH_SIZE):
        self.path = Path(path)
        self.report = report
        self.media_dir = Path(media_dir) if media_dir else None
        self.status = status
        self.section_map = section_map or {}
        self.dry_run = dry_run
        self.progress = progress or (lambda position, total, stage: None)
        self.categories: dict[str, tuple[str, str]] = {}  # slug → (name, parent slug); a few hundred at most
        self.created_files: list[str] = []
        self.pending_parents: list[tuple[int, str]] = []
        self.batch_size = batch_size
        self.new_articles: NewArticles | None = None  # set while a batch is being imported
        self.batch_records: dict | None = None  # (kind, source id) → ImportRecord, for the batch's items
        self.batch_slugs: dict | None = None  # see _sections_and_slugs

    # -- the run ---------------------------------------------------------------------------

    def run(self):
        self.home = HomePage.objects.first()
        if self.home is None:
            raise RuntimeError("There is no home page to import under. Run `newsdesk migrate` first.")
        with bulk_writes():
            if not self.dry_run:
                self._passes()  # each item commits on its own: a stopped run keeps what it finished
                return self.report
            try:
                with transaction.atomic():
                    self._passes()
                    raise _DryRun
            except _DryRun:
                self._delete_created_files()
        return self.report

    def index_for_search(self, chunk_size=500) -> int:
        """Add every page this export's imports wrote to the search index; returns how many.

        The import itself leaves search indexing off (see `bulk_writes`); this does it afterwards in
        bulk, a chunk at a time, so memory stays flat. Run again, it refreshes the same entries.
        """
        from itertools import islice

        from modelsearch.backends import get_search_backends

        from newsdesk.articles.models import ArticlePage
        from newsdesk.sections.models import StandardPage

        indexed = 0
        for model, kind in ((ArticlePage, ImportKind.ARTICLE), (StandardPage, ImportKind.PAGE)):
            ids = ImportRecord.objects.of(self.source, kind).order_by("pk").values_list("object_id", flat=True).iterator()
            while chunk := list(islice(ids, chunk_size)):
                pages = model.get_indexed_objects().filter(pk__in=chunk)
                if model is ArticlePage:
                    pages = pages.prefetch_related("tags")  # its search fields read every page's tags
                pages = list(pages)
                for backend in get_search_backends():
                    backend.add_bulk(model, pages)
                indexed += len(pages)
        return indexed

    def _passes(self):
        reader = WXRReader(self.path)
        for record in reader.records():
            self._first_pass(record)
            self.progress(reader.position, reader.size, "authors and images")
        reader, batch = WXRReader(self.path), []
        for record in reader.records():
            if isinstance(record, ItemRecord):
                batch.append(record)
                if len(batch) >= self.batch_size:
                    self._import_batch(batch)
                    batch = []
                    self.progress(reader.position, reader.size, "posts and pages")
        self._import_batch(batch)
        self.progress(reader.position, reader.size, "posts and pages")
        self._settle_parents()

    def _import_batch(self, items):
        """The second pass over a batch of items: in one transaction when it can, else one by one.

        In one transaction, each item still gets its own savepoint, so an item that fails leaves
        nothing behind and the others go on; new articles are held back and written together at
        the end (see batches.py). If that final write fails, the whole batch is rolled back and
        imported again one item per transaction. A run stopped midway keeps every batch it finished.
        """
        from newsdesk.articles.models import ArticlePage

        ids = [item.source_id for item in items]
        if self.batch_size > 1 and len(ids) == len(set(ids)):  # a repeated id must see its first write
            self.batch_slugs = self._sections_and_slugs(items)
            try:
                with self.report.held(), transaction.atomic():
                    self.batch_records = {(r.kind, r.source_id): r for r in ImportRecord.objects.filter(
                        source=self.source, kind__in=[ImportKind.ARTICLE, ImportKind.PAGE], source_id__in=ids)}
                    self.new_articles = NewArticles(ArticlePage, tree=self.tree, redirects=self.redirects)
                    for item in items:
                        self._second_pass(item)
                    self.new_articles.write()
                return
            except (KeyboardInterrupt, SystemExit, _DryRun):
                raise
            except Exception:
                logger.warning("A batch of %d items could not be written together; importing them one by one",
                               len(items), exc_info=True)
            finally:
                self.new_articles = self.batch_records = self.batch_slugs = None
        for item in items:
            self._second_pass(item)

    def _sections_and_slugs(self, items) -> dict[str, tuple[set, set]]:
        """Before a batch: read which of its articles' slugs are taken in the sections that exist.

        Returns section path → (slugs asked about, slugs already used there): one read per section
        instead of one per article. A section the export brings for the first time is not made here
        but by its first article, inside that article's savepoint, so a section whose every article
        fails is taken back with them.
        """
        slugs_by_section = defaultdict(set)  # category (or mapped section) slug → article slugs
        for item in items:
            if item.post_type == "post" and item.status not in SKIPPED_STATUSES and not _broken(item):
                slugs_by_section[(self._section_wanted(item) or DEFAULT_SECTION)[0]].add(self._slug(item))
        known = {}
        for category, section in self.sections.existing(slugs_by_section).items():
            slugs = slugs_by_section[category]  # by category: the section's own slug may differ (`world-2`)
            taken = set(section.get_children().filter(slug__in=slugs).values_list("slug", flat=True))
            known[section.path] = (slugs, taken)
        return known

    def _first_pass(self, record):
        if hasattr(record, "wxr_version"):
            self.source = record.base_url or record.link or self.path.name
            self.authors = AuthorWriter(self.source, self.report)
            self.tree = TreeWriter()
            self.known_tags: dict = {}  # lower-cased name → Tag; bounded by the export's tag list
            self.sections = SectionWriter(self.source, self.report, self.home, self.tree)
            self.images = ImageWriter(self.source, self.report, self.created_files)
            self.redirects = RedirectWriter(self.report)
        elif isinstance(record, ParseIssue):
            where = f"line {record.line}" if record.line else "file"
            self.report.add("file", where, record.problem.action, record.problem.reason)
        elif isinstance(record, AuthorRecord):
            self._each("author", record.login, lambda: self.authors.write(record))
        elif isinstance(record, TermRecord) and record.taxonomy == "category" and record.slug:
            self.categories[record.slug] = (record.name or record.slug, record.parent_slug)
        elif isinstance(record, ItemRecord) and not _broken(record, self.report):
            if record.post_type == "attachment":
                self._each("image", record.source_id, lambda: self._attachment(record))
            elif is_guest_author(record):
                self._each("author", record.source_id, lambda: self.authors.write(guest_author_record(record)))

    def _second_pass(self, item: ItemRecord):
        if item.post_type in ("attachment",) or is_guest_author(item):
            return
        if any(p.action == "error" for p in item.problems):
            self.report.add(item.post_type or "item", item.source_id, "skipped",
                            "; ".join(p.reason for p in item.problems) + " — not imported, so nothing half-read is saved",
                            title=item.title)
            return
        if item.post_type == "post":
            self._each("article", item.source_id, lambda: self._post(item), title=item.title)
        elif item.post_type == "page":
            self._each("page", item.source_id, lambda: self._page(item), title=item.title)
        elif item.post_type in SYSTEM_TYPES:
            self.report.add(_label(item), item.source_id, "skipped", SYSTEM_TYPES[item.post_type], title=item.title)
        else:
            label = item.post_type or "(none)"
            self.report.add("item", item.source_id, "skipped", f"unknown post type {label!r}: not imported", title=item.title)

    def _each(self, kind, source_id, write, title=""):
        """One item, one transaction: it is written whole or not at all, and the run goes on.

        A failed item's report is its error alone: what it said before failing was rolled back too.
        """
        try:
            with self.report.held(), transaction.atomic():
                write()
        except (KeyboardInterrupt, SystemExit, _DryRun):
            raise
        except Exception as exc:  # one bad item must not stop the other 19,999
            self.report.add(kind, source_id, "error", f"not imported: {type(exc).__name__}: {exc}", title=title)

    def _delete_created_files(self):
        from django.core.files.storage import default_storage

        for name in self.created_files:
            default_storage.delete(name)

    # -- attachments -------------------------------------------------------------------------

    def _attachment(self, item: ItemRecord):
        from django.conf import settings

        relative = attachment_path(item)
        extension = Path(relative).suffix.lower().lstrip(".")
        if extension not in settings.WAGTAILIMAGES_EXTENSIONS:
            self.report.add("image", item.source_id, "skipped", f"{relative} is not an image we store ({extension or 'no extension'})")
            return
        if self.media_dir is None:
            self.report.add("image", item.source_id, "skipped", f"no --media-dir given, so {relative} was not read", title=item.title)
            return
        path = self.media_dir / relative
        if not path.is_file():
            self.report.add("image", item.source_id, "skipped", f"file {relative} is missing from {self.media_dir}", title=item.title)
            return
        caption, credit = split_credit(markup.plain_text(item.excerpt))
        fields = {
            "title": (item.title or path.stem)[:255],
            "alt_text": " ".join(item.meta.get("_wp_attachment_image_alt", "").split())[:250],
            "default_caption": caption,
            "credit": credit,
            "source_url": item.attachment_url[:200],
        }
        if credit:
            self.report.add("image", item.source_id, "changed", f"credit {credit!r} lifted from the caption")
        self.images.write(item.source_id, path, fields, markup.strip_size_suffix(item.attachment_url))

    # -- posts --------------------------------------------------------------------------------

    def _prepare(self, item: ItemRecord):
        """(disposition, common fields, body blocks) for a post or page; None when it is not imported."""
        disposition = self._disposition(item)
        if disposition is None:
            return None
        conversion = markup.convert(item.content)
        self._report_conversion(item, conversion)
        return disposition, self._common_fields(item), conversion.blocks

    def _post(self, item: ItemRecord):
        from newsdesk.articles.models import ArticlePage

        prepared = self._prepare(item)
        if prepared is None:
            return
        disposition, fields, blocks = prepared
        fields.update(
            standfirst=self._standfirst(item, blocks, fields["title"]),
            body=self._resolve_body(item, blocks),
            is_featured=item.is_sticky,
            kind=self._kind(item),
            hero_image_id=self._hero(item),
            bylines=self._bylines(item),
            tags=self._tags(item),
        )
        section = self._section(item)
        self._write(ArticlePage, ImportKind.ARTICLE, item, fields, section, disposition)

    def _page(self, item: ItemRecord):
        from newsdesk.sections.models import StandardPage

        prepared = self._prepare(item)
        if prepared is None:
            return
        disposition, fields, blocks = prepared
        fields["body"] = blocks_to_rich_text(self._resolve_body(item, blocks))
        parent = self.home
        if item.parent_id:
            parent_pk = ImportRecord.objects.object_id_for(self.source, ImportKind.PAGE, item.parent_id)
            if parent_pk:
                parent = Page.objects.get(pk=parent_pk).specific
            else:
                self.pending_parents.append((item.source_id, item.parent_id))
        self._write(StandardPage, ImportKind.PAGE, item, fields, parent, disposition)

    # -- per-field cleaning -----------------------------------------------------------------

    def _common_fields(self, item) -> dict:
        return {
            "title": self._title(item),
            "slug": self._slug(item),
            "search_description": markup.trim_words(item.meta.get("_yoast_wpseo_metadesc", ""), 255),
            "seo_title": markup.trim_words(item.meta.get("_yoast_wpseo_title", ""), 255),
            "published_at": item.published_at,
            "modified_at": item.modified_at,
        }

    def _title(self, item) -> str:
        title = " ".join(markup.plain_text(item.title).split()) if "<" in item.title else " ".join(item.title.split())
        if not title:
            text = markup.trim_words(markup.plain_text(markup.autop(item.content)), 80)
            title = text or f"Untitled {item.post_type} {item.source_id}"
            self.report.add(_label(item), item.source_id, "changed", f"had no title; titled {title!r}")
        if len(title) > TITLE_MAX:
            title = markup.trim_words(title, TITLE_MAX)
            self.report.add(_label(item), item.source_id, "changed", "title cut to 255 characters")
        return title

    def _slug(self, item) -> str:
        raw = unquote(item.slug) if _PERCENT.search(item.slug) else item.slug
        slug = slugify(raw, allow_unicode=True)[:255] or slugify(item.title, allow_unicode=True)[:80]
        return slug or f"{item.post_type}-{item.source_id}"

    def _standfirst(self, item, blocks, title) -> str:
        excerpt = markup.plain_text(item.excerpt) if item.excerpt else ""
        if excerpt:
            if len(excerpt) > STANDFIRST_MAX:
                self.report.add("article", item.source_id, "changed", "excerpt longer than 300 characters: cut at a word boundary")
            return markup.trim_words(excerpt, STANDFIRST_MAX)
        first = markup.first_paragraph_text(blocks)
        if first:
            self.report.add("article", item.source_id, "changed", "no excerpt: standfirst made from the first paragraph")
            return markup.trim_words(first, STANDFIRST_MAX)
        self.report.add("article", item.source_id, "warning", "no excerpt and no text: standfirst is the headline; write one")
        return markup.trim_words(title, STANDFIRST_MAX)

    def _kind(self, item) -> str:
        for slug in [slug for slug, _ in item.categories] + [slugify(t) for t in item.tags]:
            if slug in KIND_SLUGS:
                return KIND_SLUGS[slug]
        return "news"

    def _disposition(self, item) -> str | None:
        """publish, draft or schedule, from the source status and --status."""
        status, source_id, kind = item.status, item.source_id, _label(item)
        if status == "trash":  # see SKIPPED_STATUSES
            self.report.add(_label(item), source_id, "skipped", "in the WordPress trash")
            return None
        if status in ("inherit", "auto-draft"):
            self.report.add(kind, source_id, "skipped", f"status {status!r} is WordPress bookkeeping, not a post")
            return None
        if self.status == "draft":
            return "draft"
        if item.password:
            self.report.add(kind, source_id, "changed", "password-protected in WordPress: imported as a draft")
            return "draft"
        if status == "publish":
            return "publish"
        if status == "future":
            if item.published_at and item.published_at > timezone.now():
                return "schedule"
            self.report.add(kind, source_id, "changed", "was scheduled for a time already past: published")
            return "publish"
        if status == "private":
            self.report.add(kind, source_id, "changed", "private in WordPress: imported as a draft nobody outside can see")
        elif status not in ("draft", "pending"):
            self.report.add(kind, source_id, "changed", f"unknown status {status!r}: imported as a draft")
        return "draft"

    def _section(self, item):
        wanted = self._section_wanted(item)
        if wanted is None:
            self.report.add("article", item.source_id, "changed", f"no mapped category: placed in section {DEFAULT_SECTION[0]!r}")
            wanted = DEFAULT_SECTION
        return self.sections.section_for(*wanted)

    def _section_wanted(self, item) -> tuple[str, str] | None:
        """(slug, title) of the section an article belongs in; None when no category says."""
        slugs = [slug for slug, _ in item.categories]
        if self.section_map:
            mapped = [self.section_map[s] for s in slugs if s in self.section_map]
            if mapped:
                return mapped[0], self._category_name(mapped[0], mapped[0])
        elif slugs:
            top = self._top_category(slugs[0])
            return top, self._category_name(top, dict(item.categories).get(top, top))
        return None

    def _top_category(self, slug: str) -> str:
        seen = set()
        while slug in self.categories and self.categories[slug][1] and slug not in seen:
            seen.add(slug)
            slug = self.categories[slug][1]
        return slug

    def _category_name(self, slug, fallback) -> str:
        return self.categories.get(slug, (fallback or slug.replace("-", " ").title(), ""))[0]

    def _tags(self, item) -> list[str]:
        names = list(item.tags)
        section_slugs = set(self.section_map) if self.section_map else {self._top_category(s) for s, _ in item.categories[:1]}
        names.extend(name for slug, name in item.categories if slug not in section_slugs and name)
        clean = [" ".join(n.split())[:100] for n in names if n and n.strip()]
        return list(dict.fromkeys(clean))

    def _bylines(self, item) -> list[int]:
        logins = item.coauthors or ([item.creator] if item.creator else [])
        if not logins:
            self.report.add("article", item.source_id, "warning", "no author in the export: no byline; add one before publishing")
        pks = []
        for login in logins:
            pk = self.authors.find(login) or self.authors.find(login.removeprefix("cap-"))
            if pk is None:
                pk = self.authors.stand_in(login)
            if pk not in pks:
                pks.append(pk)
        return pks

    def _hero(self, item) -> int | None:
        thumbnail = item.meta.get("_thumbnail_id", "").strip()
        if not thumbnail:
            return None
        pk = self.images.find(thumbnail)
        if pk is None:
            self.report.add("article", item.source_id, "warning", f"featured image (attachment {thumbnail}) was not imported")
        return pk

    def _resolve_body(self, item, blocks) -> list[dict]:
        from newsdesk.images.models import NewsImage

        body = []
        for index, block in enumerate(blocks):
            if block["type"] == "image":
                ref = block["value"]
                pk = self.images.find(ref.attachment_id, markup.strip_size_suffix(ref.src))
                if pk is None:
                    self.report.add(_label(item), item.source_id, "warning",
                                    f"image {ref.src or 'attachment ' + ref.attachment_id} not imported: no attachment or file for it")
                    continue
                if ref.alt:
                    NewsImage.objects.filter(pk=pk, alt_text="").update(alt_text=ref.alt)
                if ref.credit:
                    NewsImage.objects.filter(pk=pk, credit="").update(credit=ref.credit[:120])
                    self.report.add(_label(item), item.source_id, "changed", f"credit {ref.credit!r} lifted from a caption")
                block = image_block(pk, ref)
            body.append({**block, "id": block_id(self.source, item.source_id, index)})
        return body

    def _report_conversion(self, item, conversion):
        for note in conversion.notes:
            self.report.add(_label(item), item.source_id, "changed", note)
        for name in dict.fromkeys(conversion.unknown_shortcodes):
            self.report.add(_label(item), item.source_id, "warning", f"unknown shortcode [{name}] kept as visible text")
        for problem in item.problems:
            self.report.add(_label(item), item.source_id, problem.action, problem.reason)
        if item.comment_count:
            self.report.add(_label(item), item.source_id, "skipped", f"{item.comment_count} comment(s) not imported")

    # -- writing -------------------------------------------------------------------------------

    def _write(self, model, kind, item, fields, parent, disposition):
        # The parent by its source id: a page whose parent came later in the file is moved at the end
        # of the run, and a re-run must still see it as unchanged.
        where = item.parent_id if kind == ImportKind.PAGE else parent.slug
        checksum = fingerprint({"fields": fields, "parent": where, "disposition": disposition})
        record = self._record(kind, item.source_id)
        page = model.objects.filter(pk=record.object_id).first() if record else None
        if page is not None and record.checksum == checksum:
            self.report.add(kind, item.source_id, "unchanged", title=page.title)
            return
        extra = [f"p={item.source_id}"] if kind == ImportKind.ARTICLE else [f"page_id={item.source_id}"]
        old_slugs = [s for s in item.meta.get("_wp_old_slug", "").split(",") if s] if "_wp_old_slug" in item.meta else []
        paths = old_paths(item.link, extra, old_slugs)
        if record is None and kind == ImportKind.ARTICLE and disposition != "schedule" and self.new_articles is not None:
            page = self._new_page(model, item, fields, parent, disposition)
            page.set_url_path(parent)
            new_path = "/" + page.url_path[len(self.home.url_path):]
            self.new_articles.add(page, parent, old_paths=paths, new_path=new_path, record=ImportRecord(
                source=self.source, kind=kind, source_id=str(item.source_id)[:255], checksum=checksum,
                guid=item.guid[:500], source_url=item.link[:1000]))
            self.report.add(kind, item.source_id, "created", disposition if disposition != "publish" else "",
                            title=page.title, target=new_path)
            return
        created = page is None
        page = self._save_page(model, page, item, fields, parent, disposition)
        new_path = "/" + page.url_path[len(self.home.url_path):]
        self.redirects.point(paths, page, item.source_id, new_path)
        remember(self.source, kind, item.source_id, page.pk, checksum=checksum, guid=item.guid, source_url=item.link,
                 new=record is None)
        self.report.add(kind, item.source_id, "created" if created else "updated",
                        f"{disposition}" if disposition != "publish" else "", title=page.title, target=new_path)

    def _record(self, kind, source_id) -> ImportRecord | None:
        if self.batch_records is not None:
            return self.batch_records.get((kind, str(source_id)))
        return ImportRecord.objects.of(self.source, kind).filter(source_id=source_id).first()

    def _new_page(self, model, item, fields, parent, disposition):
        """An unsaved page as `_save_page` would leave a new one, for NewArticles to write."""
        fields, published_at, modified_at, bylines, tags, slug = _split_fields(fields)
        page = model(**fields)
        page.slug = self._free(parent, slug, None, item)
        self._set_children(page, bylines, tags)
        page.live, page.first_published_at = False, None
        for name, value in publication_state(page, disposition == "publish", published_at, modified_at).items():
            setattr(page, name, value)
        return page

    def _set_children(self, page, bylines, tags):
        if bylines is not None:
            from newsdesk.articles.models import ArticleByline

            page.bylines = [ArticleByline(author_id=pk, sort_order=i) for i, pk in enumerate(bylines)]
        if tags is not None:
            page.tags.set(ensure_tags(tags, self.known_tags))

    def _save_page(self, model, page, item, fields, parent, disposition):
        fields, published_at, modified_at, bylines, tags, slug = _split_fields(fields)
        if page is None:
            page = model(**fields)
            page.slug = self._free(parent, slug, None, item)
        else:
            for name, value in fields.items():
                setattr(page, name, value)
            if page.get_parent().pk != parent.pk:
                page.move(parent, pos="last-child")
                self.tree.forget(parent)
                page.refresh_from_db()
                for name, value in fields.items():
                    setattr(page, name, value)
            page.slug = self._free(parent, slug, page.pk, item)
        self._set_children(page, bylines, tags)
        page.first_published_at = published_at if disposition != "draft" else page.first_published_at
        page.go_live_at = published_at if disposition == "schedule" else None
        # Saving writes these child rows and forgets them; kept, the revision need not read them back.
        children = {name: list(getattr(page, name).all()) for name in ("bylines", "tagged_items")
                    if (bylines if name == "bylines" else tags) is not None}
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

    def _free(self, parent, slug, own_pk, item) -> str:
        pending = self.new_articles.pending_slugs(parent) if self.new_articles is not None else frozenset()
        asked, taken = (self.batch_slugs or {}).get(parent.path, ((), ()))
        if own_pk is None and slug in asked and slug not in taken and slug not in pending:
            free = slug  # read before the batch began: nobody has it
        else:
            free = free_slug(parent, slug, own_pk, pending)
        if self.new_articles is not None:
            pending.add(free)  # written later in this batch, or already by an update within it
        if free != slug:
            self.report.add(_label(item), item.source_id, "changed", f"slug {slug!r} already used here; now {free!r}")
        return free

    def _settle_parents(self):
        """Pages whose parent came later in the file move under it now."""
        for source_id, parent_id in self.pending_parents:
            child_pk = ImportRecord.objects.object_id_for(self.source, ImportKind.PAGE, source_id)
            parent_pk = ImportRecord.objects.object_id_for(self.source, ImportKind.PAGE, parent_id)
            if child_pk and parent_pk:
                with transaction.atomic():
                    Page.objects.get(pk=child_pk).move(Page.objects.get(pk=parent_pk), pos="last-child")
            elif child_pk:
                self.report.add("page", source_id, "warning", f"parent page {parent_id} is not in the export: kept at the top")


def _revise(page, publish, published_at, modified_at):
    """The page's latest revision, and for a published item its live state, in one write.

    What `save_revision()` followed by `revision.publish()` leaves behind, done directly: an import
    is not an editor pressing Publish, so the per-publish side effects (cache purges, analysis
    tasks) are not run 20,000 times, and the page row is written once instead of three times.
    """
    from wagtail.models import Revision

    revision = Revision.objects.create(
        content_object=page, base_content_type=page.get_base_content_type(),
        content=page.serializable_data(), object_str=str(page),
    )
    changes = {"latest_revision": revision, "latest_revision_created_at": revision.created_at,
               **publication_state(page, publish, published_at, modified_at)}
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
            live=True, go_live_at=None, expired=False,
            first_published_at=published_at or page.first_published_at or now,
            last_published_at=max(filter(None, [published_at, modified_at])) if published_at else now,
        )
    return changes


@contextmanager
def bulk_writes():
    """Leave search indexing and the reference index until after the import.

    Both run on every save; for an import of thousands of pages they cost more than the import
    itself. The command then indexes what was imported for search in bulk
    (`WordPressImport.index_for_search`) and names `rebuild_references_index` for the rest.
    """
    from django.db.models.signals import post_save
    from modelsearch import index
    from modelsearch.signal_handlers import post_save_signal_handler
    from wagtail.signal_handlers import disable_reference_index_auto_update

    models = [m for m in index.get_indexed_models() if getattr(m, "search_auto_update", True)]
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)


def _broken(item, report=None) -> bool:
    errors = [p for p in item.problems if p.action == "error"]
    if errors and item.post_type == "attachment" and report is not None:
        report.add("image", item.source_id, "skipped", "; ".join(p.reason for p in errors))
    return bool(errors)


def attachment_path(item: ItemRecord) -> str:
    """Where the file sits under wp-content/uploads: `_wp_attached_file`, else from its URL."""
    attached = item.meta.get("_wp_attached_file", "").strip()
    if attached:
        return attached.lstrip("/")
    path = unquote(urlsplit(item.attachment_url or item.guid).path)
    if "/uploads/" in path:
        return path.split("/uploads/", 1)[1]
    return path.lstrip("/")


def blocks_to_rich_text(blocks: list[dict]) -> str:
    """A plain page's body as Wagtail rich text (pages have no blocks)."""
    import html

    parts = []
    for block in blocks:
        kind, value = block["type"], block["value"]
        if kind == "paragraph":
            parts.append(value)
        elif kind == "heading":
            parts.append(f"<{value['level']}>{html.escape(value['text'])}</{value['level']}>")
        elif kind in ("quote", "pull_quote"):
            who = f" \u2014 {html.escape(value['attribution'])}" if value.get("attribution") else ""
            parts.append(f"<p><i>\u201c{html.escape(value['text'])}\u201d</i>{who}</p>")
        elif kind == "image":
            alt = html.escape(value.get("caption") or "")
            parts.append(f'<embed embedtype="image" id="{value["image"]}" format="fullwidth" alt="{alt}"/>')
        elif kind == "embed":
            parts.append(f'<embed embedtype="media" url="{html.escape(value["embed"])}"/>')
        elif kind == "table":
            for row in value["table"]["data"]:
                parts.append("<p>" + " | ".join(html.escape(cell) for cell in row) + "</p>")
    return "".join(parts)


def read_section_map(path) -> dict[str, str]:
    """`category-slug,section-slug` per line (CSV) or a JSON object of the same."""
    import csv
    import json

    path = Path(path)
    text = path.read_text(encoding="utf-8")
    if path.suffix.lower() == ".json":
        data = json.loads(text)
        return {str(k).strip(): str(v).strip() for k, v in data.items()}
    rows = csv.reader(line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#"))
    return {row[0].strip(): row[1].strip() for row in rows if len(row) >= 2 and row[0].strip() != "category"}



def _label(item: ItemRecord) -> str:
    """What an item is called in the report: posts become articles here."""
    return "article" if item.post_type == "post" else item.post_type or "item"
