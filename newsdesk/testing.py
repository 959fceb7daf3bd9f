"""Builders and personas for the test suites of every room: a real site with real pages, images and people.

Only tests, browser tests and benchmarks import this module; product code never does (a test checks it).
"""

import io
import itertools
from datetime import UTC, datetime, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.files.images import ImageFile
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client, RequestFactory
from django.utils import timezone
from django.utils.text import slugify
from lxml import html as lxml_html
from PIL import Image as PILImage
from wagtail.models import PageViewRestriction, Site
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from newsdesk.articles.models import ArticleByline, ArticleCorrection, ArticlePage
from newsdesk.discovery.engine.indexing import index_pages
from newsdesk.distribution.models import Withdrawal
from newsdesk.editorial import roles
from newsdesk.entities.models import ArticleEntity, Entity, LinkSource, LinkStatus
from newsdesk.images.models import NewsImage
from newsdesk.people.models import Author
from newsdesk.sections.models import HomePage, PublicationSettings, SectionPage

PASSWORD = "correct horse battery staple 42"

_counter = itertools.count(1)


# -- pages, images and people ---------------------------------------------------------------------


def home_page():
    return HomePage.objects.first()


def default_site() -> Site:
    return Site.objects.get(is_default_site=True)


def make_section(title="Global Affairs", slug=None, **fields):
    section = SectionPage(title=title, slug=slug or title.lower().replace(" ", "-"), **fields)
    home_page().add_child(instance=section)
    section.save_revision().publish()
    return section


def make_image(title="Test image", *, width=1600, height=900, alt_text="A test picture", credit="Reuters", **fields):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), (40, 90, 140)).save(buffer, format="JPEG")
    image = NewsImage(title=title, alt_text=alt_text, credit=credit, **fields)
    image.file = ImageFile(io.BytesIO(buffer.getvalue()), name=f"test-{next(_counter)}.jpg")
    image.save()
    return image


def make_author(name="News Desk", *, kind="person", **fields):
    fields.setdefault("slug", slugify(name) or f"author-{next(_counter)}")
    fields.setdefault("bio", f"{name} writes for the desk.")
    return Author.objects.create(name=name, kind=kind, **fields)


def make_article(section, title=None, *, authors=(), tags=(), body=None, publish=True, published_at=None, **fields):
    """An ArticlePage under `section`; published (with `published_at` as its first publication) unless told not to."""
    n = next(_counter)
    title = title or f"Article {n}"
    fields.setdefault("standfirst", f"What happened in story {n}, in one sentence.")
    fields.setdefault("slug", f"article-{n}")
    # A draft is never live; Page.live defaults to True, so say it for unpublished builds.
    fields.setdefault("live", publish)
    article = ArticlePage(title=title, body=body or [], **fields)
    for order, author in enumerate(authors):
        article.bylines.add(ArticleByline(author=author, sort_order=order))
    section.add_child(instance=article)
    if tags:
        article.tags.add(*tags)
    revision = article.save_revision()
    if publish:
        revision.publish()
        if published_at is not None:
            ArticlePage.objects.filter(pk=article.pk).update(
                first_published_at=published_at, last_published_at=published_at
            )
            # The update skips signals; the search index carries the date for "newest" and recency.
            index_pages([article.pk])
        article.refresh_from_db()
    return article


def make_entity(name, kind="topic", **fields):
    return Entity.objects.create(name=name, kind=kind, **fields)


def link_entity(article, entity, role="about", *, status=LinkStatus.CONFIRMED, mentions=1):
    """That `article` names `entity`, as an editor confirmed it (what readers see), without running the extractor."""
    return ArticleEntity.objects.create(
        article=article,
        entity=entity,
        role=role,
        status=status,
        source=LinkSource.EDITOR,
        mention_count=mentions,
        confidence=1.0,
    )


def rich_body(*, images=(), also_see=(), headings=("The visit", "The corridor", "What was signed"), image_caption=""):
    """A body with one block of every kind, for tests that look at a whole article in any output.

    `headings` become h2 blocks, each followed by a paragraph; one h3 ("A detail") always follows them.
    """
    body = [
        (
            "paragraph",
            RichText(
                '<p>The president arrived in <a href="https://example.org/briefing">Beijing</a> on 4 February for a five-day visit.</p>'
            ),
        )
    ]
    for text in headings:
        body.append(("heading", {"text": text, "level": "h2", "anchor": ""}))
        body.append(("paragraph", RichText(f"<p>Paragraph about {text.lower()}.</p>")))
    body += [
        ("heading", {"text": "A detail", "level": "h3", "anchor": "detail"}),
        (
            "quote",
            {
                "text": "An iron-clad friendship.",
                "attribution": "Joint statement",
                "source_url": "https://example.org/statement",
            },
        ),
        ("pull_quote", {"text": "Five new corridors.", "attribution": "Officials"}),
        ("fact_box", {"title": "Key facts", "body": RichText("<ul><li>Visit ran 4 to 8 February</li></ul>")}),
        (
            "table",
            {
                "caption": "Agreements",
                "table": {
                    "data": [["Area", "Count"], ["Trade", "4"]],
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                },
            },
        ),
        ("embed", {"embed": "https://example.org/video/1", "caption": "The arrival ceremony"}),
        ("paragraph", RichText("<p>صدر مملکت بیجنگ پہنچے۔</p>")),
    ]
    body += [("image", {"image": image, "caption": image_caption, "credit": ""}) for image in images]
    body += [("also_see", {"article": target, "label": "Also see"}) for target in also_see]
    return body


def minutes_ago(minutes: int):
    return timezone.now() - timedelta(minutes=minutes)


# -- reading responses ----------------------------------------------------------------------------


def settle_withdrawals():
    """Date the fixture's withdrawals a few minutes back, as a desk's history is.

    Feeds give no Last-Modified for a change within the current second (distribution.conditional),
    so a test that reads one just after building its fixture would otherwise depend on the clock."""
    Withdrawal.objects.update(withdrawn_at=minutes_ago(5))


def parse_html(response):
    """The response body as an lxml tree, for tests that check what readers see."""
    return lxml_html.fromstring(response.content)


def text_of(element) -> str:
    return " ".join(element.text_content().split())


# -- people who use the admin ---------------------------------------------------------------------


def make_editor(username="editor"):
    return get_user_model().objects.create_superuser(username, f"{username}@example.org", "not-a-real-password-1")


def make_user(username, *groups, sections=(), **fields):
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password=PASSWORD, **fields
    )
    user.groups.add(*Group.objects.filter(name__in=groups))
    user.groups.add(*[section.desk.group for section in sections])
    return user


class DeskPersonas:
    """Mix into a TestCase: `cls.make_desk()` in setUpTestData gives sections, people and articles."""

    @classmethod
    def make_desk(cls):
        cls.business = make_section("Business")
        cls.technology = make_section("Technology")
        cls.author = make_author("Desk Writer")
        cls.contributor = make_user("contributor", roles.CONTRIBUTOR)
        cls.other_contributor = make_user("other_contributor", roles.CONTRIBUTOR)
        cls.editor = make_user("business_editor", roles.SECTION_EDITOR, sections=[cls.business])
        cls.chief = make_user("chief", roles.CHIEF_EDITOR)
        cls.administrator = make_user("administrator", roles.ADMINISTRATOR)

    @classmethod
    def article_by(cls, user, section, *, publish=False, **fields):
        article = make_article(section, authors=[cls.author], publish=False, owner=user, **fields)
        if publish:
            article.save_revision(user=user).publish()
            article.refresh_from_db()
        return article


def article_form_data(article=None, *, author, title=None, corrections=(), **extra):
    """POST data for the article add/edit form, as the admin's browser would send it."""
    data = {
        "title": title or (article.title if article else "A headline"),
        "slug": article.slug if article else "a-headline",
        "standfirst": article.standfirst if article else "What happened, in one sentence.",
        "kind": "news",
        "dateline": "",
        "hero_caption": "",
        "body": streamfield([]),
        "tags": "",
        "teaser": "",
        "seo_title": "",
        "search_description": "",
        "bylines": inline_formset([{"author": author.pk}]),
        "corrections": inline_formset(list(corrections)),
        "comments": inline_formset([]),
    }
    data.update(extra)
    return nested_form_data(data)


# -- a published desk for the outputs (feeds, sitemaps, API, ninjs, head) --------------------------


class Newsroom:
    """A small published desk: every kind, a desk and a person, images, tags, corrections — and a draft,
    a private and a scheduled article that must never leak. Build it once per TestCase (in setUpTestData)."""

    hidden_titles = ["Secret draft headline", "Private members-only headline", "Embargoed until tomorrow headline"]

    def __init__(self):
        # Renditions are cached by image id, and ids come round again after each test class rolls back:
        # without this, a logo drawn by an earlier class could stand in for ours.
        cache.clear()
        site = default_site()
        self.logo = make_image("Meridian logo", width=800, height=200, credit="")
        PublicationSettings.objects.update_or_create(
            site=site,
            defaults={
                "name": "The Meridian",
                "language": "en",
                "logo": self.logo,
                "twitter_handle": "meridian",
                "about": "Global affairs, business and technology.",
            },
        )
        self.world = make_section("Global Affairs", slug="global-affairs", description="Diplomacy and security.")
        self.business = make_section("Business", slug="business")
        self.person = make_author("Amina Rahman", role="Diplomatic correspondent")
        self.desk = make_author("News Desk", kind="desk")
        self.hero = make_image(
            "Leaders shake hands",
            width=1600,
            height=900,
            credit="Reuters",
            default_caption="The two presidents in Beijing.",
            licence="Licensed from Reuters",
            source_url="https://example.org/photo",
        )
        self.body_image = make_image("Signing table", width=1200, height=800, credit="AP")
        self.background = make_article(
            self.world,
            "Background to the corridor",
            kind="explainer",
            authors=[self.desk],
            tags=["CPEC"],
            published_at=minutes_ago(600),
        )
        self.by_kind = {"explainer": self.background}
        for offset, kind in enumerate(["analysis", "opinion", "interview"]):
            self.by_kind[kind] = make_article(
                self.world if kind != "interview" else self.business,
                f"A piece of {kind}",
                kind=kind,
                authors=[self.person],
                tags=["Trade"],
                hero_image=self.hero,
                published_at=minutes_ago(400 - offset * 60),
            )
        self.lead = make_article(
            self.world,
            "Zardari in Beijing: corridor, security and a renewed alliance",
            kind="news",
            authors=[self.person, self.desk],
            tags=["CPEC", "China", "Pakistan"],
            hero_image=self.hero,
            dateline="BEIJING",
            body=self.lead_body(),
            published_at=minutes_ago(30),
            updated_at=minutes_ago(10),
        )
        ArticleCorrection.objects.create(
            article=self.lead, published_at=minutes_ago(12), note="An earlier version misspelt a minister's name."
        )
        self.by_kind["news"] = self.lead
        self.published = [
            self.lead,
            *reversed([self.by_kind[k] for k in ("analysis", "opinion", "interview")]),
            self.background,
        ]
        self._hidden()
        settle_withdrawals()
        self._warm()

    def lead_body(self):
        """The lead's body: one h2, a captioned AP picture and an Also See link to the background piece."""
        return rich_body(
            images=[self.body_image],
            also_see=[self.background],
            headings=("What was agreed",),
            image_caption="Delegates at the signing",
        )

    def _warm(self):
        """Render the reader pages once, so the image renditions they need are class-level data shared by every test."""
        client = Client()
        for url in [
            "/",
            self.world.url,
            self.business.url,
            f"/authors/{self.person.slug}/",
            f"/authors/{self.desk.slug}/",
            "/tags/cpec/",
            *(article.url for article in self.published),
        ]:
            client.get(url)

    def _hidden(self):
        self.draft = make_article(
            self.world, "Secret draft headline", authors=[self.person], tags=["CPEC"], publish=False
        )
        self.private = make_article(self.world, "Private members-only headline", authors=[self.person], tags=["CPEC"])
        PageViewRestriction.objects.create(
            page=self.private, restriction_type=PageViewRestriction.PASSWORD, password="x"
        )
        # Scheduled through Wagtail: approved to go live tomorrow, so not live yet.
        self.scheduled = make_article(
            self.world,
            "Embargoed until tomorrow headline",
            authors=[self.person],
            tags=["CPEC"],
            publish=False,
            go_live_at=timezone.now() + timedelta(days=1),
        )
        self.scheduled.save_revision().publish()


class EntityNewsroom(Newsroom):
    """The Newsroom with entities linked as an editor confirmed them: CPEC (a project, with a picture and sameAs),
    Gwadar, Xi Jinping and Pakistan on published articles; an entity named only in the hidden articles; and one
    whose only article was unpublished. Hubs must show the first kind and never the other two."""

    def __init__(self):
        super().__init__()
        self.cpec = make_entity(
            "CPEC",
            "project",
            description="The China–Pakistan Economic Corridor.",
            image=self.hero,
            same_as=["https://www.wikidata.org/wiki/Q1137566"],
        )
        self.gwadar = make_entity("Gwadar", "place", same_as=["https://www.wikidata.org/wiki/Q383432"])
        self.xi = make_entity("Xi Jinping", "person")
        self.pakistan = make_entity("Pakistan", "place")
        self.secret = make_entity("Project Nightingale", "project")
        self.lonely = make_entity("Main Line 1", "project")
        analysis = self.by_kind["analysis"]
        for article, about, mentions in [
            (self.lead, [self.cpec, self.gwadar], [self.xi]),
            (self.background, [self.cpec], [self.pakistan]),
            (analysis, [self.gwadar], [self.cpec]),
            (self.draft, [self.cpec, self.secret], []),
            (self.private, [self.cpec, self.secret], []),
            (self.scheduled, [self.cpec, self.secret], []),
        ]:
            for entity in about:
                link_entity(article, entity, "about")
            for entity in mentions:
                link_entity(article, entity, "mentions")
        self.withdrawn = make_article(self.business, "Withdrawn railway story", published_at=minutes_ago(50))
        link_entity(self.withdrawn, self.lonely, "about")
        link_entity(self.withdrawn, self.cpec, "about")
        self.withdrawn.unpublish()
        settle_withdrawals()
        # Newest first, as the CPEC hub lists them.
        self.cpec_articles = [self.lead, analysis, self.background]


ERRORS = (
    "//*[contains(@class, 'error-message') or contains(@class, 'help-critical')]"
    " | //*[contains(@class, 'messages')]//*[contains(@class, 'error')]"
)


def form_errors(response) -> str:
    """The error messages an admin form response shows, as text."""
    tree = lxml_html.fromstring(response.content)
    return " ".join(" ".join(el.itertext()) for el in tree.xpath(ERRORS))


class WsgiResponse:
    """What a WSGI application answered: status code, headers (by lower-case name) and the whole body."""

    def __init__(self, status: str, headers: list, body: bytes):
        self.status_code = int(status.split(" ", 1)[0])
        self.header_list = headers
        self.headers = {name.lower(): value for name, value in headers}
        self.content = body


def call_wsgi(application, path: str, *, method: str = "GET", headers: dict | None = None) -> WsgiResponse:
    """Call a WSGI application (e.g. newsdesk.wsgi.application, page cache included) the way a server would.

    Django's test client enters Django below the WSGI layer, so it never meets the page cache; this does.
    Like the test client, it keeps Django from closing the test's database connection at request end.
    """
    environ = RequestFactory().generic(method, path, headers=headers or {}).environ
    captured = {}

    def start_response(status, response_headers, exc_info=None):
        captured["status"], captured["headers"] = status, response_headers
        return lambda data: None

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        result = application(environ, start_response)
        try:
            body = b"".join(result)
        finally:
            if hasattr(result, "close"):
                result.close()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return WsgiResponse(captured["status"], captured["headers"], body)


class SearchDesk:
    """Articles about a harbour across two sections, kinds, authors, tags and years, for the search page,
    the admin's search and the API; and hidden ones (draft, scheduled, private, unpublished) that share
    the words and the facets, so a leak shows in results and in counts. Build it in setUpTestData."""

    word = "harbour"
    hidden_titles = ["Harbour draft plans", "Harbour embargoed report", "Harbour members report", "Harbour withdrawn"]

    def __init__(self):
        self.business = make_section("Business", slug="business")
        self.technology = make_section("Technology", slug="technology")
        self.amina = make_author("Amina Rahman")
        self.omar = make_author("Omar Khan")
        self.cranes = make_article(
            self.business,
            "Harbour cranes arrive at Gwadar",
            kind="news",
            authors=[self.amina],
            tags=["Trade"],
            body=paragraphs("The trade corridor opens as the harbour cranes arrive."),
            published_at=datetime(2024, 3, 5, 9, tzinfo=UTC),
        )
        self.tolls = make_article(
            self.business,
            "Harbour tolls rise",
            kind="analysis",
            authors=[self.omar],
            tags=["Trade"],
            body=paragraphs("Shipping lines pay more at the harbour as the corridor of trade slows."),
            published_at=minutes_ago(60 * 24),
        )
        self.sensors = make_article(
            self.technology,
            "Harbour sensors measure tides",
            kind="news",
            authors=[self.omar],
            tags=["Science"],
            body=paragraphs("Engineers fit sensors along the harbour wall."),
            published_at=minutes_ago(120),
        )
        self.scripts = make_article(
            self.technology,
            "Scripts in the harbour office",
            kind="explainer",
            authors=[self.amina],
            body=paragraphs("A clerk typed &lt;script&gt;alert(1)&lt;/script&gt; into the harbour ledger."),
            published_at=minutes_ago(60),
        )
        self.visible = [self.cranes, self.tolls, self.sensors, self.scripts]
        self._hidden()

    def _hidden(self):
        shared = {"kind": "news", "authors": [self.amina], "tags": ["Trade"]}
        body = paragraphs("The trade corridor opens as the harbour cranes arrive.")
        self.draft = make_article(self.business, self.hidden_titles[0], publish=False, body=body, **shared)
        self.scheduled = make_article(
            self.business,
            self.hidden_titles[1],
            publish=False,
            body=body,
            go_live_at=timezone.now() + timedelta(days=1),
            **shared,
        )
        self.scheduled.save_revision().publish()
        self.private = make_article(self.business, self.hidden_titles[2], body=body, **shared)
        PageViewRestriction.objects.create(
            page=self.private, restriction_type=PageViewRestriction.PASSWORD, password="x"
        )
        self.withdrawn = make_article(self.business, self.hidden_titles[3], body=body, **shared)
        self.withdrawn.unpublish()


def paragraphs(*texts):
    """A body of paragraphs (each text is HTML)."""
    return [("paragraph", RichText(f"<p>{text}</p>")) for text in texts]
