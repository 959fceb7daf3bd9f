"""The one access check every page-changing admin POST goes through before Wagtail's view.

Wagtail quietly downgrades some refused actions (a publish POST without publish rights is saved as a
draft; a refused unpublish redirects to the dashboard). A desk needs refusals to be refusals:
403, nothing changed, and an entry in the audit log.
"""

from wagtail.models import Page

from newsdesk.core.ids import row_id

# Bulk action name -> the PagePermissionTester method each selected page must allow (as Wagtail checks).
BULK_PAGE_ACTIONS = {"publish": "can_publish", "unpublish": "can_unpublish", "delete": "can_delete", "move": "can_move"}

# url name -> (what the user is attempting, PagePermissionTester method that must allow it)
PAGE_ACTIONS = {
    "unpublish": ("unpublish", "can_unpublish"),
    "delete": ("delete", "can_delete"),
    "lock": ("lock", "can_lock"),
    "unlock": ("unlock", "can_unlock"),
    "revisions_unschedule": ("unschedule", "can_unschedule"),
    "move": ("move", "can_move"),
    "move_confirm": ("move", "can_move"),
    "copy": ("copy", "can_copy"),
    "set_privacy": ("set privacy", "can_set_view_restrictions"),
}


def refused_page_action(request, url_name: str, kwargs: dict):
    """(what was attempted, page) when this POST must be refused, else None."""
    if url_name == "edit":
        return _refused_edit(request, kwargs.get("page_id"))
    if url_name == "add":
        page_type = (kwargs.get("content_type_app_name"), kwargs.get("content_type_model_name"))
        return _refused_add(request, kwargs.get("parent_page_id"), *page_type)
    if url_name == "workflow_action":
        return _refused_review(request, kwargs.get("page_id"), kwargs.get("action_name"))
    if url_name == "set_page_position":
        return _refused_reorder(request, kwargs.get("page_to_move_id"))
    if url_name in PAGE_ACTIONS:
        attempted, test = PAGE_ACTIONS[url_name]
        page = _page(kwargs.get("page_id", kwargs.get("page_to_move_id")))
        if page is None:
            return None
        permissions = page.permissions_for_user(request.user)
        if not getattr(permissions, test)():
            return attempted, page
        destination = _page(kwargs.get("destination_id"))
        if destination is not None and not permissions.can_move_to(destination):
            return f"move under {destination.title}", page
    return None


def refused_bulk_action(request, kwargs: dict):
    """(what was attempted, first refused page) when a bulk page action includes a page the user may not act on."""
    test = BULK_PAGE_ACTIONS.get(kwargs.get("action"))
    if (kwargs.get("app_label"), kwargs.get("model_name")) != ("wagtailcore", "page") or test is None:
        return None
    ids = request.GET.getlist("id")
    if ids == ["all"]:
        pages = _page(row_id(request.GET.get("childOf")))
        pages = pages.get_children() if pages is not None else Page.objects.none()
    else:
        pages = Page.objects.filter(pk__in=[pk for pk in map(row_id, ids) if pk is not None])
    for page in pages:
        if not getattr(page.permissions_for_user(request.user), test)():
            return f"{kwargs['action']} (bulk)", page
    return None


def names_impossible_ids(request) -> bool:
    """True when a bulk action's `id` or `childOf` is not a number any row can have (see core.ids)."""
    ids = [value for value in request.GET.getlist("id") if value != "all"]
    if "childOf" in request.GET:
        ids.append(request.GET["childOf"])
    return any(row_id(value) is None for value in ids)


def _page(page_id):
    page_id = row_id(page_id)
    return Page.objects.filter(pk=page_id).first() if page_id is not None else None


def _refused_edit(request, page_id):
    page = _page(page_id)
    if page is None:
        return None
    permissions = page.permissions_for_user(request.user)
    if request.POST.get("action-publish") and not permissions.can_publish():
        return "publish", page
    if not permissions.can_edit():
        return "edit", page
    return None


def _refused_reorder(request, page_id):
    page = _page(page_id)
    parent = page.get_parent() if page is not None else None
    if parent is not None and not parent.permissions_for_user(request.user).can_reorder_children():
        return "reorder", page
    return None


def may_create_page_type(user, app_label: str, model_name: str) -> bool:
    """Page types are role rights too: each role holds the add permission of the types it creates."""
    return user.has_perm(f"{app_label}.add_{model_name}")


def _refused_add(request, parent_id, app_label=None, model_name=None):
    parent = _page(parent_id)
    if parent is None:
        return None
    if app_label and model_name and not may_create_page_type(request.user, app_label, model_name):
        return f"create a {model_name}", parent
    permissions = parent.permissions_for_user(request.user)
    if request.POST.get("action-publish") and not permissions.can_publish_subpage():
        return "publish", parent
    if not permissions.can_add_subpage():
        return "create", parent
    return None


def _refused_review(request, page_id, action_name):
    page = _page(page_id)
    if page is None:
        return None
    task = page.specific.current_workflow_task
    allowed = {name for name, _label, _modal in task.get_actions(page, request.user)} if task else set()
    return None if action_name in allowed else (f"review ({action_name})", page)
