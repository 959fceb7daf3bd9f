"""Absolute addresses and the publication's identity, as every output format states them."""

from django.conf import settings
from django.urls import reverse
from django.utils.encoding import iri_to_uri
from wagtail.images.models import SourceImageIOError
from wagtail.models import Site

from newsdesk.images.pictures import filters_for
from newsdesk.sections.models import PublicationSettings

# Renditions we publish for structured data and social cards (schema.org asks for 16:9, 4:3 and 1:1).
CROPS = {"16x9": "fill-1200x675", "4x3": "fill-1200x900", "1x1": "fill-1200x1200"}
# The publication logo as JSON-LD and social cards show it: whole, never cropped. Google asks for a logo of
# at least 112 px on each side; a logo is not enlarged, so one smaller than that goes out at its own size.
LOGO = "max-1200x600"
# An author's photo on the profile page's card and JSON-LD.
PORTRAIT = "fill-400x400"
# The logo in every page's masthead (core/site_header.html).
MASTHEAD_LOGO = "height-96"


def absolute(request, path: str) -> str:
    """`path` made absolute against the host the request came to (URLs that already are stay as they are)."""
    if not path or path.startswith(("http://", "https://")):
        return path
    return request.build_absolute_uri(path)


# Schemes a link may carry to partners and crawlers; forms check them on input, outputs check again
# because values also arrive by import, the shell and older versions.


def tag_url(request, tag) -> str:
    """The tag page's absolute address, or "" for a tag whose name had nothing to make a slug from."""
    return absolute(request, reverse("tag", kwargs={"slug": tag.slug})) if tag.slug else ""


def page_url(request, page) -> str:
    return absolute(request, page.get_url(request))


def publication(request) -> PublicationSettings:
    return PublicationSettings.for_request(request)


def language(request) -> str:
    return publication(request).language or settings.LANGUAGE_CODE


def original_url(request, image) -> str:
    return absolute(request, image.file.url)


def image_mime_type(image) -> str:
    extension = image.file.name.rsplit(".", 1)[-1].lower()
    return {
        "jpg": "image/jpeg",
        "jpeg": "image/jpeg",
        "png": "image/png",
        "gif": "image/gif",
        "webp": "image/webp",
        "avif": "image/avif",
    }.get(extension, "application/octet-stream")


class PageUrls:
    """Absolute page URLs from `url_path` alone, for lists too long to build a Page instance per row.

    Mirrors Wagtail's `Page.get_url_parts`: the longest matching site root decides the prefix; pages of
    the site the request came to are made absolute against the request's own host."""

    def __init__(self, request):
        self.request = request
        current = Site.find_for_request(request)
        self.roots = sorted(
            (
                (root.root_path, root.root_url, root.site_id == getattr(current, "pk", None))
                for root in Site.get_site_root_paths()
            ),
            key=lambda root: len(root[0]),
            reverse=True,
        )
        self.base = absolute(request, "/")

    def __call__(self, url_path: str) -> str:
        for root_path, root_url, is_current in self.roots:
            if url_path.startswith(root_path):
                # Percent-encoded as Wagtail's own URLs are: a Korean or Arabic slug must give the same
                # address in a sitemap as in the page's canonical link (and sitemaps require URIs).
                tail = iri_to_uri(url_path[len(root_path) :])
                return f"{self.base}{tail}" if is_current else f"{root_url}/{tail}"
        return ""


def crop_renditions(image) -> dict:
    """{filter spec: rendition} for our three crops, read once per image instance (head and JSON-LD share it).

    Only read: publishing makes them (images.pictures.make_renditions), so no reader's request writes.
    A crop not made yet (or not writable: a full disk) is stood in for by the original, as pictures are;
    with the original file missing too, it is left out and the outputs leave the image out.
    """
    if not hasattr(image, "_distribution_crops"):
        found = _existing(image, *CROPS.values())
        if len(found) < len(CROPS) and image.file.storage.exists(image.file.name):  # checked only on a miss
            for spec in CROPS.values():
                found.setdefault(spec, image.original_as_rendition(filters_for(spec)[0]))
        image._distribution_crops = found
    return image._distribution_crops


def rendition_or_none(image, spec: str):
    """One rendition if it has been made (on publish, or when the image's owner is saved), else None."""
    return _existing(image, spec).get(spec)


def _existing(image, *specs: str) -> dict:
    try:
        found = image.find_existing_renditions(*(f for spec in specs for f in filters_for(spec)))
    except SourceImageIOError:
        return {}
    return {f.spec: rendition for f, rendition in found.items()}
