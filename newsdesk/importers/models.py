from django.db import models


class ImportKind(models.TextChoices):
    AUTHOR = "author", "Author"
    SECTION = "section", "Section"
    IMAGE = "image", "Image"
    ARTICLE = "article", "Article"
    PAGE = "page", "Page"


class ImportRecordQuerySet(models.QuerySet):
    def of(self, source: str, kind: str):
        return self.filter(source=source, kind=kind)

    def object_id_for(self, source: str, kind: str, source_id: str) -> int | None:
        return self.of(source, kind).filter(source_id=source_id).values_list("object_id", flat=True).first()


class ImportRecord(models.Model):
    """What one source item became here. Keyed on the source's own id, so a second run updates
    the same objects instead of duplicating them, and a run that was stopped resumes where it was."""

    source = models.CharField(max_length=255, help_text="The site the item came from (its base URL) or a page URL.")
    kind = models.CharField(max_length=12, choices=ImportKind.choices)
    source_id = models.CharField(max_length=255, help_text="WordPress post id, user login or category slug.")
    guid = models.CharField(max_length=500, blank=True)
    source_url = models.CharField(
        max_length=1000, blank=True, db_index=True, help_text="Permalink or file address in the old site."
    )
    object_id = models.PositiveBigIntegerField()
    checksum = models.CharField(max_length=64, blank=True, help_text="Fingerprint of what was written last time.")
    imported_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ImportRecordQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["source", "kind", "source_id"], name="importers_one_record_per_source_item")
        ]

    def __str__(self):
        return f"{self.kind} {self.source_id} from {self.source}"
