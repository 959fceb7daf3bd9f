"""Every address partners and crawlers use; README "## Distribution" lists them."""

from django.urls import path, re_path, register_converter

from newsdesk.distribution import ninjs, views
from newsdesk.distribution.api import LARGEST_NUMBER, api, endpoint_not_found


class FeedFormatConverter:
    regex = "rss|atom|json"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


class IdConverter:
    """A database id: digits within 64 bits. A longer number matches no address (404), not a failing query."""

    regex = "[0-9]{1,19}"

    def to_python(self, value):
        number = int(value)
        if number > LARGEST_NUMBER:
            raise ValueError("beyond a 64-bit id")
        return number

    def to_url(self, value):
        return str(value)


register_converter(FeedFormatConverter, "feedformat")
register_converter(IdConverter, "id")

app_name = "distribution"

urlpatterns = [
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", views.sitemap_index, name="sitemap_index"),
    path("sitemap-news.xml", views.news_sitemap, name="news_sitemap"),
    path("sitemap-<slug:section>-<int:page>.xml", views.sitemap_page, name="sitemap"),
    path("feed/<feedformat:fmt>/", views.feed, name="feed"),
    path("authors/<str:slug>/feed/<feedformat:fmt>/", views.feed, {"scope_kind": "author"}, name="author_feed"),
    path("tags/<str:slug>/feed/<feedformat:fmt>/", views.feed, {"scope_kind": "tag"}, name="tag_feed"),
    path("topics/<str:slug>/feed/<feedformat:fmt>/", views.feed, {"scope_kind": "entity"}, name="entity_feed"),
    path("<str:slug>/feed/<feedformat:fmt>/", views.feed, {"scope_kind": "section"}, name="section_feed"),
    path("ninjs/articles/<id:pk>.json", ninjs.article_ninjs, name="ninjs"),
    path("ninjs/3/articles/<id:pk>.json", ninjs.article_ninjs, {"version": "3.1"}, name="ninjs_3"),
    path("api/v1/", endpoint_not_found),  # the root names no endpoint either; the docs list them
    path("api/v1/", api.urls),
    re_path(r"^api/v1/", endpoint_not_found),
]
