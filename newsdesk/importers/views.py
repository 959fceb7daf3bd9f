from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from newsdesk.importers.forms import ImportHTMLForm
from newsdesk.importers.html_import import import_html_page
from newsdesk.sections.models import SectionPage


def sections_for(user):
    """Sections the user may add articles to."""
    pks = [s.pk for s in SectionPage.objects.all() if s.permissions_for_user(user).can_add_subpage()]
    return SectionPage.objects.filter(pk__in=pks).order_by("path")


def import_html(request):
    sections = sections_for(request.user)
    if not sections.exists():
        raise PermissionDenied
    form = ImportHTMLForm(request.POST or None, request.FILES or None, sections=sections)
    if request.method == "POST" and form.is_valid():
        try:
            draft, notes = import_html_page(
                form.cleaned_data["page"], form.cleaned_data["section"], url=form.cleaned_data["url"]
            )
        except ValueError as exc:
            form.add_error("page", str(exc))
        else:
            # The person who imported the page owns the draft, so a Contributor can go on editing it.
            type(draft).objects.filter(pk=draft.pk).update(owner=request.user)
            for note in notes:
                messages.warning(request, note)
            messages.success(request, f"Draft created from the page: {draft.title}. Check it before publishing.")
            return redirect(reverse("wagtailadmin_pages:edit", args=[draft.pk]))
    return TemplateResponse(request, "importers/import_html.html", {"form": form})
