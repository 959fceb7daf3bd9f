from django.db import models
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class NewsImage(AbstractImage):
    """An image that carries its own credit, so the credit shows wherever the image does."""

    alt_text = models.CharField(
        max_length=250,
        blank=True,
        help_text="What the image shows, for readers who cannot see it. Required before publishing.",
    )
    credit = models.CharField(max_length=120, blank=True, help_text='Agency or photographer, e.g. "Reuters".')
    source_url = models.URLField(blank=True, help_text="Where the image came from.")
    licence = models.CharField(max_length=120, blank=True, help_text='e.g. "Licensed from Reuters" or "CC BY 4.0".')
    default_caption = models.TextField(blank=True, help_text="Used when a page does not give its own caption.")

    admin_form_fields = Image.admin_form_fields + (
        "alt_text",
        "default_caption",
        "credit",
        "source_url",
        "licence",
    )

    @property
    def default_alt_text(self):
        return self.alt_text or super().default_alt_text

    @property
    def credit_line(self) -> str:
        """The credit as readers see it: "Image: Reuters"."""
        return f"Image: {self.credit}" if self.credit else ""


class NewsRendition(AbstractRendition):
    image = models.ForeignKey(NewsImage, related_name="renditions", on_delete=models.CASCADE)

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
