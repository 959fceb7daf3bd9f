"""Classic WordPress HTML and Gutenberg block markup → article body blocks (plain dicts).

The conversion walks the HTML once. Inline text collects into paragraphs; block-level elements
map to our blocks (heading, quote, pull quote, image, embed, table, lists inside paragraphs).
Everything that reaches a rich-text paragraph goes through nh3 with the paragraph's features
only, so scripts, styles, event handlers and `javascript:` links never reach the database.
Images stay `ImageRef`s here; a loader turns them into image ids.
"""

import functools
import html as html_lib
import re
from dataclasses import dataclass, field

import nh3
from lxml import etree
from lxml import html as lxml_html
from wagtail.embeds.finders.oembed import OEmbedFinder  # the provider list only: no database

from newsdesk.editorial.html_cleaning import clean_html
from newsdesk.importers.read.credits import split_credit
from newsdesk.importers.read.records import ImageRef
from newsdesk.importers.read.shortcodes import ShortcodeExpander

RICH_TAGS = {"b", "i", "a", "br", "sup", "sub", "s", "ul", "ol", "li"}
_RENAME = {"strong": "b", "em": "i", "del": "s", "strike": "s"}
_INLINE = {
    "a",
    "abbr",
    "b",
    "bdi",
    "bdo",
    "br",
    "cite",
    "code",
    "data",
    "del",
    "dfn",
    "em",
    "font",
    "i",
    "ins",
    "kbd",
    "mark",
    "q",
    "s",
    "samp",
    "small",
    "span",
    "strike",
    "strong",
    "sub",
    "sup",
    "time",
    "tt",
    "u",
    "var",
    "wbr",
}
_CONTAINERS = {
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "center",
    "span",
    "body",
    "html",
    "nav",
}
_DROP_SILENTLY = {"hr", "br", "meta", "link", "title", "head", "svg", "canvas", "map", "area", "wbr", "col", "colgroup"}
_HOSTILE = {"script", "style", "object", "applet", "base", "frameset", "frame"}
_FORM = {"form", "input", "button", "select", "textarea", "label", "fieldset", "option"}
# The attributes stop at their comment's end: a lazy `.*?` would run on into a later comment and name
# the block before it (and scan the rest of the post for each block that has attributes).
_DYNAMIC_BLOCK = re.compile(r"<!--\s+wp:([a-z0-9/-]+)(?:\s+\{(?:(?!-->).)*?\})?\s+/-->", re.DOTALL)
# Blocks that list or navigate the old site. They have no content of their own to carry over.
_QUIET_DYNAMIC = {"more", "nextpage", "spacer", "separator"}
# Each path is compiled once: `el.xpath("…")` compiles its path again on every call, which cost more than
# running it (a conversion asks hundreds).
_compiled_path = functools.lru_cache(maxsize=None)(etree.XPath)


def _select(el, path: str) -> list:
    return _compiled_path(path)(el)


# Any attribute named on… (lxml gives HTML attribute names in lower case; translate() covers the rest).
_EVENT_HANDLER = etree.XPath("boolean(.//@*[starts-with(translate(name(), 'ON', 'on'), 'on')])")
_BLOCK_COMMENT = re.compile(r"<!--\s+/?wp:.*?-->", re.DOTALL)
_WP_IMAGE_CLASS = re.compile(r"\bwp-image-(\d+)\b")
_URL_LINE = re.compile(r"^\s*(https?://\S+)\s*$")
_SIZE_SUFFIX = re.compile(r"-\d+x\d+(?=\.\w+$)")
_BLANK_LINE = re.compile(r"(?:\s*<br>\s*){2,}")
_EDGE_BREAKS = re.compile(r"^(?:\s*<br>)+\s*|\s*(?:<br>\s*)+$")
HEADING_MAX = 160
PULL_QUOTE_MAX = 280
CAPTION_MAX = 300


@dataclass
class Conversion:
    blocks: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what changed on the way, for the report
    unknown_shortcodes: list[str] = field(default_factory=list)
    sanitised: bool = False  # the paragraphs have been through the rich-text rules (`sanitise_paragraphs`)

    def sanitised_paragraphs(self) -> list[str]:
        """The paragraphs' rich text, where it has been cleaned already; else nothing."""
        return [block["value"] for block in self.blocks if block["type"] == "paragraph"] if self.sanitised else []


def sanitise_paragraphs(conversion: Conversion) -> Conversion:
    """The paragraphs of `conversion` cleaned by the rich-text rules saving applies (editorial/html_cleaning.py).

    Done by the process that reads the export ahead of the writer, where a core stands idle: the writer
    then takes these texts as they are (`known_clean`) instead of cleaning them itself (about 8% of its time)."""
    for block in conversion.blocks:
        if block["type"] == "paragraph":
            block["value"] = clean_html(block["value"])
    conversion.sanitised = True
    return conversion


def convert(markup: str) -> Conversion:
    """Convert one post body; never raises on bad markup."""
    result = Conversion()
    markup = markup or ""
    gutenberg = "<!-- wp:" in markup
    if gutenberg:
        markup = _note_dynamic_blocks(markup, result)
    expander = ShortcodeExpander()
    markup = expander.expand(markup)
    result.unknown_shortcodes = expander.unknown
    result.notes.extend(expander.notes)
    if not gutenberg:
        markup = autop(markup)
    if not markup.strip():
        return result
    root = lxml_html.fragment_fromstring(markup, create_parent="div")
    _note_hostile(root, result)
    _Walker(result).walk_children(root)
    return result


def _note_dynamic_blocks(markup: str, result: Conversion) -> str:
    names = [name for name in _DYNAMIC_BLOCK.findall(markup) if name.removeprefix("core/") not in _QUIET_DYNAMIC]
    if names:
        listed = ", ".join(sorted(set(names)))
        result.notes.append(f"dynamic blocks that list the old site's content were not carried over: {listed}")
    return _BLOCK_COMMENT.sub("", markup)


def _note_hostile(root, result: Conversion):
    # Asked of libxml2 by tag and by attribute name: walking every element in Python to ask three questions
    # was a fifth of a conversion.
    found = sorted({el.tag for el in root.iter(*_HOSTILE)})
    handlers = _EVENT_HANDLER(root)
    scripted = any(
        (el.get("href") or el.get("src") or "").strip().lower().startswith(("javascript:", "vbscript:", "data:text"))
        for el in _select(root, ".//*[@href or @src]")
    )
    if found:
        result.notes.append("removed unsafe markup: " + ", ".join(f"<{tag}>" for tag in found))
    if handlers:
        result.notes.append("removed event-handler attributes (on…)")
    if scripted:
        result.notes.append("removed javascript: links")


# -- classic editor paragraphs -------------------------------------------------------------------

_BLOCK_START = re.compile(
    r"^\s*<(?:p|div|h[1-6]|ul|ol|li|blockquote|figure|table|pre|hr|iframe|dl|address|section|form|script|style)\b",
    re.IGNORECASE,
)


def autop(text: str) -> str:
    """WordPress's wpautop in brief: blank lines separate paragraphs, single newlines are line breaks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    chunks = re.split(r"\n\s*\n", text)
    out = []
    for chunk in chunks:
        if not chunk.strip():
            continue
        if _BLOCK_START.match(chunk):
            out.append(chunk)
        else:
            out.append("<p>" + chunk.strip().replace("\n", "<br>\n") + "</p>")
    return "\n".join(out)


# -- the walk ----------------------------------------------------------------------------------


class _Walker:
    def __init__(self, result: Conversion):
        self.result = result
        self.blocks = result.blocks
        self.inline: list[str] = []

    def walk_children(self, element):
        self._text(element.text)
        for child in element:
            self._node(child)
            self._text(child.tail)
        self.flush()

    def _text(self, text):
        if text and text.strip():
            self.inline.append(html_lib.escape(text))
        elif text:
            self.inline.append(" ")

    def _node(self, el):
        if not isinstance(el.tag, str):  # comments, processing instructions
            return
        tag = el.tag.lower()
        if tag in _INLINE and not _select(el, ".//img|.//iframe|.//p|.//div|.//figure|.//blockquote"):
            self.inline.append(etree.tostring(el, encoding="unicode", with_tail=False))
            return
        self.flush()
        handler = getattr(self, f"_on_{tag.replace('-', '_')}", None)
        if handler is not None:
            handler(el)
        elif tag in _HOSTILE or tag in _DROP_SILENTLY:
            return
        elif tag in _FORM:
            self.result.notes.append(f"form element <{tag}> dropped")
        else:  # containers and anything unknown: look inside
            self.walk_children(el)

    def flush(self):
        if self.inline:
            self._paragraph("".join(self.inline))
            self.inline = []

    # -- paragraphs and text ----

    def _paragraph(self, fragment: str, wrap=True):
        if not fragment.strip():  # the whitespace between blocks
            return
        cleaned = clean_rich_text(fragment)
        breaks = "<br>" in cleaned  # both patterns below need one; most paragraphs have none
        if wrap and breaks and _BLANK_LINE.search(cleaned):
            # Text typed straight into a page's container, its paragraphs separated by blank lines.
            for part in _BLANK_LINE.split(cleaned):
                self._paragraph(part)
            return
        cleaned = _EDGE_BREAKS.sub("", cleaned) if wrap and breaks else cleaned
        if _has_text(cleaned):
            self.blocks.append({"type": "paragraph", "value": f"<p>{cleaned}</p>" if wrap else cleaned})

    def _on_p(self, el):
        images = _select(el, ".//img")
        text = " ".join(el.text_content().split())
        if images and not text:
            for img in images:
                self._image(img)
            return
        url = _URL_LINE.match(el.text_content())
        if url and not images and is_embeddable(url.group(1)):
            self.blocks.append({"type": "embed", "value": {"embed": url.group(1), "caption": ""}})
            return
        for img in images:
            img.drop_tree()
        self._paragraph(inner_html(el))
        for img in images:
            self._image(img)

    _on_address = _on_p
    _on_dd = _on_p
    _on_dt = _on_p

    def _on_ul(self, el):
        self._paragraph(etree.tostring(el, encoding="unicode", with_tail=False), wrap=False)

    _on_ol = _on_ul

    def _on_pre(self, el):
        lines = [html_lib.escape(line) for line in el.text_content().strip("\n").split("\n")]
        self._paragraph("<br>".join(lines))

    _on_code = _on_pre

    def _on_details(self, el):
        self.walk_children(el)

    def _on_summary(self, el):
        self._heading(el, "h3")

    # -- headings ----

    def _heading(self, el, level):
        text = " ".join(el.text_content().split())
        if not text:
            return
        if len(text) > HEADING_MAX:
            self.result.notes.append(f"heading cut to {HEADING_MAX} characters: {text[:40]}…")
            text = trim_words(text, HEADING_MAX)
        anchor = (el.get("id") or "")[:80]
        self.blocks.append({"type": "heading", "value": {"text": text, "level": level, "anchor": anchor}})

    def _on_h1(self, el):
        self._heading(el, "h2")

    _on_h2 = _on_h1

    def _on_h3(self, el):
        self._heading(el, "h3")

    _on_h4 = _on_h5 = _on_h6 = _on_h3

    # -- quotes ----

    def _on_blockquote(self, el, pull=False):
        attribution, source_url = _take_attribution(el)
        source_url = source_url or _http_url(el.get("cite"))
        paragraphs = [" ".join(p.text_content().split()) for p in _select(el, "./p|./div")] or [el.text_content()]
        text = "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())
        if not text:
            return
        pull = pull or "wp-block-pullquote" in (el.get("class") or "")
        if pull and len(text) <= PULL_QUOTE_MAX:
            self.blocks.append({"type": "pull_quote", "value": {"text": text, "attribution": attribution[:200]}})
        else:
            value = {"text": text, "attribution": attribution[:200], "source_url": source_url}
            self.blocks.append({"type": "quote", "value": value})

    def _on_q(self, el):
        self._on_blockquote(el)

    # -- figures, images, embeds, tables ----

    def _on_figure(self, el):
        classes = el.get("class") or ""
        caption_el = next(iter(_select(el, "./figcaption")), None)
        caption = " ".join(caption_el.text_content().split()) if caption_el is not None else ""
        if el.get("data-embed") is not None:
            self._embed(el.get("data-embed"), caption)
        elif _select(el, ".//figure") or len(_select(el, ".//img|.//amp-img")) > 1:
            self.walk_children(el)  # a gallery: one image block per image
        elif _select(el, ".//img|.//amp-img") or el.get("data-attachment-id"):
            self._image(next(iter(_select(el, ".//img|.//amp-img")), el), caption)
        elif _select(el, ".//blockquote"):
            self._on_blockquote(_select(el, ".//blockquote")[0], pull="pullquote" in classes)
        elif _select(el, ".//table"):
            self._table(_select(el, ".//table")[0], caption)
        elif "wp-block-embed" in classes or _select(el, ".//iframe"):
            iframe = next(iter(_select(el, ".//iframe")), None)
            url = _embed_url_from_iframe(iframe) if iframe is not None else " ".join(el.text_content().split())
            self._embed(url.split(" ")[0] if url else "", caption)
        else:
            if caption_el is not None:
                caption_el.drop_tree()
            self.walk_children(el)

    def _on_img(self, el):
        self._image(el)

    _on_amp_img = _on_img

    def _image(self, el, caption=""):
        attachment = el.get("data-attachment-id") or ""
        parent = el.getparent()
        while not attachment and parent is not None:
            attachment = parent.get("data-attachment-id") or ""
            parent = parent.getparent() if parent.tag != "figure" else None
        wp_class = _WP_IMAGE_CLASS.search(el.get("class") or "")
        attachment = attachment or (wp_class.group(1) if wp_class else "") or el.get("data-id", "")
        text, credit = split_credit(caption)
        ref = ImageRef(
            attachment_id=attachment,
            src=(el.get("src") or el.get("data-src") or "").strip(),
            alt=" ".join((el.get("alt") or "").split())[:250],
            caption=trim_words(text, CAPTION_MAX),
            credit=credit,
        )
        if ref.attachment_id or ref.src:
            self.blocks.append({"type": "image", "value": ref})

    def _embed(self, url, caption=""):
        url = (url or "").strip()
        if url.startswith("//"):
            url = "https:" + url
        if not url.startswith(("http://", "https://")):
            if url:
                self.result.notes.append(f"embed with an unusable address dropped: {url[:80]}")
            return
        self.blocks.append({"type": "embed", "value": {"embed": url, "caption": caption[:CAPTION_MAX]}})

    def _on_iframe(self, el):
        url = _embed_url_from_iframe(el)
        if url and is_embeddable(url):
            self._embed(url)
        else:
            self.result.notes.append(f"iframe from an unknown provider dropped: {(el.get('src') or '')[:80]}")

    def _on_video(self, el):
        source = el.get("src") or next(iter(_select(el, ".//source/@src")), "")
        if source:
            self.result.notes.append(f"<{el.tag}> kept as a link to {source}")
            self._paragraph(f'<a href="{html_lib.escape(source)}">{html_lib.escape(source)}</a>')

    _on_audio = _on_video

    def _on_table(self, el, caption=""):
        self._table(el, caption)

    def _table(self, el, caption=""):
        caption = caption or " ".join("".join(_select(el, "./caption//text()")).split())
        rows = [
            # itertext, not text_content: a <br> or a heading inside a cell separates words.
            [" ".join(" ".join(cell.itertext()).split()) for cell in _select(row, "./th|./td")]
            for row in _select(el, "./tr|./thead/tr|./tbody/tr|./tfoot/tr")
        ]
        rows = [row for row in rows if row]
        if not rows:
            return
        width = max(len(row) for row in rows)
        rows = [row + [""] * (width - len(row)) for row in rows]
        first_row = _select(el, "./thead/tr[1]|./tr[1]|./tbody/tr[1]")
        header = bool(_select(el, "./thead")) or bool(first_row and not _select(first_row[0], "./td"))
        table = {
            "data": rows,
            "first_row_is_table_header": header,
            "first_col_is_header": False,
            "table_caption": "",
        }
        self.blocks.append({"type": "table", "value": {"caption": caption[:200], "table": table}})


def inner_html(el) -> str:
    """The markup inside `el`, its leading text included."""
    parts = [html_lib.escape(el.text or "")]
    parts.extend(etree.tostring(child, encoding="unicode", with_tail=True) for child in el)
    return "".join(parts)


def _take_attribution(blockquote) -> tuple[str, str]:
    """Pull the <cite>/<footer> (or a closing "— Name" line) out of a quote."""
    for cite in _select(blockquote, ".//cite|.//footer"):
        link = next(iter(_select(cite, ".//a/@href")), "")
        text = " ".join(cite.text_content().split()).lstrip("\u2014\u2013- ").strip()
        cite.drop_tree()
        if text:
            return text, _http_url(link)
    paragraphs = _select(blockquote, "./p")
    if len(paragraphs) > 1:
        last = " ".join(paragraphs[-1].text_content().split())
        if last[:1] in ("\u2014", "\u2013", "-") and len(last) < 120:
            link = next(iter(_select(paragraphs[-1], ".//a/@href")), "")
            paragraphs[-1].drop_tree()
            return last.lstrip("\u2014\u2013- ").strip(), _http_url(link)
    return "", ""


def _http_url(value) -> str:
    value = (value or "").strip()
    return value if value.startswith(("http://", "https://")) else ""


_YOUTUBE_EMBED = re.compile(r"^(?:https?:)?//(?:www\.)?youtube(?:-nocookie)?\.com/embed/([\w-]+)")
_VIMEO_PLAYER = re.compile(r"^(?:https?:)?//player\.vimeo\.com/video/(\d+)")


def _embed_url_from_iframe(iframe) -> str:
    """The page URL an oEmbed provider knows, from a player iframe's src."""
    src = (iframe.get("src") or iframe.get("data-src") or "").strip()
    if match := _YOUTUBE_EMBED.match(src):
        return f"https://www.youtube.com/watch?v={match.group(1)}"
    if match := _VIMEO_PLAYER.match(src):
        return f"https://vimeo.com/{match.group(1)}"
    return ("https:" + src) if src.startswith("//") else src


@functools.cache
def _oembed_finder():
    return OEmbedFinder()


def is_embeddable(url: str) -> bool:
    """True when one of Wagtail's oEmbed providers knows the address (checked offline)."""
    return _oembed_finder().accept(url)


# -- text helpers --------------------------------------------------------------------------------


# Built once: nh3.clean builds its allow-lists again on every call, which cost more than the cleaning.
_RICH_TEXT_CLEANER = nh3.Cleaner(
    tags=RICH_TAGS | set(_RENAME),
    attributes={"a": {"href"}},
    url_schemes={"http", "https", "mailto", "tel"},
    link_rel=None,
    strip_comments=True,
)


def clean_rich_text(fragment: str) -> str:
    """HTML limited to what a paragraph block allows, with safe links only."""
    cleaned = _RICH_TEXT_CLEANER.clean(fragment)
    for old, new in _RENAME.items():
        cleaned = cleaned.replace(f"<{old}>", f"<{new}>").replace(f"</{old}>", f"</{new}>")
    return " ".join(cleaned.split()) if "<br>" not in cleaned else cleaned.strip()


def _has_text(cleaned: str) -> bool:
    """Whether markup nh3 has cleaned (so every `<` in its text is escaped) has any text: what
    `plain_text` would say, without parsing it again."""
    return bool(html_lib.unescape(_TAGS.sub("", cleaned)).split())


_TAGS = re.compile(r"<[^>]*>")


def plain_text(fragment: str) -> str:
    if not fragment or not fragment.strip():
        return ""
    # List items and line breaks separate words, though text_content() joins them.
    fragment = re.sub(r"(</li>|<br\s*/?>)", r"\1 ", fragment, flags=re.IGNORECASE)
    text = lxml_html.fragment_fromstring(fragment, create_parent="div").text_content()
    return " ".join(text.split())


def trim_words(text: str, limit: int) -> str:
    """`text` cut at a word boundary to at most `limit` characters, with an ellipsis when cut."""
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:.-\u2013\u2014") + "\u2026"


def blocks_text(blocks: list[dict]) -> str:
    """The reading text of body blocks, one block a line: what a reader of the article reads."""
    lines = []
    for block in blocks:
        kind, value = block["type"], block["value"]
        if kind == "paragraph":
            lines.append(plain_text(value))
        elif kind == "heading":
            lines.append(value["text"])
        elif kind in ("quote", "pull_quote"):
            lines.append(" ".join(filter(None, (value["text"], value.get("attribution", "")))))
        elif kind == "table":
            lines.extend(" ".join(row) for row in value["table"]["data"])
    return "\n".join(line for line in lines if line)


def first_paragraph_text(blocks: list[dict]) -> str:
    for block in blocks:
        if block["type"] == "paragraph":
            text = plain_text(block["value"])
            if text:
                return text
    return ""


def strip_size_suffix(url: str) -> str:
    """`…/photo-300x200.jpg` → `…/photo.jpg`: WordPress's resized copies point at one attachment."""
    return _SIZE_SUFFIX.sub("", url.split("?")[0])
