"""A last line of defence for stored text: whatever path it takes into the database (the editor, an
importer, the shell), rich text keeps only Wagtail's own vocabulary and no text keeps control characters."""

import html
import re
import uuid

import nh3
from anyascii import anyascii
from django.db import models
from django.utils.text import slugify
from wagtail.blocks import ChooserBlock, FieldBlock, RichTextBlock, StreamBlock, StreamValue, StructBlock, StructValue
from wagtail.blocks.list_block import ListValue
from wagtail.fields import RichTextField, StreamField
from wagtail.rich_text import RichText

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
    cleaned = _CLEANER.clean(strip_control_characters(html_text or ""))
    return TAG.sub(_wagtail_tag, cleaned)


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


def clean_block_value(value) -> None:
    """Clean, in place, every rich text and plain string inside a StreamField value, however deeply nested."""
    if isinstance(value, RichText):
        value.source = clean_html(value.source)
    elif isinstance(value, StreamValue):
        for child in value:
            clean_block_value(child.value)
    elif isinstance(value, StructValue):
        for key, child in value.items():
            if isinstance(child, str):
                value[key] = strip_control_characters(child)
            else:
                clean_block_value(child)
    elif isinstance(value, ListValue | list):
        for child in value:
            clean_block_value(child)


def clean_stream_data(block, data, *, in_struct: bool = False):
    """What a StreamField's value goes through on save with `clean_block_value`, on its stored form:
    each block is read, cleaned and written back as data, except chosen images, pages and snippets,
    which stay ids. An importer cleaning thousands of new bodies before one bulk write so reads none
    of them from the database."""
    if isinstance(block, ChooserBlock):
        return data
    if isinstance(block, StreamBlock):
        return [
            {
                "type": child["type"],
                "value": clean_stream_data(block.child_blocks[child["type"]], child["value"]),
                "id": child.get("id") or str(uuid.uuid4()),
            }
            for child in data or []
            if child.get("type") in block.child_blocks
        ]
    if isinstance(block, StructBlock):
        data = data or {}
        return {
            name: clean_stream_data(child, data[name], in_struct=True)
            if name in data
            else child.get_prep_value(child.get_default())
            for name, child in block.child_blocks.items()
        }
    if isinstance(block, RichTextBlock) and isinstance(data, str):  # its stored form is its source: no round trip
        return clean_html(data)
    if isinstance(block, FieldBlock) and not isinstance(block, RichTextBlock) and isinstance(data, str):
        return strip_control_characters(data) if in_struct else data
    value = block.to_python(data)
    if isinstance(value, str):
        value = strip_control_characters(value) if in_struct else value  # as clean_block_value does
    else:
        clean_block_value(value)
    return block.get_prep_value(value)


def clean_instance(instance, *, streams_as_data: bool = False) -> None:
    """Clean every text field of `instance` before it is saved: rich text, stream blocks and plain text.

    `streams_as_data`: clean stream fields in their stored form (see `clean_stream_data`); for new
    pages whose streams were given as data and have not been read as blocks.
    """
    for field in instance._meta.concrete_fields:
        if isinstance(field, RichTextField):
            setattr(instance, field.attname, clean_html(getattr(instance, field.attname)))
        elif isinstance(field, StreamField) and streams_as_data:
            data = field.stream_block.get_prep_value(getattr(instance, field.attname))
            setattr(instance, field.attname, clean_stream_data(field.stream_block, data))
        elif isinstance(field, StreamField):
            clean_block_value(getattr(instance, field.attname))
        elif isinstance(field, models.CharField | models.TextField):
            value = getattr(instance, field.attname)
            if isinstance(value, str):
                setattr(instance, field.attname, strip_control_characters(value))


def ascii_slug(name: str) -> str:
    """A slug for any name, emoji- or symbol-only ones included: its transliteration, else "tag"."""
    return slugify(anyascii(name))[:90] or "tag"
