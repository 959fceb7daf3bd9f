from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect

from newsdesk.core.ids import row_id
from newsdesk.core.middleware import ADMIN_PREFIX
from newsdesk.editorial import audit, drafts, edit_conflicts, guard, two_factor


class PublishingGuardMiddleware:
    """Refuse (403) and audit page actions the user may not take; audit every other refused admin POST."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 403 and request.method == "POST" and request.path.startswith(ADMIN_PREFIX):
            if request.user.is_authenticated and not getattr(request, "_editorial_denial_logged", False):
                audit.log_denied(request, "post")
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if (
            match is not None
            and match.namespace == "wagtailadmin_reports"
            and match.url_name.startswith("site_history")
        ):
            if request.user.is_authenticated and not audit.can_read(request.user):
                raise PermissionDenied("The audit log is for administrators.")
        if not request.user.is_authenticated or match is None:
            return None
        if match.url_name == "wagtailadmin_explore" and view_kwargs.get("parent_page_id"):
            # The explorer hides others' drafts from its lists; opening one by its id must not show it either.
            if drafts.is_others_draft(row_id(view_kwargs["parent_page_id"]), request.user):
                raise Http404("No such page.")
        if match.url_name == "wagtail_bulk_action" and guard.names_impossible_ids(request):
            raise Http404("No page has that id.")  # Wagtail's bulk views would overflow the database's integers
        if match.url_name == "wagtail_bulk_action" and request.method == "POST":
            refused = guard.refused_bulk_action(request, view_kwargs)
        elif match.namespace != "wagtailadmin_pages":
            return None
        elif request.method == "POST" or match.url_name == "add":  # the create form itself is refused too
            refused = guard.refused_page_action(request, match.url_name, view_kwargs)
        else:
            return None
        if refused is not None:
            attempted, page = refused
            audit.log_denied(request, attempted, page)
            request._editorial_denial_logged = True
            raise PermissionDenied(f"You may not {attempted} this page.")
        return None


class TwoFactorRequiredMiddleware:
    """The admin is reached only by verified sessions: of anyone with an authenticator, and, with
    NEWSDESK_REQUIRE_2FA on, of every Chief editor and Administrator."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.path.startswith(ADMIN_PREFIX)
            and not two_factor.is_exempt_path(request.path)
            and two_factor.must_verify(request.user)
        ):
            return redirect(two_factor.setup_url())
        return self.get_response(request)


class PageEditLockMiddleware:
    """Each save of a page in the admin is one transaction that starts by locking the page (see edit_conflicts).

    Last in MIDDLEWARE: it runs the view itself, so no later middleware's process_view would run.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not edit_conflicts.is_page_save(request):
            return None
        return edit_conflicts.run_edit_locked(view_func, request, *view_args, **view_kwargs)
