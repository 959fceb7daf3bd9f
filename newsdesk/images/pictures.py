"""The pictures reader pages show, by name, and making their renditions ahead of readers.

Templates name a picture (`{% news_picture image "hero" %}`) instead of spelling its filters, so the
task that makes renditions when an article is published makes exactly what pages will ask for. The
reader path only reads renditions (images/templatetags/news_images.py): a page view never writes a
file or a row, and a crawler walking the archive pays no image processing.
"""

from functools import cache

from django_tasks import task
from wagtail.images.models import Filter, SourceImageIOError

from newsdesk.images.models import NewsImage

PICTURES = {
    "hero": "format-{webp,jpeg} width-{480,800,1200}",  # an article's hero and its body images
    "lead": "format-{webp,jpeg} fill-{480x270,800x450,1200x675}",  # the home page's lead story
    "teaser": "format-{webp,jpeg} fill-{240x135,480x270}",  # teaser cards in every listing
    "byline": "format-{webp,jpeg} fill-{80x80,160x160}",  # the author box under an article
    "profile": "format-{webp,jpeg} fill-{128x128,256x256}",  # the author's own page
}


@cache
def filters_for(specs: str) -> tuple:
    """Filters for a picture name or a spec string, parsed once per process (Wagtail parses each anew)."""
    specs = PICTURES.get(specs, specs)
    return tuple(Filter(spec=spec) for spec in Filter.expand_spec(specs.split()))


@task()
def make_renditions(image_ids: list, extra_specs: list, pictures: bool = True):
    """Every picture's renditions (unless `pictures` is false), and `extra_specs` (social-card crops, the
    masthead logo…), for each image that still exists."""
    named = [f for name in PICTURES for f in filters_for(name)] if pictures else []
    filters = named + [Filter(spec=spec) for spec in extra_specs]
    for image in NewsImage.objects.filter(pk__in=image_ids):
        try:
            image.get_renditions(*filters)
        except SourceImageIOError:
            continue  # no original to work from: readers' pages already leave such an image out
