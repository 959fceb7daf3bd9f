from django import template
from django.utils.safestring import mark_safe
from wagtail.images.models import Filter, Picture
from wagtail.images.shortcuts import get_renditions_or_not_found

register = template.Library()


@register.simple_tag
def news_picture(image, specs: str, **attrs):
    """`{% news_picture image "format-{webp,jpeg} width-{480,800,1200}" alt=… sizes=… %}`.

    Wagtail's {% picture %}, less the candidates an image too small for them would repeat: a
    640px original gives 640px for both width-800 and width-1200, and a srcset naming the same
    width twice is invalid HTML.
    """
    if not image:
        return ""
    filters = [Filter(spec=spec) for spec in Filter.expand_spec(specs.split())]
    renditions = get_renditions_or_not_found(image, filters)
    originals = {spec: rendition for spec, rendition in renditions.items() if rendition.is_original}
    if originals:
        # The renditions could not be written: one <img> of the original, not sources that claim other formats.
        renditions = dict([next(iter(originals.items()))])
    return mark_safe(Picture(distinct_widths(renditions), attrs).__html__())  # noqa: S308 - Picture escapes attributes


def distinct_widths(renditions: dict) -> dict:
    """Keep the first rendition of each (format, width) pair."""
    seen, kept = set(), {}
    for spec, rendition in renditions.items():
        key = (next((part for part in spec.split("|") if part.startswith("format-")), ""), rendition.width)
        if key not in seen:
            seen.add(key)
            kept[spec] = rendition
    return kept
