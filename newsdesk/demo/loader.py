"""Load the demo desk from the data in `newsdesk.demo.content`, one small step per kind of object.

Every step is keyed by a slug (or an image title) and creates only what is missing, so
running the loader again changes nothing, and never overwrites what an editor has edited.
Pages go through Wagtail's revision API, exactly as an editor's publish would.
"""

import io
import secrets
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.db import models, transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from wagtail.models import Site

from newsdesk.articles.models import ArticleByline, ArticleCorrection, ArticlePage
from newsdesk.demo import artwork, content
from newsdesk.demo.models import DemoArticle
from newsdesk.entities.linking import extract_and_link
from newsdesk.entities.models import ArticleEntity, Entity, LinkStatus
from newsdesk.images.models import NewsImage
from newsdesk.people.models import Author, AuthorLink
from newsdesk.sections.models import HomePage, PublicationSettings, SectionPage, StandardPage

ADMIN_USERNAME = "admin"


@dataclass
class DemoReport:
    """What a run found and did, for the command to tell the user."""

    created: Counter = field(default_factory=Counter)
    kept: Counter = field(default_factory=Counter)
    admin_password: str | None = None
    redated: int = 0

    def note(self, kind: str, created: bool):
        (self.created if created else self.kept)[kind] += 1

    def summary(self) -> str:
        totals = ", ".join(f"{self.created[k] + self.kept[k]} {k}s" for k in ("section", "author", "image", "article"))
        admin = "admin user created" if self.admin_password else "admin user already there"
        redated = f"; {self.redated} demo articles brought up to date" if self.redated else ""
        return (
            f"Demo desk ready: {totals}; {sum(self.created.values())} created, "
            f"{sum(self.kept.values())} already there{redated}; {admin}."
        )


def load_demo(base_url: str, now: datetime | None = None) -> DemoReport:
    """Create whatever part of the demo desk is missing; all or nothing."""
    report = DemoReport()
    now = now or timezone.now()
    with transaction.atomic():
        images = ensure_images(report)
        home = HomePage.objects.get()
        sections = ensure_sections(home, report)
        authors = ensure_authors(images, report)
        ensure_articles(sections, authors, images, now, report)
        confirm_entities(ensure_entities(report))
        report.redated = keep_demo_dates_recent(now)
        ensure_about_page(home, report)
        ensure_home_intro(home)
        site = ensure_site(home, base_url)
        ensure_publication(site, images)
        report.admin_password = ensure_admin()
    return report


# -- images -------------------------------------------------------------------------------------


def ensure_images(report: DemoReport) -> dict[str, NewsImage]:
    return {key: ensure_image(spec, report) for key, spec in content.IMAGES.items()}


def ensure_image(spec: dict, report: DemoReport) -> NewsImage:
    existing = NewsImage.objects.filter(title=spec["title"]).first()
    report.note("image", existing is None)
    if existing:
        return existing
    size = spec.get("size", (artwork.WIDTH, artwork.HEIGHT))
    fmt = "PNG" if spec.get("format") == "png" else "JPEG"
    data = artwork.render(
        spec["style"], palette=spec["palette"], seed=spec["seed"], label=spec.get("label", ""), size=size, fmt=fmt
    )
    image = NewsImage(
        title=spec["title"],
        alt_text=spec["alt"],
        default_caption=spec.get("caption", ""),
        credit=spec["credit"],
        licence=spec.get("licence", ""),
        source_url=spec.get("source_url", ""),
    )
    image.file = ImageFile(io.BytesIO(data), name=f"demo-{spec['slug']}.{fmt.lower().replace('jpeg', 'jpg')}")
    image.save()
    return image


# -- sections, authors, plain pages -----------------------------------------------------------


def ensure_sections(home: HomePage, report: DemoReport) -> dict[str, SectionPage]:
    sections = {}
    for spec in content.SECTIONS:
        section = SectionPage.objects.child_of(home).filter(slug=spec["slug"]).first()
        report.note("section", section is None)
        if section is None:
            section = _publish_child(home, SectionPage(**spec))
        sections[spec["slug"]] = section
    return sections


def ensure_authors(images: dict[str, NewsImage], report: DemoReport) -> dict[str, Author]:
    authors = {}
    for spec in content.AUTHORS:
        fields = {k: v for k, v in spec.items() if k not in ("photo", "links")}
        if spec.get("photo"):
            fields["photo"] = images[spec["photo"]]
        author, created = Author.objects.get_or_create(slug=spec["slug"], defaults=fields)
        if created:
            for order, (label, url) in enumerate(spec.get("links", [])):
                AuthorLink.objects.create(author=author, label=label, url=url, sort_order=order)
        report.note("author", created)
        authors[author.slug] = author
    return authors


def ensure_about_page(home: HomePage, report: DemoReport):
    spec = content.ABOUT_PAGE
    exists = StandardPage.objects.child_of(home).filter(slug=spec["slug"]).exists()
    report.note("page", not exists)
    if not exists:
        _publish_child(home, StandardPage(**spec))


def ensure_home_intro(home: HomePage):
    """Give the front page its line about the publication, unless an editor already wrote one."""
    if not home.intro:
        home.intro = content.PUBLICATION["tagline"]
        home.save_revision().publish()


def _publish_child(parent, page):
    """Add `page` under `parent` as a draft, then publish it through a revision like an editor would."""
    page.live = False
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


# -- articles ---------------------------------------------------------------------------------


def ensure_articles(sections, authors, images, now: datetime, report: DemoReport):
    # Oldest first, so that every Also See target already exists when it is referred to.
    for spec in sorted(content.ARTICLES, key=lambda a: a["age"], reverse=True):
        exists = ArticlePage.objects.filter(slug=spec["slug"]).exists()
        report.note("article", not exists)
        if not exists:
            create_article(spec, sections[spec["section"]], authors, images, now)


def create_article(spec: dict, section: SectionPage, authors, images, now: datetime) -> ArticlePage:
    published_at = now - spec["age"]
    corrections = [
        ArticleCorrection(published_at=published_at + after, note=note) for after, note in spec.get("corrections", [])
    ]
    article = ArticlePage(
        title=spec["title"],
        slug=spec["slug"],
        seo_title=spec.get("seo_title", ""),
        search_description=spec.get("search_description", ""),
        standfirst=spec["standfirst"],
        kind=spec["kind"],
        dateline=spec.get("dateline", ""),
        hero_image=images[spec["image"]],
        hero_caption=spec.get("hero_caption", ""),
        teaser=spec.get("teaser", ""),
        is_featured=spec.get("featured", False),
        body=resolve_body(spec["body"], images),
        # Kept in the revision too, so an editor's republish does not lose the "Updated" time.
        updated_at=max((c.published_at for c in corrections), default=None),
    )
    article.bylines = [ArticleByline(author=authors[slug], sort_order=i) for i, slug in enumerate(spec["authors"])]
    article.corrections = corrections
    _publish_child_with_tags(section, article, spec.get("tags", []))
    _backdate(article, published_at)
    DemoArticle.objects.create(article=article, revision_id=article.latest_revision_id)
    return article


# -- entities -------------------------------------------------------------------------------------


def ensure_entities(report: DemoReport) -> list[Entity]:
    """The curated demo entities, each made with its aliases if no entity goes by its name yet."""
    return [ensure_entity(spec, report) for spec in content.ENTITIES]


def ensure_entity(spec: dict, report: DemoReport) -> Entity:
    entity = Entity.objects.named(spec["name"]).first()
    report.note("entity", entity is None)
    if entity is None:
        entity = Entity.objects.create(
            name=spec["name"], kind=spec["kind"], description=spec["description"], same_as=spec["same_as"]
        )
        entity.add_aliases(spec["aliases"])
    return entity


def confirm_entities(curated: list[Entity]) -> None:
    """Extract the entities of demo articles that have none yet, and confirm the links to curated ones.

    Articles already reviewed (any link) are left as they are, so an editor's rejections stand.
    """
    demo = ArticlePage.objects.filter(pk__in=DemoArticle.objects.values("article_id")).exclude(
        pk__in=ArticleEntity.objects.values("article_id")
    )
    articles = list(demo)
    if articles:
        extract_and_link(articles)
        ArticleEntity.objects.filter(article__in=articles, entity__in=curated, status=LinkStatus.SUGGESTED).update(
            status=LinkStatus.CONFIRMED
        )


def _publish_child_with_tags(section, article, tags):
    article.live = False
    section.add_child(instance=article)
    article.tags.add(*tags)
    article.save_revision().publish()


def _backdate(article: ArticlePage, published_at: datetime):
    """Spread the demo over the past weeks, as a real desk's archive would be."""
    ArticlePage.objects.filter(pk=article.pk).update(
        first_published_at=published_at, last_published_at=article.updated_at or published_at
    )


def keep_demo_dates_recent(now: datetime) -> int:
    """Move the untouched demo articles' dates forward so each is again its spec's age old; return how many moved.

    A demo desk started days after it was loaded would otherwise have an empty Google News sitemap and
    stale feeds. Articles an editor has saved since loading (a newer revision) or taken offline keep their dates.
    """
    ages = {spec["slug"]: spec["age"] for spec in content.ARTICLES}
    untouched = DemoArticle.objects.filter(
        article__latest_revision=models.F("revision"), article__live=True
    ).select_related("article", "revision")
    moved = 0
    for record in untouched:
        article = record.article
        if article.slug not in ages or article.first_published_at is None:
            continue
        shift = now - ages[article.slug] - article.first_published_at
        if abs(shift) < timedelta(minutes=1):
            continue
        ArticlePage.objects.filter(pk=article.pk).update(
            first_published_at=article.first_published_at + shift,
            last_published_at=article.last_published_at + shift if article.last_published_at else None,
            updated_at=article.updated_at + shift if article.updated_at else None,
        )
        ArticleCorrection.objects.filter(article=article).update(published_at=models.F("published_at") + shift)
        _shift_revision_dates(record.revision, shift)
        moved += 1
    return moved


def _shift_revision_dates(revision, shift: timedelta):
    """The same move in the loader's revision, which an editor's next publish starts from."""
    data = revision.content
    dated = [(data, key) for key in ("first_published_at", "last_published_at", "updated_at")]
    dated += [(correction, "published_at") for correction in data.get("corrections", [])]
    for holder, key in dated:
        moment = parse_datetime(holder.get(key) or "")
        if moment:
            holder[key] = (moment + shift).isoformat()
    revision.save(update_fields=["content"])


def resolve_body(blocks: list[dict], images: dict[str, NewsImage]) -> list[dict]:
    """Turn the symbolic references of the content data (slugs, image keys) into ids."""
    resolved = []
    for block in blocks:
        value = block["value"]
        if block["type"] == "also_see":
            value = {**value, "article": _also_see_target(value["article"]).pk}
        elif block["type"] == "image":
            value = {**value, "image": images[value["image"]].pk}
        resolved.append({"type": block["type"], "value": value})
    return resolved


def _also_see_target(slug: str) -> ArticlePage:
    target = ArticlePage.objects.filter(slug=slug).first()
    if target is None:
        raise ValueError(f'Also See points at "{slug}", which does not exist yet: only older articles can be linked.')
    return target


# -- the site, the publication, the admin -------------------------------------------------------


def ensure_site(home: HomePage, base_url: str) -> Site:
    """Point the default site at the address the server answers on (NEWSDESK_BASE_URL)."""
    parts = urlsplit(base_url)
    site = Site.objects.get(is_default_site=True)
    site.hostname = parts.hostname or "127.0.0.1"
    site.port = parts.port or (443 if parts.scheme == "https" else 80)
    site.root_page = home
    if site.site_name in ("", "Newsdesk"):
        site.site_name = content.PUBLICATION["name"]
    site.save()
    return site


def ensure_publication(site: Site, images: dict[str, NewsImage]):
    """Fill in the publication's identity, leaving alone whatever an editor has already set."""
    publication = PublicationSettings.for_site(site)
    wanted = {**content.PUBLICATION, "logo": images[content.PUBLICATION_LOGO]}
    changed = False
    for name, value in wanted.items():
        model_field = PublicationSettings._meta.get_field(name)
        current = getattr(publication, name)
        if current in (None, "", model_field.default):
            setattr(publication, name, value)
            changed = changed or current != value
    if changed:
        publication.save()


def ensure_admin() -> str | None:
    """Create the superuser "admin" with a fresh random password; None when it already exists."""
    User = get_user_model()
    if User.objects.filter(username=ADMIN_USERNAME).exists():
        return None
    password = secrets.token_urlsafe(18)
    User.objects.create_superuser(ADMIN_USERNAME, email="admin@example.com", password=password)
    return password
