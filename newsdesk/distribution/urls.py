"""Every address partners and crawlers use; README "## Distribution" lists them."""

from django.urls import path, register_converter

from newsdesk.distribution import ninjs, views
from newsdesk.distribution.api import api


class FeedFormatConverter:
    regex = "rss|atom|json"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(FeedFormatConverter, "feedformat")

app_name = "distribution"

urlpatterns = [
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", views.sitemap_index, name="sitemap_index"),
    path("sitemap-news.xml", views.news_sitemap, name="news_sitemap"),
    path("sitemap-<slug:section>-<int:page>.xml", views.sitemap_page, name="sitemap"),
    path("feed/<feedformat:fmt>/", views.feed, name="feed"),
    path("authors/<str:slug>/feed/<feedformat:fmt>/", views.feed, {"scope_kind": "author"}, name="author_feed"),
    path("tags/<str:slug>/feed/<feedformat:fmt>/", views.feed, {"scope_kind": "tag"}, name="tag_feed"),
    path("<str:slug>/feed/<feedformat:fmt>/", views.feed, {"scope_kind": "section"}, name="section_feed"),
    path("ninjs/articles/<int:pk>.json", ninjs.article_ninjs, name="ninjs"),
    path("api/v1/", api.urls),
]
