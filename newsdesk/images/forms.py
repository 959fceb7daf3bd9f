from django import forms
from django.core.exceptions import ValidationError
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

ALT_TEXT_REQUIRED = "Describe the image for readers who cannot see it (alt text)."
UNREADABLE_IMAGE = (
    "This file could not be read as an image: it may be damaged or cut short. "
    "Save it again from an image editor and upload the copy."
)


class ReadableImageField(WagtailImageField):
    """Wagtail's upload field, with a form error instead of a server error for a file whose header
    looks like an image but whose content cannot be decoded."""

    def check_image_pixel_size(self, f):
        try:
            super().check_image_pixel_size(f)
        except ValidationError:
            raise
        except (OSError, SyntaxError, ValueError, EOFError) as exc:  # Pillow's ways of saying "broken"
            raise ValidationError(UNREADABLE_IMAGE, code="unreadable_image") from exc


class NewsImageForm(BaseImageForm):
    """The admin upload form: alt text is required, as WCAG asks of every informative image."""

    file = ReadableImageField(label="File")

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
