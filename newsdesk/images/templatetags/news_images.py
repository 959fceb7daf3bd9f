from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.images.models import Picture, SourceImageIOError

from newsdesk.images.pictures import filters_for

register = template.Library()


@register.simple_tag(takes_context=True)
def news_picture(context, image, specs: str, **attrs):
    """`{% news_picture image "hero" alt=… sizes=… %}`, a name from images.pictures or filter specs.

    Wagtail's {% picture %}, with two differences. It only reads renditions: they are made when the
    article is published (images.pictures.make_renditions), so a reader's request never writes; one
    not made yet is left out, and with none at all the original is shown. An editor's preview may
    make them. And it leaves out the candidates an image too small for them would repeat: a 640px
    original gives 640px for both width-800 and width-1200, and a srcset naming the same width twice
    is invalid HTML.
    """
    if not image:
        return ""
    filters = filters_for(specs)
    request = context.get("request")
    try:
        if getattr(request, "is_preview", False):
            found = image.get_renditions(*filters)
        else:
            existing = image.find_existing_renditions(*filters)
            found = {f.spec: existing[f] for f in filters if f in existing}
    except SourceImageIOError:
        found = {}
    originals = {spec: rendition for spec, rendition in found.items() if rendition.is_original}
    if originals:
        # The renditions could not be written: one <img> of the original, not sources that claim other formats.
        found = dict([next(iter(originals.items()))])
    if not found:
        return original_img(image, attrs)
    return mark_safe(Picture(distinct_widths(found), attrs).__html__())  # noqa: S308 - Picture escapes attributes


def original_img(image, attrs: dict) -> str:
    """The original file, at its own size, for an image whose renditions are not made yet."""
    shown = {key: value for key, value in attrs.items() if key not in ("sizes",)}
    extra = format_html_join_attrs(shown)
    return format_html('<img src="{}" width="{}" height="{}"{}>', image.file.url, image.width, image.height, extra)


def format_html_join_attrs(attrs: dict):
    return mark_safe("".join(format_html(' {}="{}"', key, value) for key, value in attrs.items()))  # noqa: S308


def distinct_widths(renditions: dict) -> dict:
    """Keep the first rendition of each (format, width) pair."""
    seen, kept = set(), {}
    for spec, rendition in renditions.items():
        key = (next((part for part in spec.split("|") if part.startswith("format-")), ""), rendition.width)
        if key not in seen:
            seen.add(key)
            kept[spec] = rendition
    return kept
