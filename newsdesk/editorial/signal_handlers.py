"""Side effects of editorial events, one line each; the work lives in roles, audit and sanitise."""

from django.apps import apps as global_apps

from newsdesk.editorial import audit, roles, sanitise, two_factor


def grant_administrators_everything(sender, **kwargs):
    roles.grant_everything(global_apps)


def provision_desk_for_new_section(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        roles.provision_section_desk(global_apps, instance)


def audit_role_change(sender, instance, action, pk_set, reverse=False, **kwargs):
    audit.log_role_change(instance, action, pk_set, reverse)


def audit_login_failure(sender, credentials, request=None, **kwargs):
    audit.log_login_failure(credentials, request)


def mark_second_factor_verified(sender, request, user, **kwargs):
    two_factor.complete_login(request, user)


def sanitise_text(sender, instance, raw=False, **kwargs):
    if not raw:
        sanitise.clean_instance(instance)


def give_tag_a_slug(sender, instance, raw=False, **kwargs):
    # Taggit slugifies emoji- and symbol-only names to "", which no URL can carry.
    if not raw and not instance.slug:
        instance.slug = sanitise.ascii_slug(instance.name)
