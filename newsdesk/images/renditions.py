"""Rendition loading for pages that show many images at once."""

import copy
from collections import defaultdict

from newsdesk.images.models import NewsRendition
from newsdesk.images.pictures import filters_for


def prefetch_renditions(images, pictures: tuple[str, ...] | None = None) -> None:
    """Load the existing renditions of all `images` in one query and attach them to each instance.

    Wagtail's image tags then find them in `prefetched_renditions` instead of asking the cache or the
    database once per image, so a page costs the same number of queries however many images it shows.
    With `pictures` (names in images.pictures), only those pictures' renditions: an image has some 26
    (every picture and social crop), and a teaser shows four; reading them all was most of a cold render.
    """
    by_id = defaultdict(list)
    for image in images:
        if image is not None and image.pk:
            by_id[image.pk].append(image)
    if not by_id:
        return
    rows = NewsRendition.objects.filter(image_id__in=by_id)
    if pictures is not None:
        rows = rows.filter(filter_spec__in={f.spec for name in pictures for f in filters_for(name)})
    renditions = defaultdict(list)
    for rendition in rows:
        renditions[rendition.image_id].append(rendition)
    for image_id, instances in by_id.items():
        for n, image in enumerate(instances):
            # Each rendition points back at this very instance: rendering reads rendition.image for alt text.
            # The rows read here serve the first instance; only an image shown twice pays for copies.
            image.prefetched_renditions = [_bound_to(rendition, image, n > 0) for rendition in renditions[image_id]]


def _bound_to(rendition, image, copied: bool):
    if copied:
        rendition = copy.copy(rendition)
    rendition.image = image
    return rendition
