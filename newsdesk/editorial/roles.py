"""The desk's roles, expressed as Wagtail groups and permissions.

Every function takes an app registry so the data migration (historical models) and the running
site (signal handlers) provision exactly the same thing.

- Contributor: creates articles (no other page type) anywhere and edits their own drafts, uploads images,
  submits for review.
- Section editor: a base group for admin access and images, plus one "<Section> desk" group per section
  that may edit, publish, schedule and unpublish anything in that section only, and approves its reviews.
- Chief editor: every section, authors, site settings, deletion of whole branches.
- Administrator: everything, including users and groups.
"""

from django.contrib.auth.management import create_permissions as django_create_permissions

CONTRIBUTOR = "Contributors"
SECTION_EDITOR = "Section editors"
CHIEF_EDITOR = "Chief editors"
ADMINISTRATOR = "Administrators"
ROLES = [CONTRIBUTOR, SECTION_EDITOR, CHIEF_EDITOR, ADMINISTRATOR]
# Roles that must use two-factor authentication when NEWSDESK_REQUIRE_2FA is on.
TWO_FACTOR_ROLES = [CHIEF_EDITOR, ADMINISTRATOR]

SECTION_DESK_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
CHIEF_PAGE_PERMISSIONS = SECTION_DESK_PAGE_PERMISSIONS + ["bulk_delete_page"]

# (app_label, codename) pairs granted as model permissions.
_ADMIN_ACCESS = [("wagtailadmin", "access_admin")]
# Wagtail checks image rights against its own Image model's permissions, even for our NewsImage.
_IMAGES_CONTRIBUTE = [("wagtailimages", "add_image"), ("wagtailimages", "choose_image")]
_IMAGES_EDIT = _IMAGES_CONTRIBUTE + [("wagtailimages", "change_image")]
_IMAGES_ALL = _IMAGES_EDIT + [("wagtailimages", "delete_image")]
# The NewsImage permissions granted before: Wagtail never looks at them.
UNUSED_IMAGE_PERMISSIONS = [("images", f"{action}_newsimage") for action in ("add", "choose", "change", "delete")]
# Which page types each role creates (model add permissions, checked by editorial.guard).
_CREATE_ARTICLES = [("articles", "add_articlepage")]
_CREATE_ALL_PAGES = _CREATE_ARTICLES + [("sections", "add_sectionpage"), ("sections", "add_standardpage")]
_AUTHORS_VIEW = [("people", "view_author")]
_AUTHORS_MANAGE = _AUTHORS_VIEW + [("people", "add_author"), ("people", "change_author"), ("people", "delete_author")]

# Entities (people, places, organisations… named in articles): everyone sees the registry; section editors
# add and correct entries; merging duplicates and deleting are for chief editors. Confirming or rejecting an
# article's entities goes with the right to edit that article (see entities/permissions.py).
_ENTITIES_VIEW = [("entities", "view_entity")]
_ENTITIES_EDIT = _ENTITIES_VIEW + [("entities", "add_entity"), ("entities", "change_entity")]
_ENTITIES_ALL = _ENTITIES_EDIT + [("entities", "delete_entity"), ("entities", "merge_entity")]

MODEL_PERMISSIONS = {
    CONTRIBUTOR: _ADMIN_ACCESS + _IMAGES_CONTRIBUTE + _AUTHORS_VIEW + _CREATE_ARTICLES + _ENTITIES_VIEW,
    SECTION_EDITOR: _ADMIN_ACCESS + _IMAGES_EDIT + _AUTHORS_VIEW + _CREATE_ARTICLES + _ENTITIES_EDIT,
    CHIEF_EDITOR: _ADMIN_ACCESS
    + _CREATE_ALL_PAGES
    + _IMAGES_ALL
    + _AUTHORS_MANAGE
    + _ENTITIES_ALL
    + [
        ("sections", "change_publicationsettings"),
        ("wagtailredirects", "add_redirect"),
        ("wagtailredirects", "change_redirect"),
        ("wagtailredirects", "delete_redirect"),
    ],
    # Administrators get every permission there is (see grant_everything).
    ADMINISTRATOR: [],
}
# Image rights are collection permissions in Wagtail; these roles hold them on the root collection.
COLLECTION_PERMISSIONS = {
    CONTRIBUTOR: _IMAGES_CONTRIBUTE,
    SECTION_EDITOR: _IMAGES_EDIT,
    CHIEF_EDITOR: _IMAGES_ALL,
    ADMINISTRATOR: _IMAGES_ALL,
}


def desk_group_name(section) -> str:
    return f"{section.title} desk"


def create_permissions(apps):
    """Make sure every model permission exists before a migration hands them out."""
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        django_create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def _permissions(apps, pairs):
    Permission = apps.get_model("auth", "Permission")
    found = []
    for app_label, codename in pairs:
        permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
        if permission is not None:  # an app may be absent from a trimmed-down deployment
            found.append(permission)
    return found


def _grant_pages(apps, group, page, codenames):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    for permission in _permissions(apps, [("wagtailcore", codename) for codename in codenames]):
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def _grant_collection(apps, group, pairs):
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root = Collection.objects.filter(depth=1).first()
    if root is None:
        return
    for permission in _permissions(apps, pairs):
        GroupCollectionPermission.objects.get_or_create(group=group, collection=root, permission=permission)


def grant_everything(apps):
    """Administrators hold every model permission, including ones added by later migrations."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=ADMINISTRATOR).first()
    if group is not None:
        group.permissions.add(*Permission.objects.all())


def provision_roles(apps):
    """Create the four role groups with their permissions; replace Wagtail's stock Editors/Moderators."""
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    create_permissions(apps)
    root = Page.objects.get(depth=1)
    home = Page.objects.filter(depth=2).order_by("path").first() or root
    groups = {}
    for role in ROLES:
        group, _ = Group.objects.get_or_create(name=role)
        group.permissions.add(*_permissions(apps, MODEL_PERMISSIONS[role]))
        _grant_collection(apps, group, COLLECTION_PERMISSIONS[role])
        groups[role] = group
    grant_everything(apps)
    # Contributors may create under any section (and edit only what they own); publishing is for desks.
    _grant_pages(apps, groups[CONTRIBUTOR], home, ["add_page"])
    _grant_pages(apps, groups[CHIEF_EDITOR], home, CHIEF_PAGE_PERMISSIONS)
    _grant_pages(apps, groups[ADMINISTRATOR], root, CHIEF_PAGE_PERMISSIONS)
    _chief_review_for_everything_else(apps, [groups[CHIEF_EDITOR], groups[ADMINISTRATOR]])
    Group.objects.filter(name__in=["Editors", "Moderators"]).delete()
    return groups


def _chief_review_for_everything_else(apps, reviewers):
    """Wagtail's stock root workflow becomes the chief editor's review (home page, standard pages)."""
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    Page = apps.get_model("wagtailcore", "Page")
    workflow, _ = Workflow.objects.get_or_create(name="Chief editor review")
    task = _approval_task(apps, "Chief editor approval", reviewers)
    _attach(apps, workflow, task)
    WorkflowPage.objects.update_or_create(page=Page.objects.get(depth=1), defaults={"workflow": workflow})
    # Wagtail's stock workflow approved by the (removed) Moderators group has no one left to act on it.
    Workflow.objects.filter(name="Moderators approval").exclude(pk=workflow.pk).delete()
    apps.get_model("wagtailcore", "Task").objects.filter(name="Moderators approval").delete()


def _approval_task(apps, name, groups):
    ContentType = apps.get_model("contenttypes", "ContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    content_type = ContentType.objects.get_for_model(GroupApprovalTask)
    task, _ = GroupApprovalTask.objects.get_or_create(name=name, defaults={"content_type": content_type})
    task.groups.add(*groups)
    return task


def _attach(apps, workflow, task):
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})


def provision_section_desk(apps, section):
    """A new section gets its own desk group, page permissions and review workflow."""
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    SectionDesk = apps.get_model("editorial", "SectionDesk")
    desk = SectionDesk.objects.filter(section_id=section.pk).select_related("group").first()
    if desk is not None:
        return desk
    group, _ = Group.objects.get_or_create(name=desk_group_name(section))
    _grant_pages(apps, group, section, SECTION_DESK_PAGE_PERMISSIONS)
    senior = list(Group.objects.filter(name__in=[CHIEF_EDITOR, ADMINISTRATOR]))
    workflow, _ = Workflow.objects.get_or_create(name=f"{section.title} desk review")
    task = _approval_task(apps, f"{section.title} desk approval", [group, *senior])
    _attach(apps, workflow, task)
    WorkflowPage.objects.update_or_create(page_id=section.pk, defaults={"workflow": workflow})
    return SectionDesk.objects.create(section_id=section.pk, group=group, workflow=workflow)


def update_role_permissions(apps):
    """Bring existing role groups to the current MODEL_PERMISSIONS and COLLECTION_PERMISSIONS:
    Wagtail's image permissions instead of the unused NewsImage ones, and page-type creation rights."""
    Group = apps.get_model("auth", "Group")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    create_permissions(apps)
    unused = _permissions(apps, UNUSED_IMAGE_PERMISSIONS)
    for group in Group.objects.filter(name__in=[CONTRIBUTOR, SECTION_EDITOR, CHIEF_EDITOR]):
        group.permissions.remove(*unused)
        group.permissions.add(*_permissions(apps, MODEL_PERMISSIONS[group.name]))
    for group in Group.objects.filter(name__in=ROLES):
        GroupCollectionPermission.objects.filter(group=group, permission__in=unused).delete()
        _grant_collection(apps, group, COLLECTION_PERMISSIONS[group.name])
