from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from newsdesk.entities.models import Entity


class EntityViewSet(SnippetViewSet):
    model = Entity
    icon = "tag"
    menu_label = "Entities"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "kind", "slug", "updated_at"]
    list_filter = ["kind"]
    search_fields = ["name", "aliases__name"]


register_snippet(EntityViewSet)
