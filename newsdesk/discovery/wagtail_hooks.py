from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.widgets import Button

from newsdesk.articles.models import ArticlePage
from newsdesk.discovery import admin_views


@hooks.register("register_admin_urls")
def register_related_urls():
    return [
        path("related/<id:article_id>/", admin_views.related_list, name="discovery_related"),
        path("related/<id:article_id>/change/", admin_views.change_related, name="discovery_related_change"),
    ]


@hooks.register("register_page_header_buttons")
def related_button(page, user, view_name, next_url=None):
    # On the article's edit screen, beside History: where the editor reads the reasons and pins or excludes.
    if isinstance(page.specific_deferred, ArticlePage) and page.permissions_for_user(user).can_edit():
        yield Button("Related articles", reverse("discovery_related", args=[page.pk]), icon_name="link", priority=66)
