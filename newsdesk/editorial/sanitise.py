"""A last line of defence for stored text: whatever path it takes into the database (the editor, an
importer, the shell), rich text keeps only Wagtail's own vocabulary and no text keeps control characters."""

import uuid

from anyascii import anyascii
from django.db import models
from django.utils.text import slugify
from wagtail.blocks import ChooserBlock, FieldBlock, RichTextBlock, StreamBlock, StreamValue, StructBlock, StructValue
from wagtail.blocks.list_block import ListValue
from wagtail.fields import RichTextField, StreamField
from wagtail.rich_text import RichText

from newsdesk.editorial.html_cleaning import clean_html, known_clean, strip_control_characters

__all__ = ["ascii_slug", "clean_block_value", "clean_html", "clean_instance", "known_clean", "strip_control_characters"]


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
