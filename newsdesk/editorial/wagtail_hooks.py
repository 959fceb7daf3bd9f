from django.urls import path
from wagtail import hooks

from newsdesk.editorial import audit, edit_conflicts, two_factor, views
from newsdesk.editorial.page_forms import EditorialPageFormMixin


@hooks.register("register_log_actions")
def register_editorial_log_actions(actions):
    for action, (label, message) in audit.ACTIONS.items():
        actions.register_action(action, label, message)


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [path("two-factor/", views.two_factor_setup, name="editorial_two_factor")]


@hooks.register("register_account_menu_item")
def register_two_factor_account_item(request):
    return {
        "url": two_factor.setup_url(),
        "label": "Two-factor authentication",
        "help_text": "Sign in with a code from an authenticator app as well as your password.",
    }


@hooks.register("construct_reports_menu")
def hide_site_history_from_non_administrators(request, menu_items):
    if not audit.can_read(request.user):
        menu_items[:] = [item for item in menu_items if item.name != "site-history"]


@hooks.register("before_edit_page")
def refuse_automatic_save_over_newer_work(request, page):
    if issubclass(getattr(page, "base_form_class", None) or object, EditorialPageFormMixin):
        return edit_conflicts.refuse_stale_autosave(request, page)
    return None
