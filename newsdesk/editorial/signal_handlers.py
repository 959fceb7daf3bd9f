"""Side effects of editorial events, one line each; the work lives in roles, audit and sanitise."""

from django.apps import apps as global_apps

from newsdesk.articles.models import ArticlePage
from newsdesk.core import pagecache
from newsdesk.distribution import purging
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


def sanitise_rich_text(sender, instance, raw=False, **kwargs):
    if not raw:
        sanitise.clean_instance(instance)


# -- reader caches: every change a reader could see purges (core/pagecache, distribution/purging) --


def remember_reader_paths(sender, instance, raw=False, **kwargs):
    if not raw and pagecache.frontend_caches_configured():
        instance._reader_paths_before = purging.live_article_paths(instance)


def purge_changed_page(sender, instance, **kwargs):
    if isinstance(instance, ArticlePage):
        purging.purge_article(instance, getattr(instance, "_reader_paths_before", ()))
    else:
        # Home, sections and standard pages appear in every page's navigation or listings.
        pagecache.purge(everything=True)
