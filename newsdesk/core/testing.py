"""Builders shared by the test suites of every room: a real site with real pages and images."""

import io
import itertools
from datetime import timedelta

from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.models import Page, Site

_counter = itertools.count(1)


def home_page():
    from newsdesk.sections.models import HomePage

    return HomePage.objects.first()


def make_section(title="Global Affairs", slug=None, **fields):
    from newsdesk.sections.models import SectionPage

    section = SectionPage(title=title, slug=slug or title.lower().replace(" ", "-"), **fields)
    home_page().add_child(instance=section)
    section.save_revision().publish()
    return section


def make_image(title="Test image", *, width=1600, height=900, alt_text="A test picture", credit="Reuters", **fields):
    from newsdesk.images.models import NewsImage

    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), (40, 90, 140)).save(buffer, format="JPEG")
    image = NewsImage(title=title, alt_text=alt_text, credit=credit, **fields)
    image.file = ImageFile(io.BytesIO(buffer.getvalue()), name=f"test-{next(_counter)}.jpg")
    image.save()
    return image


def make_author(name="News Desk", *, kind="person", **fields):
    from django.utils.text import slugify

    from newsdesk.people.models import Author

    fields.setdefault("slug", slugify(name) or f"author-{next(_counter)}")
    fields.setdefault("bio", f"{name} writes for the desk.")
    return Author.objects.create(name=name, kind=kind, **fields)


def make_article(section, title=None, *, authors=(), tags=(), body=None, publish=True, published_at=None, **fields):
    """An ArticlePage under `section`; published (with `published_at` as its first publication) unless told not to."""
    from newsdesk.articles.models import ArticleByline, ArticlePage

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
        article.refresh_from_db()
    return article


def rich_body(*, images=(), also_see=(), headings=("The visit", "The corridor", "What was signed")):
    """A body with one block of every kind, for tests that look at the whole article page."""
    from wagtail.rich_text import RichText

    body = [("paragraph", RichText("<p>The president arrived in Beijing on 4 February for a five-day visit.</p>"))]
    for text in headings:
        body.append(("heading", {"text": text, "level": "h2", "anchor": ""}))
        body.append(("paragraph", RichText(f"<p>Paragraph about {text.lower()}.</p>")))
    body += [
        ("heading", {"text": "A detail", "level": "h3", "anchor": "detail"}),
        ("quote", {"text": "An iron-clad friendship.", "attribution": "Joint statement", "source_url": "https://example.org/statement"}),
        ("pull_quote", {"text": "Five new corridors.", "attribution": "Officials"}),
        ("fact_box", {"title": "Key facts", "body": RichText("<ul><li>Visit ran 4 to 8 February</li></ul>")}),
        ("table", {"caption": "Agreements", "table": {"data": [["Area", "Count"], ["Trade", "4"]], "first_row_is_table_header": True, "first_col_is_header": False}}),
        ("embed", {"embed": "https://example.org/video/1", "caption": "The arrival ceremony"}),
        ("paragraph", RichText("<p>صدر مملکت بیجنگ پہنچے۔</p>")),
    ]
    body += [("image", {"image": image, "caption": "", "credit": ""}) for image in images]
    body += [("also_see", {"article": target, "label": "Also see"}) for target in also_see]
    return body


def parse_html(response):
    """The response body as an lxml tree, for tests that check what readers see."""
    import lxml.html

    return lxml.html.fromstring(response.content)


def text_of(element) -> str:
    return " ".join(element.text_content().split())


def make_editor(username="editor"):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_superuser(username, f"{username}@example.org", "not-a-real-password-1")


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
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections
    from django.test import RequestFactory

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


def minutes_ago(minutes: int):
    return timezone.now() - timedelta(minutes=minutes)


def default_site() -> Site:
    return Site.objects.get(is_default_site=True)


__all__ = ["Page", "make_section", "make_image", "make_author", "make_article", "rich_body", "parse_html", "text_of", "make_editor", "home_page", "default_site", "call_wsgi"]
