from django.urls import path
from wagtail import hooks

from newsdesk.editorial import audit, edit_conflicts, two_factor, views
from newsdesk.editorial.drafts import without_others_drafts
from newsdesk.editorial.link_handlers import (
    TolerantDocumentLinkHandler,
    TolerantImageEmbedHandler,
    TolerantPageLinkElementHandler,
    TolerantPageLinkHandler,
)
from newsdesk.editorial.page_forms import EditorialPageFormMixin


# Runs after Wagtail's own registrations (order 0), so these handlers replace them.
@hooks.register("register_rich_text_features", order=100)
def tolerate_malformed_rich_text_ids(features):
    features.register_link_type(TolerantPageLinkHandler)
    features.register_link_type(TolerantDocumentLinkHandler)
    features.register_embed_type(TolerantImageEmbedHandler)
    # The registry is being filled while this runs, so Wagtail's link rule is read from it directly.
    link_rule = features.converter_rules_by_converter.get("contentstate", {}).get("link")
    if link_rule:
        link_rule["from_database_format"]['a[linktype="page"]'] = TolerantPageLinkElementHandler("LINK")


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


@hooks.register("construct_explorer_page_queryset")
def hide_others_drafts_in_the_explorer(parent_page, pages, request):
    return without_others_drafts(pages, request.user)


@hooks.register("construct_page_chooser_queryset")
def hide_others_drafts_in_the_chooser(pages, request):
    return without_others_drafts(pages, request.user)


@hooks.register("before_edit_page")
def refuse_automatic_save_over_newer_work(request, page):
    if issubclass(getattr(page, "base_form_class", None) or object, EditorialPageFormMixin):
        return edit_conflicts.refuse_stale_autosave(request, page)
    return None
