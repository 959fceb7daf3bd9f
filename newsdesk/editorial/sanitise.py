"""A last line of defence for rich text: whatever path HTML takes into the database (the editor,
an importer, the shell), only Wagtail's own rich-text vocabulary is kept."""

import re

import nh3
from wagtail.blocks import StreamValue, StructValue
from wagtail.blocks.list_block import ListValue
from wagtail.fields import RichTextField, StreamField
from wagtail.rich_text import RichText

# Wagtail stores links to pages/documents as <a linktype id> and images/media as <embed embedtype …>;
# the expander turns them into real markup at render time, so they must survive cleaning.
TAGS = {"p", "br", "b", "strong", "i", "em", "s", "sup", "sub", "code", "ul", "ol", "li", "h2", "h3", "h4",
        "blockquote", "hr", "a", "embed"}
ATTRIBUTES = {
    "a": {"href", "linktype", "id"},
    "embed": {"embedtype", "url", "id", "alt", "format"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


# An <embed> only means something to Wagtail with an embedtype; any other is a browser plug-in element.
FOREIGN_EMBED = re.compile(r"<embed(?![^>]*\bembedtype=)[^>]*>", re.I)


def clean_html(html: str) -> str:
    cleaned = nh3.clean(html or "", tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES, link_rel=None)
    return FOREIGN_EMBED.sub("", cleaned)


def clean_block_value(value) -> None:
    """Clean, in place, every rich text inside a StreamField value, however deeply nested."""
    if isinstance(value, RichText):
        value.source = clean_html(value.source)
    elif isinstance(value, StreamValue):
        for child in value:
            clean_block_value(child.value)
    elif isinstance(value, StructValue):
        for child in value.values():
            clean_block_value(child)
    elif isinstance(value, ListValue | list):
        for child in value:
            clean_block_value(child)


def clean_instance(instance) -> None:
    for field in instance._meta.concrete_fields:
        if isinstance(field, RichTextField):
            setattr(instance, field.attname, clean_html(getattr(instance, field.attname)))
        elif isinstance(field, StreamField):
            clean_block_value(getattr(instance, field.attname))
