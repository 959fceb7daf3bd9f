"""Rich text's rules as plain string functions: which tags and attributes stay, how Wagtail's own tags are
written back, which characters are never text. No Django settings are needed to import this module, so the
process that reads a WordPress export ahead of the writer can clean post bodies with the same rules
(importers/read/ahead.py); `sanitise` applies them to models and blocks."""

import html
import re
from contextlib import contextmanager
from contextvars import ContextVar

import nh3

# Wagtail stores links to pages/documents as <a linktype id> and images/media as <embed embedtype …>;
# the expander turns them into real markup at render time, so they must survive cleaning.
TAGS = {
    "p",
    "br",
    "b",
    "strong",
    "i",
    "em",
    "s",
    "sup",
    "sub",
    "code",
    "ul",
    "ol",
    "li",
    "h2",
    "h3",
    "h4",
    "blockquote",
    "hr",
    "a",
    "embed",
}
ATTRIBUTES = {
    "a": {"href", "linktype", "id"},
    "embed": {"embedtype", "url", "id", "alt", "format"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
# Link and embed types whose id names a database row; any other id cannot be resolved.
NUMBERED_LINK_TYPES = {"page", "document"}
NUMBERED_EMBED_TYPES = {"image"}

# C0 controls other than tab, newline and carriage return, DEL, C1 controls and the two non-characters:
# none of them is text, and XML (feeds, sitemaps) forbids most of them outright.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")

# After nh3, every tag is well formed with double-quoted attributes. Matched: the tags `_wagtail_tag`
# may change, so not a bare closing tag (`</p>`) nor a bare opening tag of a non-void element (`<p>`),
# which it would give back as they are; most tags of a body are those.
TAG = re.compile(r'<(?!/[a-z0-9]+>|(?!(?:br|hr|embed)>)[a-z0-9]+>)(/?)([a-z0-9]+)((?:\s+[^\s=>]+="[^"]*")*)\s*/?>')
ATTRIBUTE = re.compile(r'([^\s=]+)="([^"]*)"')
# Wagtail reads its stored HTML as XHTML: its expander finds only <embed … /> and its editor
# expects <br/> and <hr/>, so void elements must be written self-closed.
VOID_ELEMENTS = {"br", "hr", "embed"}


def strip_control_characters(text: str) -> str:
    return CONTROL_CHARACTERS.sub("", text)


# Built once: nh3.clean builds its allow-lists again on every call, which cost more than the cleaning.
_CLEANER = nh3.Cleaner(tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES, link_rel=None)


def clean_html(html_text: str) -> str:
    if html_text in _known_clean.get():
        return html_text
    cleaned = _CLEANER.clean(strip_control_characters(html_text or ""))
    return TAG.sub(_wagtail_tag, cleaned)


# Texts that are already `clean_html`'s output, cleaned by the export's reading process (see `known_clean`).
_known_clean: ContextVar[frozenset] = ContextVar("known_clean", default=frozenset())


@contextmanager
def known_clean(texts):
    """Within the block, `clean_html` gives back any of `texts` as it is: each must be an output of
    `clean_html` (cleaned again, it would come out the same, only later). For an import whose reading
    process cleaned the bodies while the writer wrote earlier ones."""
    token = _known_clean.set(frozenset(texts))
    try:
        yield
    finally:
        _known_clean.reset(token)


def _wagtail_tag(match) -> str:
    closing, name, attribute_text = match.groups()
    if closing:
        return f"</{name}>"
    if not attribute_text and name not in VOID_ELEMENTS:  # most tags (<p>, <li>, <em>): nothing to rewrite
        return f"<{name}>"
    attributes = {key: html.unescape(value) for key, value in ATTRIBUTE.findall(attribute_text)}
    if name == "embed":
        # An <embed> only means something to Wagtail with an embedtype; any other is a browser plug-in.
        if "embedtype" not in attributes or not _resolvable(attributes, attributes["embedtype"], NUMBERED_EMBED_TYPES):
            return ""
    if (
        name == "a"
        and "linktype" in attributes
        and not _resolvable(attributes, attributes["linktype"], NUMBERED_LINK_TYPES)
    ):
        # The text stays; a link to a row that cannot exist goes.
        attributes = {key: value for key, value in attributes.items() if key not in ("linktype", "id")}
    # Escaping < and > inside values keeps Wagtail's tag-finding patterns from ending a tag early; these four
    # entities are the ones Wagtail decodes when it reads the attributes back.
    rendered = "".join(
        f' {key}="{html.escape(value, quote=False).replace(chr(34), "&quot;")}"' for key, value in attributes.items()
    )
    return f"<{name}{rendered}{'/' if name in VOID_ELEMENTS else ''}>"


def _resolvable(attributes: dict, kind: str, numbered_kinds: set) -> bool:
    return kind not in numbered_kinds or attributes.get("id", "").isdigit()
