"""Wagtail's rich-text link and image handlers, made to tolerate a stored id that is not a number.

Such ids come from old imports or hand-edited HTML (the sanitiser no longer lets new ones in); Wagtail
would pass them to the database and fail the whole page, feed or API response. Here they resolve to
nothing, which renders as a plain `<a>` or an empty image, like a link to a deleted page.
"""

from wagtail.documents.rich_text import DocumentLinkHandler
from wagtail.images.rich_text import ImageEmbedHandler
from wagtail.rich_text.pages import PageLinkHandler


class NumericIdsOnly:
    @classmethod
    def get_many(cls, attrs_list: list[dict]) -> list:
        usable = [attrs for attrs in attrs_list if str(attrs.get("id", "")).isdigit()]
        found = iter(super().get_many(usable))
        return [next(found) if attrs in usable else None for attrs in attrs_list]


class TolerantPageLinkHandler(NumericIdsOnly, PageLinkHandler):
    pass


class TolerantDocumentLinkHandler(NumericIdsOnly, DocumentLinkHandler):
    pass


class TolerantImageEmbedHandler(NumericIdsOnly, ImageEmbedHandler):
    pass
