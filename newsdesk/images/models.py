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
        """The credit as readers see it: "Image: Reuters"; empty when the image has no credit."""
        return self.credit_line_for()

    def credit_line_for(self, credit: str = "") -> str:
        """The credit line where a page overrides the image's own credit with `credit` (empty: no override).

        The one spelling of a credit for readers: templates, feeds, sitemaps and ninjs all use it.
        """
        return credit_line(self.credit_for(credit))

    def credit_for(self, credit: str = "") -> str:
        """Who is credited where a page may override the image's own credit (JSON-LD and the API state the name)."""
        return credit or self.credit


def credit_line(credit: str) -> str:
    return f"Image: {credit}" if credit else ""


class NewsRendition(AbstractRendition):
    image = models.ForeignKey(NewsImage, related_name="renditions", on_delete=models.CASCADE)

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
