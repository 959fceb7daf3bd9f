"""Two editors on one article: whoever saves second is told who saved first, and nothing is lost.

Three parts work together:

- every save of a page in the admin runs in one transaction that first locks the page's row, so the check
  "has someone else saved since you opened it?" and the save itself cannot interleave with another save
  (PostgreSQL: a row lock; SQLite: the IMMEDIATE transaction takes the database's write lock);
- the article form refuses a save built on an older version than another editor's newest one, naming them;
- an automatic save (the editor's background save every few seconds) is refused on the same rule, and also
  after a refusal until the editor saves deliberately: a refused editor's text never replaces another
  editor's work without that editor pressing Save.
"""

from django.db import transaction
from django.http import JsonResponse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.formats import date_format
from wagtail.models import Page, Revision

REFUSED_SAVE = (
    "{who} saved a newer version of this article at {when}, after you opened it. Nothing has been saved: "
    "your text is still in this form, and automatic saving is paused. Compare it with their version "
    "(History), then save again to replace theirs with yours, or reload to start from theirs."
)
REFUSED_AUTOSAVE = (
    "Not saved automatically: {who} saved a newer version at {when}. Save to replace theirs with yours, "
    "or reload to start from theirs."
)
EDIT_VIEWS = {"edit", "revisions_revert"}
# Pages (by id) whose last save by this browser was refused, with the revision it was refused against.
REFUSALS_SESSION_KEY = "newsdesk_refused_edits"


def lock_page(page_id) -> None:
    """Hold the page's row until the transaction ends; other saves of this page wait here."""
    list(Page.objects.select_for_update().filter(pk=page_id).values_list("pk", flat=True))


def run_edit_locked(view_func, request, *args, **kwargs):
    """Run an admin page save as one transaction that starts by locking the page."""
    with transaction.atomic():
        lock_page(kwargs["page_id"])
        return view_func(request, *args, **kwargs)


def is_page_save(request) -> bool:
    match = request.resolver_match
    return (
        request.method == "POST"
        and match is not None
        and match.namespace == "wagtailadmin_pages"
        and match.url_name in EDIT_VIEWS
    )


def newer_revision_by_another(page, loaded_revision_id, loaded_revision_created_at, user) -> Revision | None:
    """The newest version of `page` someone other than `user` saved after the one their form was loaded from.

    The editor's own automatic saves since then do not count. A version saved in place by another editor's
    automatic save (same id, later time) counts. Without a loaded version there is nothing to compare.
    """
    try:
        loaded_id = int(loaded_revision_id)
    except (TypeError, ValueError):
        return None
    others = page.revisions.exclude(user=user).select_related("user").order_by("-pk")
    newer = others.filter(pk__gt=loaded_id).first()
    if newer is None and (loaded_at := parse_datetime(loaded_revision_created_at or "")):
        newer = others.filter(pk=loaded_id, created_at__gt=loaded_at).first()
    return newer


def newer_revision_for_request(request, page) -> Revision | None:
    return newer_revision_by_another(
        page, request.POST.get("loaded_revision_id"), request.POST.get("loaded_revision_created_at"), request.user
    )


def describe(revision: Revision) -> dict:
    user = revision.user
    who = (user.get_full_name() or user.get_username()) if user else "Someone"
    return {"who": who, "when": date_format(timezone.localtime(revision.created_at), "DATETIME_FORMAT")}


def refused_save_message(revision: Revision) -> str:
    return REFUSED_SAVE.format(**describe(revision))


def refuse_stale_autosave(request, page):
    """For the admin's edit view (before it reads the form): refuse an automatic save over newer work.

    A deliberate save (an HTML form post) is left to the form, which refuses it with the editor's text
    kept; this remembers the refusal, so the automatic saves that follow it are refused too until the
    editor saves deliberately or opens the article afresh.
    """
    refusals = dict(request.session.get(REFUSALS_SESSION_KEY, {}))
    key = str(page.pk)
    if request.method == "POST" and not request.accepts("text/html"):
        newer = newer_revision_for_request(request, page) or _refused_against(page, refusals.get(key))
        if newer is None:
            return None
        return JsonResponse(
            {
                "success": False,
                "error_code": "invalid_revision",
                "error_message": REFUSED_AUTOSAVE.format(**describe(newer)),
            },
            status=400,
        )
    newer = newer_revision_for_request(request, page) if request.method == "POST" else None
    if newer is None:
        refusals.pop(key, None)
    else:
        refusals[key] = newer.pk
    if refusals != request.session.get(REFUSALS_SESSION_KEY, {}):
        request.session[REFUSALS_SESSION_KEY] = refusals
    return None


def _refused_against(page, revision_id) -> Revision | None:
    if revision_id is None:
        return None
    # If their version was deleted since, the refusal still stands; it just cannot name them.
    return page.revisions.select_related("user").filter(pk=revision_id).first() or Revision(created_at=timezone.now())
