"""Time-based one-time passwords (django-otp TOTP) for admin sign-in."""

from django.conf import settings
from django.urls import reverse
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from newsdesk.editorial.roles import TWO_FACTOR_ROLES

# Paths a user who still has to set up or enter a code may reach.
EXEMPT_PATHS = ("/admin/login/", "/admin/logout/", "/admin/jsi18n/", "/admin/two-factor/")


def setup_url() -> str:
    return reverse("editorial_two_factor")


def admin_login_url() -> str:
    return reverse("wagtailadmin_login")


def is_exempt_path(path: str) -> bool:
    return path.startswith(EXEMPT_PATHS)


def is_required_for(user) -> bool:
    return user.is_superuser or user.groups.filter(name__in=TWO_FACTOR_ROLES).exists()


def must_verify(user) -> bool:
    """An unverified session of someone who has an authenticator, or whose role requires one."""
    if not user.is_authenticated or (hasattr(user, "is_verified") and user.is_verified()):
        return False
    if settings.NEWSDESK_REQUIRE_2FA and is_required_for(user):
        return True
    return confirmed_device(user) is not None


def signs_in_through_admin(user) -> bool:
    """Staff, and anyone with an authenticator, sign in where the second factor is asked for."""
    return user.has_perm("wagtailadmin.access_admin") or confirmed_device(user) is not None


def confirmed_device(user):
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def pending_device(user):
    """The unconfirmed device a user is enrolling, created on first visit."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)


def verify(device, token: str) -> bool:
    token = (token or "").replace(" ", "")
    return bool(token.isdigit() and device.verify_token(token))


def remember_device(request, device):
    """The login form has checked the code; the session is marked verified once the login completes."""
    request._newsdesk_otp_device = device


def complete_login(request, user):
    device = getattr(request, "_newsdesk_otp_device", None)
    if request is not None and device is not None and device.user_id == user.pk:
        otp_login(request, device)
