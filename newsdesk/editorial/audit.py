"""Audit entries beyond Wagtail's own (publish, unpublish, schedule are logged by Wagtail itself):
role changes, login failures and refused attempts, all in Wagtail's log so the Site history
report shows and exports them together."""

import ipaddress
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry, Page

from newsdesk.editorial.roles import ADMINISTRATOR as ADMINISTRATORS

ROLE_CHANGE = "editorial.role_change"
LOGIN_FAILED = "editorial.login_failed"
DENIED = "editorial.denied"
NO_ACCOUNT = "0"  # object id of failed logins for a name that matches no account (ids start at 1)
UNKNOWN_NAMES_WINDOW = timedelta(hours=1)
UNKNOWN_NAMES_KEPT = 20  # the first names tried from one address in the window, for the record

ACTIONS = {
    ROLE_CHANGE: ("Change roles", "Roles changed"),
    LOGIN_FAILED: ("Failed login", "Login failed"),
    DENIED: ("Refused action", "Action refused"),
}


def log_role_change(instance, action, pk_set, reverse):
    if action not in ("post_add", "post_remove") or not pk_set:
        return
    change = "added" if action == "post_add" else "removed"
    if reverse:  # group.user_set changed: instance is the group, pk_set the users
        for user in get_user_model().objects.filter(pk__in=pk_set):
            log(user, ROLE_CHANGE, data={change: [instance.name]})
    else:
        names = sorted(Group.objects.filter(pk__in=pk_set).values_list("name", flat=True))
        log(instance, ROLE_CHANGE, data={change: names})


def client_ip(request) -> str:
    """The client's address: the connecting one, or behind NEWSDESK_PROXY_COUNT proxies of ours the
    one the outermost proxy saw. Entries further left in X-Forwarded-For come from the client and
    are not believed."""
    if request is None:
        return ""
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.NEWSDESK_PROXY_COUNT
    if not proxies:
        return remote
    forwarded = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    chain = forwarded + [remote]
    candidate = chain[-(proxies + 1)] if len(chain) > proxies else chain[0]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:  # a malformed header: fall back to what the network says
        return remote


def log_login_failure(credentials, request):
    """Logged against the account when it exists, one entry per failure (django-axes locks the
    account out after a few). Names that match no account are gathered into one entry per client
    address and hour, so guessing invented names cannot grow the log without limit."""
    if request is not None:
        if getattr(request, "_editorial_login_failure_logged", False):
            return  # lock-out checks may report the same failure twice
        request._editorial_login_failure_logged = True
    User = get_user_model()
    username = str(credentials.get(User.USERNAME_FIELD) or credentials.get("username") or "")[:150]
    user = User.objects.filter(**{User.USERNAME_FIELD: username}).first() if username else None
    ip = client_ip(request)
    if user is None:
        _count_unknown_name(username, ip)
        return
    ModelLogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(User),
        object_id=str(user.pk),
        label=username,
        action=LOGIN_FAILED,
        data={"username": username, "ip": ip},
        timestamp=timezone.now(),
    )


def _count_unknown_name(username: str, ip: str):
    name = username or "(no user name)"
    now = timezone.now()
    with transaction.atomic():
        entry = (
            ModelLogEntry.objects.select_for_update()
            .filter(action=LOGIN_FAILED, object_id=NO_ACCOUNT, data__ip=ip, timestamp__gte=now - UNKNOWN_NAMES_WINDOW)
            .order_by("-timestamp")
            .first()
        )
        if entry is None:
            ModelLogEntry.objects.create(
                content_type=ContentType.objects.get_for_model(get_user_model()),
                object_id=NO_ACCOUNT,
                label=name,
                action=LOGIN_FAILED,
                data={"username": username, "ip": ip, "attempts": 1, "names": [name]},
                timestamp=now,
            )
            return
        names = entry.data.setdefault("names", [entry.data.get("username") or "(no user name)"])
        if name not in names and len(names) < UNKNOWN_NAMES_KEPT:
            names.append(name)
        entry.data["attempts"] = entry.data.get("attempts", 1) + 1
        entry.label = names[0] if len(names) == 1 else f"{names[0]} and other names ({entry.data['attempts']} attempts)"
        entry.save(update_fields=["data", "label"])


def log_denied(request, attempted: str, page=None):
    data = {"attempted": attempted, "path": request.path, "ip": client_ip(request)}
    target = page if isinstance(page, Page) else request.user
    log(target, DENIED, user=request.user, data=data)


def can_read(user) -> bool:
    """The audit trail is for Administrators."""
    return user.is_superuser or user.groups.filter(name=ADMINISTRATORS).exists()
