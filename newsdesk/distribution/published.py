"""What the outside world may see, and the scopes (site, section, author, tag) feeds are cut by."""

from dataclasses import dataclass, field

from django.http import Http404
from django.urls import reverse
from taggit.models import Tag

from newsdesk.articles.models import ArticlePage
from newsdesk.entities import hubs
from newsdesk.people.models import Author
from newsdesk.sections.models import SectionPage


def published_sections():
    return SectionPage.objects.live().public().order_by("path")


def feed_path(kind: str, slug: str, fmt: str) -> str:
    """The address of one feed: the whole site's (kind "site"), or a section's, author's or tag's."""
    if kind == "site":
        return reverse("distribution:feed", kwargs={"fmt": fmt})
    return reverse(f"distribution:{kind}_feed", kwargs={"slug": slug, "fmt": fmt})


@dataclass
class Scope:
    """A slice of the published articles with a listing page of its own."""

    kind: str  # "site", "section", "author", "tag" or "entity"
    title: str
    description: str
    listing_path: str
    slug: str = ""
    articles: object = field(default=None, repr=False)
    subject: object = field(default=None, repr=False)

    def feed_path(self, fmt: str) -> str:
        return feed_path(self.kind, self.slug, fmt)


def site_scope(publication_name: str, about: str = "") -> Scope:
    return Scope(
        kind="site",
        title=publication_name,
        description=about or f"The latest from {publication_name}.",
        listing_path="/",
        articles=ArticlePage.objects.published().recent(),
    )


def section_scope(slug: str) -> Scope:
    section = published_sections().filter(slug=slug).first()
    if section is None:
        raise Http404("No such section.")
    return Scope(
        kind="section",
        title=section.title,
        description=section.description or f"The latest in {section.title}.",
        listing_path=section.url,
        slug=slug,
        articles=ArticlePage.objects.published().recent().in_section(section),
        subject=section,
    )


def author_scope(slug: str) -> Scope:
    author = Author.objects.filter(slug=slug).first()
    if author is None:
        raise Http404("No such author.")
    return Scope(
        kind="author",
        title=author.name,
        description=author.bio or f"Articles by {author.name}.",
        listing_path=author.get_absolute_url(),
        slug=slug,
        articles=ArticlePage.objects.published().recent().by_author(author),
        subject=author,
    )


def tag_scope(slug: str) -> Scope:
    tag = Tag.objects.filter(slug=slug).first()
    if tag is None:
        raise Http404("No such tag.")
    return Scope(
        kind="tag",
        title=tag.name,
        description=f"Articles tagged {tag.name}.",
        listing_path=reverse("tag", kwargs={"slug": slug}),
        slug=slug,
        articles=ArticlePage.objects.published().recent().tagged(slug),
        subject=tag,
    )


def entity_scope(slug: str) -> Scope:
    """An entity's hub; `slug` may be a former one (the view redirects to the scope's own slug)."""
    entity = hubs.hub_for_slug(slug)
    if entity is None:
        raise Http404("No such topic.")
    return Scope(
        kind="entity",
        title=entity.name,
        description=entity.description or f"Articles about {entity.name}.",
        listing_path=hubs.hub_path(entity),
        slug=entity.slug,
        articles=hubs.hub_articles(entity),
        subject=entity,
    )
