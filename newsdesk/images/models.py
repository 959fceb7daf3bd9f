import logging

from django.db import models, transaction
from wagtail.images.models import AbstractImage, AbstractRendition, Filter, Image, SourceImageIOError

logger = logging.getLogger(__name__)


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

    # When a rendition cannot be written (read-only media, a full disk), readers get the original file in
    # its place instead of an error page; the next request tries again. A missing original is another
    # matter (SourceImageIOError): Wagtail's callers already leave such an image out.

    def get_rendition(self, filter: Filter | str):
        # Through get_renditions, which never caches a stand-in (Wagtail's get_rendition caches whatever it got).
        return next(iter(self.get_renditions(filter).values()))

    def create_renditions(self, *filters: Filter) -> dict:
        if not filters:  # all found already: no savepoint to pay for
            return {}
        try:
            # In a savepoint: a write failing inside bulk_create would otherwise break the reader's transaction.
            with transaction.atomic():
                return super().create_renditions(*filters)
        except SourceImageIOError:
            raise
        except OSError as error:
            logger.warning(
                "Renditions %s of image %s could not be written (%s); the original is shown instead.",
                ", ".join(f.spec for f in filters),
                self.pk,
                error,
            )
            return {f: self.original_as_rendition(f) for f in filters}

    def original_as_rendition(self, filter: Filter) -> "NewsRendition":
        """An unsaved rendition that points at the original file, with the original's true size."""
        rendition = NewsRendition(
            image=self,
            filter_spec=filter.spec,
            focal_point_key=filter.get_cache_key(self),
            width=self.width,
            height=self.height,
        )
        rendition.file.name = self.file.name
        rendition.is_original = True
        rendition._from_cache = True  # keeps Wagtail from caching the stand-in
        return rendition


def credit_line(credit: str) -> str:
    return f"Image: {credit}" if credit else ""


class NewsRendition(AbstractRendition):
    image = models.ForeignKey(NewsImage, related_name="renditions", on_delete=models.CASCADE)
    is_original = False  # True on the stand-in NewsImage.original_as_rendition makes

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
