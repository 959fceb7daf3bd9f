from django import forms
from wagtail.images.forms import BaseImageForm


class NewsImageForm(BaseImageForm):
    """The admin upload form: alt text is required, as WCAG asks of every informative image."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "alt_text" in self.fields:
            self.fields["alt_text"].required = True

    def clean_alt_text(self):
        alt = (self.cleaned_data.get("alt_text") or "").strip()
        if not alt:
            raise forms.ValidationError("Describe the image for readers who cannot see it.")
        return alt
