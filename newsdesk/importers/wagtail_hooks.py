from django.http import HttpResponsePermanentRedirect
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from newsdesk.importers import views
from newsdesk.importers.load.redirects import old_query_redirect


@hooks.register("before_serve_page")
def redirect_old_wordpress_query_links(page, request, serve_args, serve_kwargs):
    """`/?p=123` lands on the home page, so the redirect middleware (which acts on 404s) never sees it."""
    target = old_query_redirect(request)
    if target:
        return HttpResponsePermanentRedirect(target)
    return None


@hooks.register("register_admin_urls")
def register_import_urls():
    return [path("import/html/", views.import_html, name="importers_import_html")]


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    # Shown to everyone in the admin; the page itself refuses users who may not add articles anywhere.
    return MenuItem("Import from HTML", reverse("importers_import_html"), icon_name="download", order=900)
