from django import forms
from wagtail.images.forms import BaseImageForm


ALT_TEXT_REQUIRED = "Describe the image for readers who cannot see it (alt text)."


class NewsImageForm(BaseImageForm):
    """The admin upload form: alt text is required, as WCAG asks of every informative image."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "alt_text" in self.fields:
            self.fields["alt_text"].required = True
            self.fields["alt_text"].error_messages["required"] = ALT_TEXT_REQUIRED

    def clean_alt_text(self):
        alt = (self.cleaned_data.get("alt_text") or "").strip()
        if not alt:
            raise forms.ValidationError(ALT_TEXT_REQUIRED)
        return alt
