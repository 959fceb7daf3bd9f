"""The one access check every page-changing admin POST goes through before Wagtail's view.

Wagtail quietly downgrades some refused actions (a publish POST without publish rights is saved as a
draft; a refused unpublish redirects to the dashboard). A desk needs refusals to be refusals:
403, nothing changed, and an entry in the audit log.
"""

from wagtail.models import Page

# url name -> (what the user is attempting, PagePermissionTester method that must allow it)
PAGE_ACTIONS = {
    "unpublish": ("unpublish", "can_unpublish"),
    "delete": ("delete", "can_delete"),
    "lock": ("lock", "can_lock"),
    "unlock": ("unlock", "can_unlock"),
    "revisions_unschedule": ("unschedule", "can_unschedule"),
    "move": ("move", "can_move"),
    "copy": ("copy", "can_copy"),
    "set_privacy": ("set privacy", "can_set_view_restrictions"),
}


def refused_page_action(request, url_name: str, kwargs: dict):
    """(what was attempted, page) when this POST must be refused, else None."""
    if url_name == "edit":
        return _refused_edit(request, kwargs.get("page_id"))
    if url_name == "add":
        return _refused_add(request, kwargs.get("parent_page_id"))
    if url_name == "workflow_action":
        return _refused_review(request, kwargs.get("page_id"), kwargs.get("action_name"))
    if url_name in PAGE_ACTIONS:
        attempted, test = PAGE_ACTIONS[url_name]
        page = _page(kwargs.get("page_id"))
        if page is not None and not getattr(page.permissions_for_user(request.user), test)():
            return attempted, page
    return None


def _page(page_id):
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


def _refused_add(request, parent_id):
    parent = _page(parent_id)
    if parent is None:
        return None
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
