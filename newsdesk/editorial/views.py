import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.contrib.auth.views import LoginView
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.safestring import mark_safe
from wagtail.admin.views.pages.search import SearchView
from wagtail.admin.viewsets.pages import page_viewset_registry
from wagtail.models import Page

from newsdesk.editorial import two_factor
from newsdesk.editorial.drafts import without_others_drafts
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


class PageSearchView(SearchView):
    """Wagtail's admin page search, less the drafts of others that the searcher may not edit.

    Wagtail offers a hook for the explorer's and the chooser's lists but not for this search, so the
    view itself is replaced (newsdesk/urls.py routes the admin's search addresses here first).
    """

    def annotate_queryset(self, pages):
        self.all_pages = without_others_drafts(self.all_pages, self.request.user)
        return super().annotate_queryset(without_others_drafts(pages, self.request.user))


def page_search(request, *args, results_only=False, view_class=PageSearchView, **kwargs):
    # Built by the base page viewset, as Wagtail builds its own search view, so the page keeps its header,
    # filters and templates. `view_class`: a subclass from another room (discovery's, searching articles).
    viewset = page_viewset_registry.get_by_type(Page)
    return viewset.construct_view(view_class, results_only=results_only)(request, *args, **kwargs)


def page_search_results(request, *args, **kwargs):
    return page_search(request, *args, results_only=True, **kwargs)
