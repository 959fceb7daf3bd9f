"""The desk's registry of named things and the links from articles to them.

An `Entity` is one person, organisation, place, event, project or topic; its `EntityAlias` rows are the
other names it goes by ("President Xi", "CPEC"). An `ArticleEntity` says that an article names an entity:
found by the extractor (`source=extracted`, `status=suggested`) or added by an editor, and then confirmed
or rejected. Readers only ever see links that `ArticleEntity.objects.visible_to_readers()` returns.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils.text import slugify
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.search import index

from newsdesk.articles.models import ArticlePage
from newsdesk.core.slugs import unused_slug
from newsdesk.entities.names import normalise


class EntityKind(models.TextChoices):
    PERSON = "person", "Person"
    ORGANISATION = "organisation", "Organisation"
    PLACE = "place", "Place"
    EVENT = "event", "Event"
    PROJECT = "project", "Project"
    TOPIC = "topic", "Topic"


class EntityQuerySet(models.QuerySet):
    def named(self, name: str):
        """Entities called `name` or having it as an alias, compared in normal form (see names.normalise)."""
        key = normalise(name)
        return self.filter(Q(normalised_name=key) | Q(aliases__normalised=key)).distinct()

    def for_slug(self, slug: str):
        """The entity whose slug is, or once was, `slug` (merged and renamed entities keep their old addresses)."""
        return self.filter(Q(slug=slug) | Q(former_slugs__slug=slug)).distinct()

    def curated(self):
        return self.filter(is_curated=True)

    def with_published_articles(self):
        """Entities that readers can see on at least one published article, with `published_article_count`."""
        visible = (
            ArticleEntity.objects.visible_to_readers()
            .filter(entity=OuterRef("pk"))
            .order_by()
            .values("entity")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return self.annotate(published_article_count=Coalesce(Subquery(visible), 0)).filter(
            published_article_count__gt=0
        )


class Entity(index.Indexed, ClusterableModel):
    """A person, organisation, place, event, project or topic that the desk writes about."""

    kind = models.CharField(max_length=16, choices=EntityKind.choices, default=EntityKind.TOPIC)
    name = models.CharField(max_length=200, help_text='The name readers know best, e.g. "Xi Jinping" or "CPEC".')
    slug = models.SlugField(
        max_length=200, unique=True, allow_unicode=True, blank=True, help_text="Made from the name when left empty."
    )
    normalised_name = models.CharField(max_length=200, db_index=True, editable=False)
    description = models.TextField(max_length=1000, blank=True, help_text="One or two sentences for readers.")
    image = models.ForeignKey("images.NewsImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    same_as = models.JSONField(
        default=list,
        blank=True,
        help_text="Pages that identify this entity elsewhere (Wikidata, Wikipedia, an official site): one URL a line.",
    )
    is_curated = models.BooleanField(
        default=True,
        verbose_name="curated",
        help_text="Made or checked by an editor. Curated entities are looked for by name in every article; "
        "the extractor's own finds are not, until an editor confirms one.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EntityQuerySet.as_manager()

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("kind"), FieldPanel("slug"), FieldPanel("is_curated")], "Identity"
        ),
        FieldPanel("description"),
        FieldPanel("image"),
        FieldPanel("same_as", heading="Same as"),
        InlinePanel("aliases", label="Alias", heading="Other names"),
    ]
    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.RelatedFields("aliases", [index.SearchField("name"), index.AutocompleteField("name")]),
        index.FilterField("kind"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = "entity"
        verbose_name_plural = "entities"
        permissions = [("merge_entity", "Can merge duplicate entities")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.normalised_name = normalise(self.name)
        if not self.slug:
            self.slug = self.free_slug(slugify(self.name, allow_unicode=True) or self.kind)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        self.same_as = clean_urls(self.same_as)

    def free_slug(self, base: str) -> str:
        def taken(slug):
            entities = Entity.objects.filter(slug=slug).exclude(pk=self.pk)
            return entities.exists() or FormerSlug.objects.filter(slug=slug).exclude(entity_id=self.pk).exists()

        return unused_slug(base[:180], taken)

    def add_aliases(self, names) -> None:
        """Make aliases of `names`, skipping its own name and any name it already has or another entity holds."""
        taken = {
            self.normalised_name,
            *EntityAlias.objects.values_list("normalised", flat=True).filter(
                normalised__in=[normalise(name) for name in names]
            ),
        }
        for name in names:
            key = normalise(name)
            if key and key not in taken:
                EntityAlias.objects.create(entity=self, name=name)
                taken.add(key)

    @property
    def names(self) -> list[str]:
        """Its name, then its aliases: every way an article may call it."""
        return [self.name, *(alias.name for alias in self.aliases.all())]


def clean_urls(value) -> list[str]:
    """`same_as` as a list of distinct http(s) URLs; raises ValidationError naming the bad one."""
    if isinstance(value, str):
        value = value.split()
    urls = []
    validate = URLValidator(schemes=["http", "https"])
    for url in value or []:
        url = str(url).strip()
        try:
            validate(url)
        except ValidationError:
            raise ValidationError({"same_as": f"{url!r} is not a web address (https://…)."}) from None
        if url not in urls:
            urls.append(url)
    return urls


class EntityAlias(models.Model):
    """Another name for an entity. A name (in normal form) belongs to one entity only, so it resolves to one."""

    entity = ParentalKey(Entity, related_name="aliases", on_delete=models.CASCADE)
    name = models.CharField(max_length=200)
    normalised = models.CharField(max_length=200, unique=True, editable=False)

    panels = [FieldPanel("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = "alias"
        verbose_name_plural = "aliases"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.normalised = normalise(self.name)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        self.normalised = normalise(self.name)
        if not self.normalised:
            raise ValidationError({"name": "An alias needs at least one letter or digit."})
        taken = EntityAlias.objects.filter(normalised=self.normalised).exclude(pk=self.pk).select_related("entity")
        other = taken.exclude(entity_id=self.entity_id).first()
        if other is not None:
            raise ValidationError(
                {"name": f"{self.name!r} is already a name of {other.entity}; merge the two instead."}
            )


class FormerSlug(models.Model):
    """An address an entity used to have (before a rename or a merge), so old links can be redirected."""

    entity = models.ForeignKey(Entity, related_name="former_slugs", on_delete=models.CASCADE)
    slug = models.SlugField(max_length=200, unique=True, allow_unicode=True)

    def __str__(self):
        return self.slug


class LinkRole(models.TextChoices):
    ABOUT = "about", "About"
    MENTIONS = "mentions", "Mentions"


class LinkStatus(models.TextChoices):
    SUGGESTED = "suggested", "Suggested"
    CONFIRMED = "confirmed", "Confirmed"
    REJECTED = "rejected", "Rejected"


class LinkSource(models.TextChoices):
    EXTRACTED = "extracted", "Extracted"
    EDITOR = "editor", "Editor"


def suggestions_threshold():
    """The confidence above which an unconfirmed suggestion shows to readers, or None (only confirmed links show)."""
    return getattr(settings, "ENTITIES_SHOW_SUGGESTIONS_ABOVE", None)


class ArticleEntityQuerySet(models.QuerySet):
    def shown(self):
        """Links readers may see on an article that readers may see: confirmed, or confident enough per setting."""
        shown = Q(status=LinkStatus.CONFIRMED)
        threshold = suggestions_threshold()
        if threshold is not None:
            shown |= Q(status=LinkStatus.SUGGESTED, confidence__gt=threshold)
        return self.filter(shown)

    def visible_to_readers(self):
        """Shown links of published articles only: never a draft, private or embargoed article's."""
        return self.shown().filter(article__in=ArticlePage.objects.published())

    def suggested(self):
        return self.filter(status=LinkStatus.SUGGESTED)

    def confirmed(self):
        return self.filter(status=LinkStatus.CONFIRMED)

    def not_rejected(self):
        return self.exclude(status=LinkStatus.REJECTED)

    def about(self):
        return self.filter(role=LinkRole.ABOUT)

    def for_panel(self):
        """In the order an editor reviews them: what the article is about first, then by how often it is named."""
        return self.select_related("entity").order_by("role", "-mention_count", "entity__name")


class ArticleEntity(models.Model):
    """That an article names an entity: how often, where first, whether it is what the piece is about, and who said so."""

    article = models.ForeignKey(ArticlePage, related_name="entity_links", on_delete=models.CASCADE)
    entity = models.ForeignKey(Entity, related_name="article_links", on_delete=models.CASCADE)
    mention_count = models.PositiveIntegerField(default=0)
    first_mention = models.PositiveIntegerField(
        default=0, help_text="Where the first mention starts, in characters from the start of the article's text."
    )
    first_mention_snippet = models.CharField(max_length=300, blank=True)
    role = models.CharField(max_length=10, choices=LinkRole.choices, default=LinkRole.MENTIONS)
    status = models.CharField(max_length=10, choices=LinkStatus.choices, default=LinkStatus.SUGGESTED)
    source = models.CharField(max_length=10, choices=LinkSource.choices, default=LinkSource.EXTRACTED)
    confidence = models.FloatField(default=0.0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ArticleEntityQuerySet.as_manager()

    class Meta:
        verbose_name = "article entity"
        constraints = [models.UniqueConstraint(fields=["article", "entity"], name="one_link_per_article_and_entity")]
        indexes = [models.Index(fields=["entity", "status"])]

    def __str__(self):
        return f"{self.article_id} → {self.entity} ({self.status})"

    # What readers saw of the link before a save is kept from when it was read, so the rooms that purge pages
    # and recompute lists on a change (post_save) need not read the row again, each on its own.
    _SHOWN_FIELDS = frozenset({"status", "confidence", "role", "entity_id"})

    def save(self, *args, **kwargs):
        self.shown_before_save = self._shown_as_stored()
        super().save(*args, **kwargs)
        self._shown_as_read = self.shown_as()

    @classmethod
    def from_db(cls, db, field_names, values):
        link = super().from_db(db, field_names, values)
        if cls._SHOWN_FIELDS <= set(field_names):
            link._shown_as_read = link.shown_as()
        return link

    @property
    def is_about(self) -> bool:
        return self.role == LinkRole.ABOUT

    def shown_as(self):
        """What readers see of this link (on a published article): nothing (None), or its entity and role."""
        threshold = suggestions_threshold()
        confirmed = self.status == LinkStatus.CONFIRMED
        confident = self.status == LinkStatus.SUGGESTED and threshold is not None and self.confidence > threshold
        return (self.entity_id, self.role) if confirmed or confident else None

    def _shown_as_stored(self):
        if self._state.adding or self.pk is None:
            return None
        if hasattr(self, "_shown_as_read"):
            return self._shown_as_read
        stored = type(self).objects.filter(pk=self.pk).first()  # read without the fields that decide it
        return stored.shown_as() if stored is not None else None
