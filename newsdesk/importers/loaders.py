"""Writers that turn plain records into Newsdesk objects, idempotently.

Each writer finds what an earlier run made through `ImportRecord` (keyed on the source's own id)
and updates it; callers wrap each item in its own transaction.
"""

import hashlib
import json
import uuid
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.core.validators import validate_email
from django.db.models import F
from django.utils.text import slugify
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from newsdesk.core.slugs import unused_slug
from newsdesk.editorial.sanitise import ascii_slug
from newsdesk.importers.models import ImportKind, ImportRecord


def fingerprint(value) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()


def block_id(*parts) -> str:
    """Stable block ids, so a re-run writes the same body and revisions compare equal."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "/".join(str(p) for p in parts)))


def ensure_tags(names, known: dict | None = None) -> list:
    """The tags for `names`, creating missing ones with ASCII slugs ("content περιεχόμενο" →
    "content-periechomeno"): tag pages are addressed by slug, and transliterated slugs are safe in
    every URL and feed.

    `known` (lower-cased name → tag) spares the reads on a long run; a tag joins it only once its
    transaction has committed (see `cache_after_commit`).
    """
    from taggit.models import Tag

    tags = []
    for name in names:
        key = name.lower()
        if known is not None and key in known:
            tags.append(known[key])
            continue
        tag = Tag.objects.filter(name__iexact=name).first()
        if tag is None:
            base = ascii_slug(name)
            slug = unused_slug(base, lambda candidate: Tag.objects.filter(slug=candidate).exists())
            tag = Tag.objects.create(name=name, slug=slug)
        if known is not None:
            cache_after_commit(known, key, tag)
        tags.append(tag)
    return tags


def cache_after_commit(cache: dict, key, value) -> None:
    """Remember `value` once the current transaction commits (at once outside one).

    A writer's cache must never hold the id of a row that was rolled back: the row is gone, and
    SQLite hands the same id to the next row written.
    """
    from django.db import transaction

    transaction.on_commit(lambda: cache.__setitem__(key, value))


def image_block(image_pk: int, ref) -> dict:
    """An image body block for a resolved ImageRef; the credit also lives on the image itself."""
    return {"type": "image", "value": {"image": image_pk, "caption": ref.caption, "credit": ref.credit[:120]}}


def remember(source, kind, source_id, obj_id, *, checksum="", guid="", source_url="", new=False):
    """Note what `source_id` became; `new` when the caller has just looked and found no record."""
    if new:
        ImportRecord.objects.create(source=source, kind=kind, source_id=str(source_id)[:255], object_id=obj_id,
                                    checksum=checksum, guid=guid[:500], source_url=source_url[:1000])
        return
    ImportRecord.objects.update_or_create(
        source=source,
        kind=kind,
        source_id=str(source_id)[:255],
        defaults={"object_id": obj_id, "checksum": checksum, "guid": guid[:500], "source_url": source_url[:1000]},
    )


def free_slug(parent: Page, slug: str, own_pk=None, pending=frozenset()) -> str:
    """`slug`, or `slug-2`, `slug-3`… when a sibling under `parent` already has it.

    `pending`: slugs already handed to siblings that are not written yet (see `NewArticles`).
    """
    taken = set(
        parent.get_children().filter(slug__startswith=slug).exclude(pk=own_pk).values_list("slug", flat=True)
    )
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
        position = Page._str2int(last_path[-Page.steplen:]) + 1 if last_path else 1
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


# -- authors -------------------------------------------------------------------------------------


class AuthorWriter:
    def __init__(self, source: str, report):
        self.source, self.report = source, report
        self._by_login: dict[str, int] = {}

    def write(self, record) -> int:
        from newsdesk.people.models import Author

        login = record.login or record.display_name
        checksum = fingerprint(record.__dict__)
        existing = ImportRecord.objects.of(self.source, ImportKind.AUTHOR).filter(source_id=login).first()
        author = Author.objects.filter(pk=existing.object_id).first() if existing else None
        if author is not None and existing.checksum == checksum:
            self.report.add("author", login, "unchanged", target=author.slug)
            cache_after_commit(self._by_login, login, author.pk)
            return author.pk
        slug = slugify(login, allow_unicode=True) or slugify(record.display_name, allow_unicode=True) or "author"
        if author is None:
            author = Author.objects.filter(slug=slug).first() or Author(slug=slug)
        created = author.pk is None
        author.name = record.display_name[:120] or login
        author.email = self._email(record)
        if record.bio:
            author.bio = record.bio[:600]
        author.save()
        remember(self.source, ImportKind.AUTHOR, login, author.pk, checksum=checksum)
        self.report.add("author", login, "created" if created else "updated", title=author.name, target=author.slug)
        cache_after_commit(self._by_login, login, author.pk)
        return author.pk

    def _email(self, record) -> str:
        try:
            validate_email(record.email)
        except ValidationError:
            if record.email:
                self.report.add("author", record.login, "changed", f"email {record.email!r} is not valid; not kept")
            return ""
        return record.email

    def find(self, login: str) -> int | None:
        if login not in self._by_login:
            found = ImportRecord.objects.object_id_for(self.source, ImportKind.AUTHOR, login)
            if found is None:
                return None
            cache_after_commit(self._by_login, login, found)
            return found
        return self._by_login[login]

    def stand_in(self, login: str) -> int:
        """An author the export names on a post but does not list: made from the login."""
        from newsdesk.people.models import Author

        slug = slugify(login, allow_unicode=True) or "author"
        author, created = Author.objects.get_or_create(slug=slug, defaults={"name": login})
        remember(self.source, ImportKind.AUTHOR, login, author.pk, checksum="stand-in")
        if created:
            self.report.add("author", login, "created", "not in the export's author list; made from the login name")
        cache_after_commit(self._by_login, login, author.pk)
        return author.pk


# -- sections ------------------------------------------------------------------------------------


class SectionWriter:
    """Categories become sections under the home page (found or made on first use)."""

    def __init__(self, source: str, report, home: Page, tree: TreeWriter | None = None):
        self.source, self.report, self.home = source, report, home
        self.tree = tree or TreeWriter()
        self._by_slug: dict = {}  # a few dozen sections at most

    def section_for(self, slug: str, title: str):
        from newsdesk.sections.models import SectionPage

        if slug in self._by_slug:
            return self._by_slug[slug]
        section = self._find([slug]).get(slug)
        if section is None:
            section = SectionPage(title=title[:255] or slug, slug=free_slug(self.home, slug))
            if section.slug != slug:
                self.report.add("section", slug, "changed", f"slug {slug!r} is taken by another page; used {section.slug!r}")
            self.tree.add_child(self.home, section)
            section.save_revision(log_action=False).publish(log_action=False)
            self.report.add("section", slug, "created", title=section.title, target=section.url_path)
            # Not `new`: a record may remain of a section the desk has since deleted.
            remember(self.source, ImportKind.SECTION, slug, section.pk)
        cache_after_commit(self._by_slug, slug, section)
        return section

    def existing(self, slugs) -> dict:
        """Category slug → section, for those of `slugs` whose section is already made; none is made here."""
        unknown = [slug for slug in slugs if slug not in self._by_slug]
        if unknown:
            self._by_slug.update(self._find(unknown))  # committed rows: safe to remember at once
        return {slug: self._by_slug[slug] for slug in slugs if slug in self._by_slug}

    def _find(self, slugs: list) -> dict:
        """Category slug → its section: the one recorded for it (even if renamed since), else the home
        page's section of that slug, which a desk made by hand before importing and is recorded now."""
        from newsdesk.sections.models import SectionPage

        made = dict(ImportRecord.objects.of(self.source, ImportKind.SECTION).filter(source_id__in=slugs)
                    .values_list("object_id", "source_id"))
        found = {made[s.pk]: s for s in SectionPage.objects.filter(pk__in=made)} if made else {}
        rest = [slug for slug in slugs if slug not in found]
        if rest:
            for section in SectionPage.objects.child_of(self.home).filter(slug__in=rest):
                remember(self.source, ImportKind.SECTION, section.slug, section.pk)
                found[section.slug] = section
        return found


# -- images --------------------------------------------------------------------------------------


class ImageWriter:
    def __init__(self, source: str, report, created_files: list):
        self.source, self.report = source, report
        self.created_files = created_files  # storage names written this run (a dry run deletes them)
        self._pk_by_key: dict[tuple, int | None] = {}

    def write(self, source_id, path, fields: dict, source_url: str) -> int:
        from newsdesk.images.models import NewsImage

        stat = path.stat()
        checksum = fingerprint({**fields, "size": stat.st_size, "mtime": int(stat.st_mtime)})
        record = ImportRecord.objects.of(self.source, ImportKind.IMAGE).filter(source_id=source_id).first()
        image = NewsImage.objects.filter(pk=record.object_id).first() if record else None
        if image is not None and record.checksum == checksum:
            self.report.add("image", source_id, "unchanged", title=image.title)
            return image.pk
        created = image is None
        image = image or NewsImage()
        for name, value in fields.items():
            setattr(image, name, value)
        with open(path, "rb") as handle:
            image.file = ImageFile(handle, name=path.name)
            image._set_image_file_metadata()
            image.save()
        self.created_files.append(image.file.name)
        remember(self.source, ImportKind.IMAGE, source_id, image.pk, checksum=checksum, source_url=source_url)
        self.report.add("image", source_id, "created" if created else "updated", title=image.title, target=image.file.name)
        return image.pk

    def find(self, attachment_id: str = "", url: str = "") -> int | None:
        key = (attachment_id, url)
        if key not in self._pk_by_key:
            records = ImportRecord.objects.of(self.source, ImportKind.IMAGE)
            found = records.object_id_for(self.source, ImportKind.IMAGE, attachment_id) if attachment_id else None
            if found is None and url:
                found = records.filter(source_url=url).values_list("object_id", flat=True).first()
            if found is None:
                return None  # not cached: it may be imported later in this run
            self._pk_by_key[key] = found
        return self._pk_by_key[key]


# -- redirects -----------------------------------------------------------------------------------


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
                        self.report.add("redirect", source_id, "warning", f"{path} pointed at another page; now at this one")
                    claims[path] = (page, source_id)
        existing = {r.old_path: r for r in Redirect.objects.filter(old_path__in=list(claims), site=None)}
        new = [Redirect(old_path=path, site=None, redirect_page=page, is_permanent=True)
               for path, (page, _) in claims.items() if path not in existing]
        Redirect.objects.bulk_create(new)
        self.report.counts[("redirect", "created")] += len(new)
        for redirect in existing.values():
            page, source_id = claims[redirect.old_path]
            if redirect.redirect_page_id == page.pk and redirect.is_permanent and not redirect.redirect_link:
                self.report.counts[("redirect", "unchanged")] += 1
                continue
            if redirect.redirect_page_id not in (None, page.pk):
                self.report.add("redirect", source_id, "warning", f"{redirect.old_path} pointed at another page; now at this one")
            redirect.redirect_page, redirect.is_permanent, redirect.redirect_link = page, True, ""
            redirect.save(update_fields=["redirect_page", "is_permanent", "redirect_link"])
            self.report.counts[("redirect", "updated")] += 1
        return len(claims)
