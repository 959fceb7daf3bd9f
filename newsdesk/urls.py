from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from newsdesk.core import routing
from newsdesk.core import views as core_views
from newsdesk.discovery.admin_search import ArticleSearchView
from newsdesk.editorial import views as editorial_views

urlpatterns = [
    # Ahead of Wagtail's own: the admin's page search, less other people's drafts (editorial/views.py),
    # with articles found by the site's search engine (discovery/admin_search.py).
    path("admin/pages/search/", editorial_views.page_search, {"view_class": ArticleSearchView}),
    path("admin/pages/search/results/", editorial_views.page_search_results, {"view_class": ArticleSearchView}),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("newsdesk.editorial.urls")),
    path("", include("newsdesk.distribution.urls")),
    path("", include("newsdesk.discovery.urls")),
    path("", include("newsdesk.entities.hub_urls")),
    path("", include("newsdesk.importers.urls")),
    path("", include("newsdesk.people.urls")),
    path("", include("newsdesk.sections.urls")),
]

if settings.NEWSDESK_SERVE_MEDIA:
    # The embedded mode serves uploads itself; at scale MEDIA_URL points at object storage.
    urlpatterns += [path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", core_views.serve_media)]

# Wagtail's own, with its page view finding reader pages by address in one query (core/routing.py).
urlpatterns += [
    *(pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"),
    re_path(wagtail_urls.serve_pattern, routing.serve, name="wagtail_serve"),
]

handler404 = "newsdesk.sections.views.page_not_found"
handler500 = "newsdesk.core.views.server_error"
