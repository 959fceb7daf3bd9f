"""The WordPress import pipeline: WXR records → cleaned fields → pages, one transaction per item.

Two streaming passes over the export keep memory flat: the first writes authors, guest authors
and images (so posts can point at them whatever their order in the file), the second writes
posts and pages. Every decision that changes or drops something goes into the report.
"""

import csv
import html
import json
import logging
from collections import defaultdict
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from newsdesk.articles.models import ArticlePage
from newsdesk.editorial.sanitise import known_clean
from newsdesk.importers import head_start
from newsdesk.importers.load.authors import AuthorWriter
from newsdesk.importers.load.batches import BatchWriter, SingleWriter, fast_compression
from newsdesk.importers.load.dry_run import DryRun, KeptRun
from newsdesk.importers.load.images import ImageWriter, image_block
from newsdesk.importers.load.import_records import block_id, item_written
from newsdesk.importers.load.pages import PageWriter
from newsdesk.importers.load.redirects import RedirectWriter
from newsdesk.importers.load.search import bulk_writes
from newsdesk.importers.load.sections import SectionWriter, import_root
from newsdesk.importers.load.tree import TreeWriter
from newsdesk.importers.models import ImportKind
from newsdesk.importers.read import markup
from newsdesk.importers.read.credits import split_credit
from newsdesk.importers.read.files import resolves_inside
from newsdesk.importers.read.records import AuthorRecord, ItemRecord, TermRecord
from newsdesk.importers.read.wxr import ParseIssue, decoded_slug, guest_author_record, is_guest_author
from newsdesk.sections.models import StandardPage

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
KIND_SLUGS = {
    "analysis": "analysis",
    "opinion": "opinion",
    "explainer": "explainer",
    "interview": "interview",
    "comment": "opinion",
    "op-ed": "opinion",
    "explainers": "explainer",
    "interviews": "interview",
}
UPLOADS = "/wp-content/uploads/"
# Items per transaction in the second pass. New articles in a batch are written together (see
# batches.py); a larger batch saves little more and holds more in memory and in a rolled-back retry.
BATCH_SIZE = 200
logger = logging.getLogger(__name__)


# Source statuses that are never imported (reported by _disposition).
SKIPPED_STATUSES = {"trash", "inherit", "auto-draft"}


class WordPressImport:
    """`WordPressImport(path, report=Report(...)).run()`; see the import-wordpress command for options.

    The passes and the per-field cleaning live here; the collaborators in `load` write: authors,
    sections, images, pages (through a `SingleWriter` or a `BatchWriter`), redirects. A dry run is
    a `DryRun` that undoes all of it.
    """

    def __init__(
        self,
        path,
        *,
        report,
        media_dir=None,
        status="as-source",
        section_map=None,
        dry_run=False,
        progress=None,
        batch_size=BATCH_SIZE,
    ):
        self.path = Path(path)
        self.report = report
        self.media_dir = Path(media_dir) if media_dir else None
        self.status = status
        self.section_map = section_map or {}
        self.run_mode = DryRun() if dry_run else KeptRun()
        self.progress = progress or (lambda position, total, stage: None)
        self.categories: dict[str, tuple[str, str]] = {}  # slug → (name, parent slug); a few hundred at most
        self.pending_parents: list[tuple[int, str]] = []
        self.batch_size = batch_size
        self.pages = None  # the writers are made when the export's channel is read
        self._item_savepoints = True  # see `_together`
        self._hold_new_images = False  # in a group of the first pass: new images are saved together
        # Told (source, WordPress ids) after each batch of the second pass is committed (load/alongside.py).
        self.batch_committed = None

    # -- the run ---------------------------------------------------------------------------

    def run(self):
        self.home = import_root()
        if self.home is None:
            raise RuntimeError("There is no home page to import under. Run `newsdesk migrate` first.")
        with bulk_writes(), fast_compression(), self.run_mode.scope():
            self._passes()
        return self.report

    def _passes(self):
        with head_start.claim(self.path) as reader:
            # Started first, the child reading the export converts posts while images are stored.
            reader.start()
            group = []
            for record in reader.first_pass():
                group.append(record)
                if len(group) >= self.batch_size:
                    self._first_pass_group(group)
                    group = []
                    self.progress(reader.position, reader.size, "authors and images")
            self._first_pass_group(group)
            self.progress(reader.position, reader.size, "authors and images")
            batch = []
            for record in reader.records():
                if isinstance(record, ItemRecord):
                    batch.append(record)
                    if len(batch) >= self.batch_size:
                        self._import_batch(batch)
                        self._committed(batch)
                        batch = []
                        self.progress(reader.position, reader.size, "posts and pages")
            self._import_batch(batch)
            self._committed(batch)
            self.progress(reader.position, reader.size, "posts and pages")
        self.pages.settle_parents(self.pending_parents)

    def _committed(self, items):
        # Committed only outside any transaction (a dry run holds one, and so does a test).
        if self.batch_committed is not None and items and not transaction.get_connection().in_atomic_block:
            self.batch_committed(self.source, [item.source_id for item in items])

    def _import_batch(self, items):
        """The second pass over a batch of items: in one transaction when it can, else one by one.

        New articles are held back and written together at the end (see `BatchWriter`). If that
        final write fails, the whole batch is rolled back and imported again one item per
        transaction. A run stopped midway keeps every batch it finished.
        """
        ids = [item.source_id for item in items]
        if self.batch_size > 1 and len(ids) == len(set(ids)):  # a repeated id must see its first write
            wanted = self._article_slugs_by_category(items)
            sections = self.sections.existing(wanted)
            tags = [name for item in items if self._written_post(item) for name in self._tags(item)]

            def write():
                self.pages.make_tags_ahead(tags)
                self.pages.mode = BatchWriter(
                    self.source, ids, tree=self.tree, redirects=self.redirects, slugs_wanted=wanted, sections=sections
                )
                for item in items:
                    self._second_pass(item)
                self.pages.mode.finish()

            try:
                if self._together(f"A batch of {len(items)} items", write):
                    return
            finally:
                self.pages.mode = SingleWriter(self.source)
        for item in items:
            self._second_pass(item)

    def _first_pass_group(self, records):
        """The first pass over a group of records (authors, images), in one transaction when it can
        (one commit instead of one per image), else one item per transaction."""
        if self.batch_size > 1 and len(records) > 1:

            def write():
                self._hold_new_images = True
                try:
                    for record in records:
                        self._first_pass(record)
                finally:
                    self._hold_new_images = False
                if self.pages is not None:  # the export's channel has been read: there are writers
                    self.images.write_held()

            if self._together(f"A group of {len(records)} authors and images", write):
                return
        for record in records:
            self._first_pass(record)

    def _together(self, what: str, write) -> bool:
        """`write()` (a batch or group of items, each through `_each`) in one transaction; False when
        it could not be written so, and has been rolled back for the caller to write one by one.

        First with no savepoint per item: two statements fewer each, and an item that fails dooms the
        transaction, which is rolled back and written again with a savepoint per item, so that item
        leaves nothing behind and the others go on.
        """
        files = len(self.run_mode.created_files)
        try:
            for savepoints in (False, True):
                self._item_savepoints = savepoints
                try:
                    with self.report.held(), transaction.atomic():
                        write()
                    return True
                except _ItemFailed:
                    self._rolled_back(files)
        except (KeyboardInterrupt, SystemExit):
            raise
        except Exception:
            logger.warning("%s could not be written together; importing them one by one", what, exc_info=True)
            self._rolled_back(files)
        finally:
            self._item_savepoints = True
        return False

    def _rolled_back(self, files: int):
        """After a batch or group was rolled back: what its items made, and writers cached, is gone,
        and so are the image files it stored (those past the first `files` of the run)."""
        for name in self.run_mode.created_files[files:]:
            default_storage.delete(name)
        del self.run_mode.created_files[files:]
        if self.pages is None:  # the export's channel was not read yet: nothing was written
            return
        for writer in (self.images, self.authors, self.sections, self.pages):
            writer.forget_uncommitted()

    @staticmethod
    def _written_post(item) -> bool:
        """Whether the second pass writes `item` as an article (it may still fail)."""
        return item.post_type == "post" and item.status not in SKIPPED_STATUSES and not _broken(item)

    def _article_slugs_by_category(self, items) -> dict[str, set[str]]:
        """Category (or mapped section) slug → the slugs its new articles in `items` ask for.

        Sections the export brings for the first time are not made here but by their first
        article, inside that article's savepoint, so a section whose every article fails is taken
        back with them.
        """
        slugs_by_section = defaultdict(set)
        for item in items:
            if self._written_post(item):
                slugs_by_section[(self._section_wanted(item) or DEFAULT_SECTION)[0]].add(self._slug(item))
        return slugs_by_section

    def _first_pass(self, record):
        if hasattr(record, "wxr_version"):
            self.source = record.base_url or record.link or self.path.name
            self.authors = AuthorWriter(self.source, self.report)
            self.tree = TreeWriter()
            self.sections = SectionWriter(self.source, self.report, self.home, self.tree)
            self.images = ImageWriter(self.source, self.report, self.run_mode.created_files)
            self.redirects = RedirectWriter(self.report)
            self.pages = PageWriter(self.source, self.report, self.home, tree=self.tree, redirects=self.redirects)
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
            self.report.add(
                item.post_type or "item",
                item.source_id,
                "skipped",
                "; ".join(p.reason for p in item.problems) + " — not imported, so nothing half-read is saved",
                title=item.title,
            )
            return
        if item.post_type == "post":
            self._each("article", item.source_id, lambda: self._post(item), title=item.title)
        elif item.post_type == "page":
            self._each("page", item.source_id, lambda: self._page(item), title=item.title)
        elif item.post_type in SYSTEM_TYPES:
            self.report.add(_label(item), item.source_id, "skipped", SYSTEM_TYPES[item.post_type], title=item.title)
        else:
            label = item.post_type or "(none)"
            self.report.add(
                "item", item.source_id, "skipped", f"unknown post type {label!r}: not imported", title=item.title
            )

    def _each(self, kind, source_id, write, title=""):
        """One item, one transaction: it is written whole or not at all, and the run goes on.

        A failed item's report is its error alone: what it said before failing was rolled back too.
        """
        savepoint = self._item_savepoints
        try:
            with self.report.held(), item_written(), transaction.atomic(savepoint=savepoint):
                write()
        except (KeyboardInterrupt, SystemExit):
            raise
        except Exception as exc:  # one bad item must not stop the other 19,999
            if not savepoint:  # what it wrote cannot be taken back alone: the batch is written again
                raise _ItemFailed from exc
            if images := getattr(self, "images", None):  # none before the export's channel is read
                images.forget_filled()  # what the item wrote to images was rolled back with it
            self.report.add(kind, source_id, "error", f"not imported: {type(exc).__name__}: {exc}", title=title)

    # -- attachments -------------------------------------------------------------------------

    def _attachment(self, item: ItemRecord):
        relative = attachment_path(item)
        extension = Path(relative).suffix.lower().lstrip(".")
        if extension not in settings.WAGTAILIMAGES_EXTENSIONS:
            self.report.add(
                "image",
                item.source_id,
                "skipped",
                f"{relative} is not an image we store ({extension or 'no extension'})",
            )
            return
        if self.media_dir is None:
            self.report.add(
                "image",
                item.source_id,
                "skipped",
                f"no --media-dir given, so {relative} was not read",
                title=item.title,
            )
            return
        path = self.media_dir / relative
        if not resolves_inside(self.media_dir, path):
            self.report.add(
                "image",
                item.source_id,
                "skipped",
                f"{relative} lies outside {self.media_dir}: refused, nothing was read",
                title=item.title,
            )
            return
        if not path.is_file():
            self.report.add(
                "image",
                item.source_id,
                "skipped",
                f"file {relative} is missing from {self.media_dir}",
                title=item.title,
            )
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
        self.images.write(
            item.source_id, path, fields, markup.strip_size_suffix(item.attachment_url), hold=self._hold_new_images
        )

    # -- posts --------------------------------------------------------------------------------

    def _prepare(self, item: ItemRecord):
        """(disposition, common fields, body blocks) for a post or page; None when it is not imported."""
        disposition = self._disposition(item)
        if disposition is None:
            return None
        conversion = item.converted or markup.convert(item.content)
        self._report_conversion(item, conversion)
        return disposition, self._common_fields(item), conversion.blocks

    def _post(self, item: ItemRecord):
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
        # Paragraphs the reading process cleaned are not cleaned again when the page is saved.
        with known_clean(item.converted.sanitised_paragraphs() if item.converted else ()):
            self.pages.write(ArticlePage, ImportKind.ARTICLE, item, fields, section, disposition)

    def _page(self, item: ItemRecord):
        prepared = self._prepare(item)
        if prepared is None:
            return
        disposition, fields, blocks = prepared
        fields["body"] = blocks_to_rich_text(self._resolve_body(item, blocks))
        parent = self.home
        if item.parent_id:
            parent = self.pages.imported_page(ImportKind.PAGE, item.parent_id)
            if parent is None:
                parent = self.home
                self.pending_parents.append((item.source_id, item.parent_id))
        self.pages.write(StandardPage, ImportKind.PAGE, item, fields, parent, disposition)

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
        slug = (
            slugify(decoded_slug(item.slug), allow_unicode=True)[:255] or slugify(item.title, allow_unicode=True)[:80]
        )
        return slug or f"{item.post_type}-{item.source_id}"

    def _standfirst(self, item, blocks, title) -> str:
        excerpt = markup.plain_text(item.excerpt) if item.excerpt else ""
        if excerpt:
            if len(excerpt) > STANDFIRST_MAX:
                self.report.add(
                    "article", item.source_id, "changed", "excerpt longer than 300 characters: cut at a word boundary"
                )
            return markup.trim_words(excerpt, STANDFIRST_MAX)
        first = markup.first_paragraph_text(blocks)
        if first:
            self.report.add(
                "article", item.source_id, "changed", "no excerpt: standfirst made from the first paragraph"
            )
            return markup.trim_words(first, STANDFIRST_MAX)
        self.report.add(
            "article", item.source_id, "warning", "no excerpt and no text: standfirst is the headline; write one"
        )
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
            self.report.add(
                kind, source_id, "changed", "private in WordPress: imported as a draft nobody outside can see"
            )
        elif status not in ("draft", "pending"):
            self.report.add(kind, source_id, "changed", f"unknown status {status!r}: imported as a draft")
        return "draft"

    def _section(self, item):
        wanted = self._section_wanted(item)
        if wanted is None:
            self.report.add(
                "article", item.source_id, "changed", f"no mapped category: placed in section {DEFAULT_SECTION[0]!r}"
            )
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
        section_slugs = (
            set(self.section_map) if self.section_map else {self._top_category(s) for s, _ in item.categories[:1]}
        )
        names.extend(name for slug, name in item.categories if slug not in section_slugs and name)
        clean = [" ".join(n.split())[:100] for n in names if n and n.strip()]
        return list(dict.fromkeys(clean))

    def _bylines(self, item) -> list[int]:
        logins = item.coauthors or ([item.creator] if item.creator else [])
        if not logins:
            self.report.add(
                "article", item.source_id, "warning", "no author in the export: no byline; add one before publishing"
            )
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
            self.report.add(
                "article", item.source_id, "warning", f"featured image (attachment {thumbnail}) was not imported"
            )
        return pk

    def _resolve_body(self, item, blocks) -> list[dict]:
        body = []
        for index, block in enumerate(blocks):
            if block["type"] == "image":
                ref = block["value"]
                pk = self.images.find(ref.attachment_id, markup.strip_size_suffix(ref.src))
                if pk is None:
                    self.report.add(
                        _label(item),
                        item.source_id,
                        "warning",
                        f"image {ref.src or 'attachment ' + ref.attachment_id} not imported: no attachment or file for it",
                    )
                    continue
                self.images.fill_blanks(pk, alt_text=ref.alt, credit=ref.credit)
                if ref.credit:
                    self.report.add(
                        _label(item), item.source_id, "changed", f"credit {ref.credit!r} lifted from a caption"
                    )
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


class _ItemFailed(Exception):
    """An item failed inside a batch written without a savepoint per item (see `_together`)."""


def _broken(item, report=None) -> bool:
    errors = [p for p in item.problems if p.action == "error"]
    if errors and item.post_type == "attachment" and report is not None:
        report.add("image", item.source_id, "skipped", "; ".join(p.reason for p in errors))
    return bool(errors)


def attachment_path(item: ItemRecord) -> str:
    """Where the file sits under wp-content/uploads: `_wp_attached_file`, else from its URL."""
    attached = item.meta.get("_wp_attached_file", "").strip()
    if attached.startswith("/") and UPLOADS in attached:
        # WordPress.com exports the server's absolute path; the uploads folder's own layout follows it.
        return attached.split(UPLOADS, 1)[1]
    if attached:
        return attached.lstrip("/")
    path = unquote(urlsplit(item.attachment_url or item.guid).path)
    if "/uploads/" in path:
        return path.split("/uploads/", 1)[1]
    return path.lstrip("/")


def blocks_to_rich_text(blocks: list[dict]) -> str:
    """A plain page's body as Wagtail rich text (pages have no blocks)."""
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
    """`category-slug,section-slug` per line (CSV) or a JSON object of the same; slugs as the export
    writes them (percent-encoded) or as read (Unicode)."""
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    if path.suffix.lower() == ".json":
        pairs = json.loads(text).items()
    else:
        rows = csv.reader(line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#"))
        pairs = [row[:2] for row in rows if len(row) >= 2 and row[0].strip() != "category"]
    return {decoded_slug(str(k).strip()): decoded_slug(str(v).strip()) for k, v in pairs}


def _label(item: ItemRecord) -> str:
    """What an item is called in the report: posts become articles here."""
    return "article" if item.post_type == "post" else item.post_type or "item"
