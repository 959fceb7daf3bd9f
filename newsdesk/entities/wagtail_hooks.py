from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.menus import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from newsdesk.entities import urls
from newsdesk.entities.forms import EntityForm
from newsdesk.entities.models import Entity


class EntityViewSet(SnippetViewSet):
    model = Entity
    icon = "tag"
    menu_label = "Entities"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "kind", "slug", "is_curated", "updated_at"]
    list_filter = ["kind", "is_curated"]
    search_fields = ["name", "aliases__name"]
    edit_handler = ObjectList(Entity.panels, base_form_class=EntityForm)


register_snippet(EntityViewSet)


@hooks.register("register_admin_urls")
def entities_admin_urls():
    return [path("", include(urls))]


@hooks.register("register_snippet_listing_buttons")
def merge_button(snippet, user, next_url=None):
    if isinstance(snippet, Entity) and user.has_perm("entities.merge_entity"):
        yield MenuItem("Merge into…", reverse("entities_merge", args=[snippet.pk]), icon_name="resubmit", priority=40)
