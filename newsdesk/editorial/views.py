import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.contrib.auth.views import LoginView
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.safestring import mark_safe

from newsdesk.editorial import two_factor
from newsdesk.editorial.forms import ReaderLoginForm, TokenForm


def two_factor_setup(request):
    """Enrol an authenticator app, or enter a code to verify this session."""
    device = two_factor.confirmed_device(request.user)
    enrolling = device is None
    if enrolling:
        device = two_factor.pending_device(request.user)
    form = TokenForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        if enrolling:
            device.confirmed = True
            device.save(update_fields=["confirmed"])
        two_factor.otp_login(request, device)
        messages.success(request, "Two-factor authentication is on for your account." if enrolling else "Verified.")
        return redirect("wagtailadmin_home")
    context = {"form": form, "enrolling": enrolling, "required": two_factor.is_required_for(request.user)}
    if enrolling:
        context.update(qr_svg=_qr_svg(device.config_url), secret=device.bin_key.hex())
    return TemplateResponse(request, "editorial/two_factor.html", context)


def _qr_svg(data: str):
    image = qrcode.make(data, image_factory=qrcode.image.svg.SvgPathImage)
    # qrcode writes the SVG itself from the otpauth URL: no user-typed text reaches it.
    return mark_safe(image.to_string(encoding="unicode"))


class ReaderLoginView(LoginView):
    """Wagtail's sign-in for pages restricted to logged-in readers, closed to staff accounts."""

    form_class = ReaderLoginForm
    template_name = "editorial/reader_login.html"
