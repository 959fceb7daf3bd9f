import errno
import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.core.files import File
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

ALT_TEXT_REQUIRED = "Describe the image for readers who cannot see it (alt text)."
MEDIA_NOT_WRITABLE = (
    "The media folder cannot be written ({reason}), so the image was not saved. "
    "Ask whoever runs the site to fix it, then upload the image again."
)
STORAGE_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EROFS: "it is read-only",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
}
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
    """The admin upload form: alt text is required, as WCAG asks of every informative image, and a
    file the media storage cannot take is refused with the reason instead of failing after validation."""

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

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and "file" in self.changed_data:
            problem = storage_write_problem(self._meta.model._meta.get_field("file").storage, upload)
            if problem:
                raise forms.ValidationError(MEDIA_NOT_WRITABLE.format(reason=problem), code="storage")
        return upload


def storage_write_problem(storage, upload) -> str:
    """Why `storage` cannot take a file like `upload` ("" when it can), found by writing a copy and removing it.

    The check writes the upload's own bytes, so a disk with room for a small file but not this one is caught
    too; the views only save after validation, where a storage error would be a bare server error.
    """
    upload.seek(0)
    try:
        # Wrapped, so a file system storage copies a large upload's temporary file instead of moving it away.
        name = storage.save(f"original_images/.write-check-{uuid.uuid4().hex}", File(upload))
    except OSError as error:
        return STORAGE_REASONS.get(error.errno, error.strerror or str(error))
    finally:
        upload.seek(0)
    storage.delete(name)
    return ""
