"""Search documents and their vocabulary (engine/), and related articles (computed on publish, see related.py)."""

from django.db import models

from newsdesk.articles.models import ArticlePage


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
    # The entities readers see on the article (ArticleEntity.objects.shown()), by slug.
    entities = models.TextField(blank=True, default="")
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


# Shown under an article; more are kept, so a related piece taken offline leaves a replacement behind.
RELATED_SHOWN = 5
RELATED_KEPT = 10


class RelatedArticleQuerySet(models.QuerySet):
    def editors_choices(self):
        return self.filter(models.Q(pinned=True) | models.Q(excluded=True))

    def computed(self):
        return self.filter(pinned=False, excluded=False)

    def for_readers(self, article, published=None):
        """Rows readers may see under `article`: never excluded, never an unpublished piece; pinned first.

        `published` is `ArticlePage.objects.published()` when the caller has one already (building it reads the
        view restrictions)."""
        published = ArticlePage.objects.published() if published is None else published
        return (
            self.filter(article_id=article.pk, excluded=False, related__in=published)
            .exclude(related_id=article.pk)
            .order_by("-pinned", "-score", "related_id")
        )


class RelatedArticle(models.Model):
    """That `related` is worth reading after `article`, how much (score) and why, in words an editor can check."""

    article = models.ForeignKey(ArticlePage, related_name="related_links", on_delete=models.CASCADE)
    related = models.ForeignKey(ArticlePage, related_name="+", on_delete=models.CASCADE)
    score = models.FloatField(default=0.0)
    reason = models.CharField(max_length=300, blank=True)
    pinned = models.BooleanField(default=False, help_text="Shown first, whatever its score.")
    excluded = models.BooleanField(default=False, help_text="Never shown, whatever its score.")
    computed_at = models.DateTimeField(auto_now=True)

    objects = RelatedArticleQuerySet.as_manager()

    class Meta:
        verbose_name = "related article"
        constraints = [models.UniqueConstraint(fields=["article", "related"], name="one_row_per_related_pair")]

    def __str__(self):
        return f"{self.article_id} → {self.related_id} ({self.score:.2f}: {self.reason})"


def related_for_readers(article, count: int = RELATED_SHOWN, published=None) -> list:
    """Up to `count` published articles to show under `article`, ready for teaser cards, best first (one query)."""
    if article.pk is None:
        return []
    rows = (
        RelatedArticle.objects.for_readers(article, published)
        .select_related("related__hero_image")
        .defer("related__body")  # teasers never show the body (see ArticlePageQuerySet.for_teasers)
    )
    return [row.related for row in rows[:count]]
