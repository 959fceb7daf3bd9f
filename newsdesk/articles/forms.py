from django import forms
from wagtail.admin.forms import WagtailAdminPageForm

from newsdesk.editorial.page_forms import EditorialPageFormMixin


class ArticlePageForm(EditorialPageFormMixin, WagtailAdminPageForm):
    """Drafts may be incomplete; a publish (or submit) needs a standfirst, a byline and an alt-texted hero image."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "standfirst" in self.fields:
            self.fields["standfirst"].error_messages["required"] = (
                "Write a standfirst (one or two sentences under the headline) before publishing."
            )

    def clean(self):
        cleaned = super().clean()
        if self.is_deferred_validation:
            return cleaned
        self._require_byline()
        self._require_hero_alt_text(cleaned.get("hero_image"))
        return cleaned

    def _require_byline(self):
        bylines = self.formsets.get("bylines")
        if bylines is None:
            return
        live_forms = [
            f
            for f in bylines.forms
            if f.is_valid() and not bylines._should_delete_form(f) and f.cleaned_data.get("author")
        ]
        if not live_forms:
            raise forms.ValidationError("Add at least one byline (a person or a desk) before publishing.")

    def _require_hero_alt_text(self, image):
        if image is not None and not (image.alt_text or "").strip():
            self.add_error(
                "hero_image",
                f'The image "{image.title}" has no alt text. Describe it in the image library before publishing.',
            )
