"""Wagtail's rich-text link and image handlers, made to tolerate a stored id that is not a number.

Such ids come from old imports or hand-edited HTML (the sanitiser no longer lets new ones in); Wagtail
would pass them to the database and fail the whole page, feed, API response or editor. Here they resolve
to nothing, which renders as a plain `<a>` or an empty image, like a link to a deleted page, and opens in
the editor as a broken link the next save removes.
"""

from wagtail.admin.rich_text.converters.html_to_contentstate import PageLinkElementHandler
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


class TolerantPageLinkElementHandler(PageLinkElementHandler):
    """The editor's reading of a stored page link: one whose id is not a number opens as a broken link."""

    def get_attribute_data(self, attrs):
        if not str(attrs.get("id", "")).isdigit():
            return {"id": None, "url": None, "parentId": None}
        return super().get_attribute_data(attrs)
