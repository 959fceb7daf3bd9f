import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.contrib.auth.views import LoginView
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.safestring import mark_safe
from wagtail.admin.views.pages.search import SearchView, page_filter_search
from wagtail.admin.viewsets.pages import page_viewset_registry
from wagtail.models import Page

from newsdesk.articles.models import ArticlePage
from newsdesk.discovery.admin_search import EditorResults
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

    results_template_name = "editorial/page_search_results.html"

    def annotate_queryset(self, pages):
        self.all_pages = without_others_drafts(self.all_pages, self.request.user)
        return super().annotate_queryset(without_others_drafts(pages, self.request.user))

    def get_queryset(self):
        """Words searched: articles come from the site's search engine (phrases, -exclusions, body text,
        the section=/kind=/author=/tag=/year= filters of the reader page), other pages from Wagtail's.
        An explicit column ordering or a page-type filter keeps Wagtail's own search."""
        if not self.search_query or self.ordering or self.selected_content_type:
            return super().get_queryset()
        user = self.request.user
        explorable = self.permission_policy.explorable_instances(user).values_list("pk", flat=True)
        listed = without_others_drafts(Page.objects.filter(pk__in=explorable), user)
        results = EditorResults(
            self.request.GET,
            self.request.user,
            per_page=self.paginate_by,
            load=lambda ids: SearchView.annotate_queryset(self, listed.filter(pk__in=ids)),
            others=page_filter_search(self.search_query, listed.not_type(ArticlePage))[0],
        )
        self.all_pages = results
        return results

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if isinstance(self.all_pages, EditorResults):
            context["article_facets"] = self.all_pages.facet_groups()
        return context


def page_search(request, *args, results_only=False, **kwargs):
    # Built by the base page viewset, as Wagtail builds its own search view, so the page keeps its header,
    # filters and templates.
    viewset = page_viewset_registry.get_by_type(Page)
    return viewset.construct_view(PageSearchView, results_only=results_only)(request, *args, **kwargs)


def page_search_results(request, *args, **kwargs):
    return page_search(request, *args, results_only=True, **kwargs)
