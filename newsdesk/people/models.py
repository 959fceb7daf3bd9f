from django.db import models
from django.urls import reverse
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index


class AuthorKind(models.TextChoices):
    PERSON = "person", "Person"
    DESK = "desk", "Desk"


class AuthorQuerySet(models.QuerySet):
    def with_photo(self):
        return self.select_related("photo")


class Author(index.Indexed, ClusterableModel):
    """Whoever a byline names: a person, or a desk that writes as one (e.g. "News Desk")."""

    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=120, unique=True, allow_unicode=True)
    kind = models.CharField(max_length=10, choices=AuthorKind.choices, default=AuthorKind.PERSON)
    role = models.CharField(max_length=120, blank=True, help_text='e.g. "Diplomatic correspondent".')
    bio = models.TextField(max_length=600, blank=True, help_text="One or two sentences shown under articles.")
    photo = models.ForeignKey("images.NewsImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    email = models.EmailField(blank=True, help_text="Private: never shown to readers.")

    objects = AuthorQuerySet.as_manager()

    panels = [
        MultiFieldPanel([FieldPanel("name"), FieldPanel("slug"), FieldPanel("kind"), FieldPanel("role")], "Identity"),
        FieldPanel("bio"),
        FieldPanel("photo"),
        FieldPanel("email"),
        InlinePanel("links", label="Links"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("bio"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def is_desk(self) -> bool:
        return self.kind == AuthorKind.DESK

    def get_absolute_url(self) -> str:
        return reverse("author", kwargs={"slug": self.slug})


class AuthorLink(Orderable):
    author = ParentalKey(Author, related_name="links", on_delete=models.CASCADE)
    label = models.CharField(max_length=60, help_text='e.g. "Website", "Mastodon", "Email".')
    url = models.URLField()

    panels = [FieldPanel("label"), FieldPanel("url")]

    def __str__(self):
        return f"{self.label}: {self.url}"
