from django.db import models


class SearchDocument(models.Model):
    """One article as the search engine reads it: its text by weight, and the fields facets and filters need.

    Search filters, counts and ranks on this table (and the full-text index each database keeps over it,
    see engine/backends), never on the page tree. It mirrors the page's current stored fields; the
    reader rule (`live`, `is_public`, go-live and expiry) is also applied at query time through
    ArticlePage.objects.published() for the articles shown.
    """

    page = models.OneToOneField("wagtailcore.Page", on_delete=models.CASCADE, primary_key=True, related_name="+")
    section = models.CharField(max_length=255, blank=True)
    kind = models.CharField(max_length=12, blank=True)
    # Slugs between bars ("|jane-doe|news-desk|"), so one LIKE or a split reads them without a join.
    authors = models.TextField(blank=True)
    tags = models.TextField(blank=True)
    year = models.PositiveSmallIntegerField(null=True)
    published_at = models.DateTimeField(null=True)
    live = models.BooleanField(default=False)
    is_public = models.BooleanField(default=True)
    go_live_at = models.DateTimeField(null=True)
    expire_at = models.DateTimeField(null=True)
    owner_id = models.IntegerField(null=True)
    path = models.CharField(max_length=255)
    indexed_at = models.DateTimeField(auto_now=True)
    # The text last: SQLite reads a row's columns in order, so the facet columns above are read without
    # walking through a long body's overflow pages.
    headline = models.TextField()
    standfirst = models.TextField(blank=True)
    meta = models.TextField(blank=True, help_text="Tag names and byline names.")
    body = models.TextField(blank=True)

    class Meta:
        indexes = [models.Index(fields=["published_at"], name="discovery_doc_published")]

    def __str__(self):
        return self.headline


class SearchTerm(models.Model):
    """The index's vocabulary (headline, standfirst, tags and bylines): spelling suggestions come from here."""

    term = models.CharField(max_length=64, primary_key=True)
    documents = models.PositiveIntegerField(default=0)

    def __str__(self):
        return self.term
