"""Who may read which drafts in the admin: the explorer, its search, the page chooser and the page search."""

from django.db.models import Q
from wagtail.models import GroupPagePermission, Page
from wagtail.permission_policies.pages import PagePermissionPolicy


def without_others_drafts(pages, user):
    """`pages` minus the never-published or unpublished pages `user` may not edit: someone else's
    draft headline is not for every Contributor to read."""
    if user.is_superuser:
        return pages
    return pages.filter(_readable(user))


def is_others_draft(page_id, user) -> bool:
    """True when `page_id` names a page `user` may not read by the rule above (one query; none for superusers)."""
    if user.is_superuser or page_id is None:
        return False
    return Page.objects.filter(pk=page_id).exclude(_readable(user)).exists()


def _readable(user) -> Q:
    visible = Q(live=True) | Q(owner=user)
    editable_roots = GroupPagePermission.objects.filter(
        group__user=user, permission__codename="change_page"
    ).values_list("page__path", flat=True)
    for root_path in editable_roots:
        visible |= Q(path__startswith=root_path)
    return visible


class DraftAwarePagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page policy, whose explorable pages leave out others' drafts as the explorer does: the
    admin's page API (listings and details, which the explorer's menus and choosers read) follows it."""

    def explorable_instances(self, user):
        return without_others_drafts(super().explorable_instances(user), user)
