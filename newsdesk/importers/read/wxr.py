"""Streaming reader for WordPress eXtended RSS (WXR 1.0, 1.1 and 1.2).

The export is read with `lxml.etree.iterparse` and every element is cleared once it has been
turned into a record, so memory stays flat however large the file is. The reader never touches
the database: it yields plain records (see records.py) for the loaders.
"""

import bz2
import gzip
import re
from collections.abc import Iterator
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import unquote

from lxml import etree

from newsdesk.importers.read.records import AuthorRecord, ItemRecord, Problem, SiteInfo, TermRecord
from newsdesk.importers.read.stream import CleanUTF8Stream, declared_encoding

# Exports bind `wp:` to http://wordpress.org/export/1.x/ — and the theme unit test data to https.
_WP_NS = re.compile(r"^https?://wordpress\.org/export/(\d+\.\d+)/$")
_EXCERPT_NS = re.compile(r"^https?://wordpress\.org/export/\d+\.\d+/excerpt/$")
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
DC_NS = "http://purl.org/dc/elements/1.1/"
SUPPORTED_VERSIONS = {"1.0", "1.1", "1.2"}
_VERSION = re.compile(r"^\d+\.\d+$")
_PERCENT = re.compile(r"%[0-9a-fA-F]{2}")
_GUEST_AUTHOR_TYPE = "guest-author"  # Co-Authors Plus keeps guest authors as posts of this type


class WXRError(Exception):
    """The file cannot be imported at all (not WXR, or no valid version)."""


@dataclass
class ParseIssue:
    """A problem with the file itself, outside any single item."""

    problem: Problem
    line: int = 0


def _decompressed(stored):
    """The export's bytes, whether the file is plain XML or gzip/bzip2-compressed (as hosts offer it)."""
    magic = stored.read(3)
    stored.seek(0)
    if magic.startswith(b"\x1f\x8b"):
        return gzip.GzipFile(fileobj=stored, mode="rb")
    if magic == b"BZh":
        return bz2.BZ2File(stored, mode="rb")
    return nullcontext(stored)


def decoded_slug(value: str) -> str:
    """A slug as WordPress means it: non-ASCII slugs are exported percent-encoded (`%d8%a7…`)."""
    return unquote(value) if _PERCENT.search(value) else value


def _family(namespace: str | None) -> str:
    if not namespace:
        return ""
    if namespace == CONTENT_NS:
        return "content"
    if namespace == DC_NS:
        return "dc"
    if _WP_NS.match(namespace):
        return "wp"
    if _EXCERPT_NS.match(namespace):
        return "excerpt"
    return "other"


def _key(element) -> tuple[str, str]:
    tag = element.tag
    if not isinstance(tag, str):
        return ("", "#comment")
    if tag[0] == "{":
        namespace, _, local = tag[1:].partition("}")
        return (_family(namespace), local)
    return ("", tag)


def _text(element) -> str:
    return (element.text or "").strip()


class WXRReader:
    """`for record in WXRReader(path).records(): …` — SiteInfo first, then authors, terms and items."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.site = SiteInfo()
        self.size = self.path.stat().st_size  # of the file as stored, compressed or not
        self._file = None
        self._stream = None

    @property
    def position(self) -> int:
        """How far into the stored file reading has come, for progress bars."""
        if self._file is None:
            return 0
        return self.size if self._file.closed else self._file.tell()

    def records(self) -> Iterator:
        with open(self.path, "rb") as self._file, _decompressed(self._file) as raw:
            head = raw.read(200)
            raw.seek(0)
            if declared_encoding(head) in ("utf-8", "utf8"):
                self._stream = CleanUTF8Stream(raw)
                source = self._stream
            else:  # libxml2 decodes other declared encodings itself
                source = raw
            yield from self._parse(source)
            yield from self._stream_issues()

    # -- the event loop ---------------------------------------------------------------------

    def _parse(self, source) -> Iterator:
        context = etree.iterparse(
            source, events=("end",), recover=True, huge_tree=True, resolve_entities=False, no_network=True
        )
        errors = _ErrorTracker(context)
        site_sent = False
        try:
            for _event, element in context:
                parent = element.getparent()
                if parent is None or parent.getparent() is None or parent.getparent().getparent() is not None:
                    continue  # only children of <channel> are records
                family, local = _key(element)
                if family == "wp" and local == "wxr_version":
                    self._check_version(_text(element))
                elif family == "" and local in ("title", "link") and not site_sent:
                    setattr(self.site, local, _text(element))
                elif family == "wp" and local in ("base_site_url", "base_blog_url") and not self.site.base_url:
                    self.site.base_url = _text(element).rstrip("/")
                elif (family, local) in _RECORD_TAGS:
                    if not site_sent:
                        self._require_version()
                        site_sent = True
                        yield self.site
                    yield from errors.before(element.sourceline)
                    yield from self._record(local, element, errors)
                _release(element)
        except etree.XMLSyntaxError as exc:
            yield ParseIssue(Problem("error", f"XML error, reading stopped: {exc}"), getattr(exc, "lineno", 0))
            return
        yield from errors.before(None)
        if not site_sent:
            self._require_version()
            yield self.site

    def _record(self, local, element, errors) -> Iterator:
        if local == "item":
            item = read_item(element)
            for error in errors.within(element):
                item.problems.append(
                    Problem("error", f"XML error inside this item at line {error.line}: {error.message.strip()}")
                )
            yield item
        elif local == "author":
            yield read_author(element)
        else:
            term = read_term(local, element)
            if term is not None:
                yield term

    def _check_version(self, version: str):
        if not _VERSION.match(version):
            raise WXRError(
                f"This does not appear to be a WXR file: invalid WXR version number {version!r} in <wp:wxr_version>."
            )
        self.site.wxr_version = version

    def _require_version(self):
        if not self.site.wxr_version:
            raise WXRError(
                "This does not appear to be a WXR file: missing WXR version number (<wp:wxr_version>). "
                "Export it again from WordPress (Tools › Export)."
            )

    def _stream_issues(self) -> Iterator:
        stream = self._stream
        if stream is None:
            return
        if stream.replaced:
            offsets = ", ".join(str(o) for o in stream.replaced[:10])
            more = f" and {len(stream.replaced) - 10} more" if len(stream.replaced) > 10 else ""
            yield ParseIssue(
                Problem(
                    "changed",
                    f"{len(stream.replaced)} byte(s) that are not UTF-8 replaced with U+FFFD (at byte offsets {offsets}{more})",
                )
            )
        if stream.removed_controls:
            yield ParseIssue(
                Problem(
                    "changed", f"{stream.removed_controls} control character(s) that XML does not allow were removed"
                )
            )


_RECORD_TAGS = {("", "item"), ("wp", "author"), ("wp", "category"), ("wp", "tag"), ("wp", "term")}


class _ErrorTracker:
    """Pins libxml2's recovered errors to the item they happened in, by line number.

    The parser reads ahead of the events it hands out, so an error is matched to an item by
    where it is in the file rather than by when it was logged.
    """

    def __init__(self, context):
        self.context = context
        self.seen = 0
        self.pending = []

    def _collect(self):
        log = self.context.error_log
        if len(log) > self.seen:
            self.pending.extend(list(log)[self.seen :])
            self.seen = len(log)

    def before(self, line: int | None):
        """File-level issues: errors above `line` (all remaining when None)."""
        self._collect()
        early = [e for e in self.pending if line is None or e.line < line]
        self.pending = [e for e in self.pending if e not in early]
        return [ParseIssue(_xml_problem(e), e.line) for e in early]

    def within(self, element):
        self._collect()
        last = max((d.sourceline or 0) + (d.text or "").count("\n") for d in element.iter())
        inside = [e for e in self.pending if element.sourceline <= e.line <= last + 1]
        self.pending = [e for e in self.pending if e not in inside]
        return inside


def _xml_problem(error) -> Problem:
    return Problem("warning", f"XML error at line {error.line}, recovered: {error.message.strip()}")


def _release(element):
    """Free what has been read: the element's content and every sibling before it."""
    element.clear(keep_tail=False)
    parent = element.getparent()
    while element.getprevious() is not None:
        del parent[0]


# -- channel-level records ---------------------------------------------------------------------


def read_author(element) -> AuthorRecord:
    fields = {_key(child)[1]: _text(child) for child in element}
    login = fields.get("author_login", "")
    display = fields.get("author_display_name") or " ".join(
        part for part in (fields.get("author_first_name"), fields.get("author_last_name")) if part
    )
    return AuthorRecord(
        login=login,
        display_name=display or login,
        email=fields.get("author_email", ""),
        first_name=fields.get("author_first_name", ""),
        last_name=fields.get("author_last_name", ""),
        source_id=fields.get("author_id", ""),
    )


def read_term(local: str, element) -> TermRecord | None:
    fields = {_key(child)[1]: _text(child) for child in element}
    if local == "category":
        return TermRecord(
            "category",
            decoded_slug(fields.get("category_nicename", "")),
            fields.get("cat_name", ""),
            decoded_slug(fields.get("category_parent", "")),
            fields.get("category_description", ""),
        )
    if local == "tag":
        return TermRecord(
            "post_tag",
            decoded_slug(fields.get("tag_slug", "")),
            fields.get("tag_name", ""),
            description=fields.get("tag_description", ""),
        )
    taxonomy = fields.get("term_taxonomy", "")
    if taxonomy in ("category", "post_tag"):
        return TermRecord(
            taxonomy,
            decoded_slug(fields.get("term_slug", "")),
            fields.get("term_name", ""),
            decoded_slug(fields.get("term_parent", "")),
            fields.get("term_description", ""),
        )
    return None


# -- items -------------------------------------------------------------------------------------


def read_item(element) -> ItemRecord:
    item = ItemRecord(source_id="", post_type="")
    dates = {}
    for child in element:
        family, local = _key(child)
        handler = _ITEM_FIELDS.get((family, local))
        if handler is not None:
            handler(item, child, dates)
    item.published_at = _choose_date(item, dates, "post_date_gmt", "post_date", "pubDate")
    item.modified_at = _choose_date(item, dates, "post_modified_gmt", "post_modified", None, quiet=True)
    if not item.source_id:
        item.source_id = item.guid or item.link
    if "\ufffd" in item.title or "\ufffd" in item.content:
        item.change("bytes that were not UTF-8 are shown as \ufffd; check the spelling")
    return item


def _set(attribute, clean=str.strip):
    def handler(item, child, _dates):
        setattr(item, attribute, clean(child.text or ""))

    return handler


def _keep_date(name):
    def handler(_item, child, dates):
        dates[name] = _text(child)

    return handler


def _category(item, child, _dates):
    domain = child.get("domain", "")
    slug = decoded_slug(child.get("nicename", ""))
    name = _text(child)
    if domain == "category":
        item.categories.append((slug, name))
    elif domain == "post_tag":
        item.tags.append(name)
    elif domain == "author":  # Co-Authors Plus: one term per byline, in byline order
        item.coauthors.append(name or slug.removeprefix("cap-"))


def _postmeta(item, child, _dates):
    fields = {_key(grandchild)[1]: (grandchild.text or "") for grandchild in child}
    key = fields.get("meta_key", "").strip()
    if key == "_wp_old_slug":  # one entry per rename, all of them addresses readers may still use
        item.old_slugs.extend(slug for slug in fields.get("meta_value", "").split(",") if slug.strip())
    if key:
        item.meta.setdefault(key, fields.get("meta_value", ""))


def _comment(item, _child, _dates):
    item.comment_count += 1


def _int(text: str) -> int:
    try:
        return int(text.strip() or 0)
    except ValueError:
        return 0


_ITEM_FIELDS = {
    ("", "title"): _set("title"),
    ("", "link"): _set("link"),
    ("", "guid"): _set("guid"),
    ("", "pubDate"): _keep_date("pubDate"),
    ("", "category"): _category,
    ("dc", "creator"): _set("creator"),
    ("content", "encoded"): _set("content", clean=lambda text: text),
    ("excerpt", "encoded"): _set("excerpt"),
    ("wp", "post_id"): _set("source_id"),
    ("wp", "post_date"): _keep_date("post_date"),
    ("wp", "post_date_gmt"): _keep_date("post_date_gmt"),
    ("wp", "post_modified"): _keep_date("post_modified"),
    ("wp", "post_modified_gmt"): _keep_date("post_modified_gmt"),
    ("wp", "post_name"): _set("slug"),
    ("wp", "status"): _set("status"),
    ("wp", "post_parent"): _set("parent_id", clean=lambda t: "" if t.strip() in ("", "0") else t.strip()),
    ("wp", "menu_order"): _set("menu_order", clean=_int),
    ("wp", "post_type"): _set("post_type"),
    ("wp", "post_password"): _set("password"),
    ("wp", "is_sticky"): _set("is_sticky", clean=lambda t: t.strip() == "1"),
    ("wp", "attachment_url"): _set("attachment_url"),
    ("wp", "postmeta"): _postmeta,
    ("wp", "comment"): _comment,
}


# -- dates -------------------------------------------------------------------------------------

_EMPTY_DATES = {"", "0000-00-00 00:00:00", "0000-00-00"}
_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d", "%d/%m/%Y %H:%M", "%d/%m/%Y")


def parse_date(text: str) -> datetime | None:
    """A WordPress date in any of the shapes exports carry; None when it cannot be read."""
    text = (text or "").strip()
    if text in _EMPTY_DATES:
        return None
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        value = None
    if value is None:
        for fmt in _FORMATS:
            try:
                value = datetime.strptime(text, fmt)
                break
            except ValueError:
                continue
    if value is None:
        try:
            value = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    if not 1970 <= value.year <= 2200:
        return None
    return value


def _choose_date(item, dates, gmt_name, local_name, rss_name, quiet=False):
    """The GMT date, else the site-local one (read as UTC), else the RSS pubDate."""
    for name in (gmt_name, local_name, rss_name):
        if not name:
            continue
        raw = dates.get(name, "")
        if raw.strip() in _EMPTY_DATES:
            continue
        value = parse_date(raw)
        if value is not None:
            if name != gmt_name and not quiet:
                item.change(f"no usable {gmt_name}; date taken from {name} ({raw!r}) and read as UTC")
            return value
        if not quiet:
            item.warn(f"{name} {raw!r} is not a date we can read")
    return None


def is_guest_author(item: ItemRecord) -> bool:
    return item.post_type == _GUEST_AUTHOR_TYPE


def guest_author_record(item: ItemRecord) -> AuthorRecord:
    meta = item.meta
    login = meta.get("cap-user_login") or item.slug.removeprefix("cap-")
    display = meta.get("cap-display_name") or item.title or login
    return AuthorRecord(
        login=login,
        display_name=display.strip(),
        email=meta.get("cap-user_email", "").strip(),
        first_name=meta.get("cap-first_name", "").strip(),
        last_name=meta.get("cap-last_name", "").strip(),
        bio=meta.get("cap-description", "").strip(),
        source_id=item.source_id,
        is_guest=True,
    )
