"""Readies the browser-test desk after `newsdesk demo`: two editor accounts, a few stress pieces, and the facts
the tests navigate by (which article has which kind, which sections exist…).

Run by e2e/conftest.py as `python -m e2e.desk` with the same NEWSDESK_DATA_DIR the server will use, before the
server starts (the server's page cache never sees these writes, so they must come first). Prints JSON.

The stress pieces sit in an unpublished "Test bench" section with dates long past, so they never appear in the
demo desk's listings, Recent lists or home page: only the tests that ask for them by URL see them.
"""

import json
import os
import secrets
import sys
from datetime import UTC, datetime

EDITOR_USERNAME = "e2e-editor"
# A second editor, named, for the tests where two people edit one article.
SECOND_EDITOR = {"username": "e2e-second-editor", "first_name": "Esther", "last_name": "Okafor"}
OLD_DATE = datetime(2003, 3, 3, 9, 0, tzinfo=UTC)

# Our own words. A 60-letter "word" and a long URL with no break opportunity test wrapping at 360 px.
LONG_WORD = "Hydroelectricitytransmissionreorganisationcommissionerships"
LONG_URL = "https://example.org/reports/2026/regional-hydroelectric-transmission-reorganisation-final-annex-b-appendix-tables.pdf"
URDU_PARAGRAPH = (
    "کراچی میں آج صبح سے تیز بارش ہو رہی ہے، اور شہر کی کئی بڑی سڑکوں پر پانی کھڑا ہے۔ "
    "محکمہ موسمیات کا کہنا ہے کہ بارش کا یہ سلسلہ کل شام تک جاری رہ سکتا ہے۔"
)


def _paragraph(html):
    from wagtail.rich_text import RichText

    return ("paragraph", RichText(html))


def _bench():
    """An unpublished section holding the stress pieces, so no listing shows them."""
    from newsdesk.sections.models import SectionPage
    from newsdesk.testing import home_page

    bench = SectionPage(title="Test bench", slug="test-bench", live=False)
    home_page().add_child(instance=bench)
    return bench


def _stress_pieces() -> dict:
    from newsdesk.testing import make_article, make_author, make_image

    bench = _bench()
    author = make_author("Bench Correspondent", role="Stress tester", bio="Files the pieces that bend layouts.")

    long_words = make_article(
        bench,
        f"{LONG_WORD} and the {LONG_WORD.lower()} that followed",
        slug="long-words",
        standfirst=f"Read the annex at {LONG_URL} before the {LONG_WORD} meets again.",
        hero_image=make_image("Bench wide image", alt_text="A blue test card", credit="Bench"),
        authors=[author],
        published_at=OLD_DATE,
        body=[
            _paragraph(
                f"<p>The commission published {LONG_URL} on Monday, and {LONG_WORD} was the word of the day.</p>"
            ),
            _paragraph(f'<p>Its annex is at <a href="{LONG_URL}">{LONG_URL}</a>.</p>'),
        ],
    )
    rtl = make_article(
        bench,
        "Rain in Karachi, reported in Urdu",
        slug="urdu-paragraph",
        standfirst="A piece with one paragraph in Urdu, which reads from right to left.",
        authors=[author],
        published_at=OLD_DATE,
        body=[
            _paragraph("<p>The paragraph below is the desk's Urdu service report, as filed.</p>"),
            _paragraph(f"<p>{URDU_PARAGRAPH}</p>"),
            _paragraph("<p>An English summary follows in the next edition.</p>"),
        ],
    )
    lost = make_image(
        "Bench lost image", width=1600, height=900, alt_text="Flooded street in the old town at dawn", credit="Bench"
    )
    missing = make_article(
        bench,
        "A piece whose hero image file went missing",
        slug="missing-image",
        standfirst="The image record is there; the file on disk is not.",
        hero_image=lost,
        authors=[author],
        published_at=OLD_DATE,
        body=[_paragraph("<p>The text after a lost image still reads as it should.</p>")],
    )
    shared = make_article(
        bench,
        "A piece two editors work on at once",
        slug="shared-draft",
        standfirst="Both editors open it; only one of them may save over the other without being told.",
        authors=[author],
        published_at=OLD_DATE,
        body=[_paragraph("<p>The first version, before either editor changed it.</p>")],
    )
    # The media folder was only partly restored: the original and the article's own large pictures are gone,
    # while the small teaser copies other pages list it with survived (those pages' console checks stay strict).
    for rendition in lost.renditions.exclude(filter_spec__contains="fill-240x135").exclude(
        filter_spec__contains="fill-480x270"
    ):
        rendition.file.storage.delete(rendition.file.name)
    storage, name = lost.file.storage, lost.file.name
    storage.delete(name)
    return {
        "long_words": long_words.url,
        "rtl": rtl.url,
        "urdu_paragraph": URDU_PARAGRAPH,
        "long_word": LONG_WORD,
        "long_url": LONG_URL,
        "missing_image": missing.url,
        "missing_image_alt": lost.alt_text,
        "missing_image_ratio": lost.height / lost.width,
        "shared_draft_id": shared.pk,
    }


def _editor(username: str, **names) -> dict:
    from django.contrib.auth import get_user_model

    password = secrets.token_urlsafe(18)
    get_user_model().objects.create_superuser(username, f"{username}@example.org", password, **names)
    return {"username": username, "password": password, **names}


def _facts() -> dict:
    """What the demo desk holds, read from the database so the tests do not hard-code the demo's choices."""
    from taggit.models import Tag
    from wagtail.models import Site

    from newsdesk.articles.models import ArticleKind, ArticlePage
    from newsdesk.people.models import Author
    from newsdesk.sections.models import SectionPage

    home = Site.objects.get(is_default_site=True).root_page
    sections = SectionPage.objects.live().public().child_of(home)
    articles = [a for a in ArticlePage.objects.live().public().recent().select_related("hero_image")]

    def richness(article):
        return (bool(article.hero_image_id), len(article.body.raw_data))

    by_kind = {}
    for kind in ArticleKind.values:
        of_kind = [a for a in articles if a.kind == kind]
        if of_kind:
            by_kind[kind] = max(of_kind, key=richness).url

    # The article the link and layout tests read: the longest one carrying Also See, tags and a hero image.
    def fullness(article):
        block_types = {block["type"] for block in article.body.raw_data}
        return (
            "also_see" in block_types,
            article.tags.exists(),
            bool(article.hero_image_id),
            len(block_types),
            len(article.body.raw_data),
        )

    long_article = max(articles, key=fullness) if articles else None
    tags = Tag.objects.filter(articles_articletag_items__content_object__live=True).distinct().order_by("slug")
    authors = Author.objects.filter(bylines__article__live=True).distinct()
    return {
        "home": home.url,
        "sections": [{"title": s.title, "url": s.url, "id": s.pk} for s in sections],
        "article_count": len(articles),
        "articles_by_kind": by_kind,
        "long_article": long_article.url if long_article else None,
        "long_article_id": long_article.pk if long_article else None,
        "tags": [{"name": t.name, "url": f"/tags/{t.slug}/"} for t in tags],
        "authors": [{"name": a.name, "url": a.get_absolute_url(), "id": a.pk} for a in authors],
        "articles": [
            {"title": a.title, "url": a.url, "kind": a.kind, "section_id": a.get_parent().pk} for a in articles
        ],
    }


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings")
    import django

    django.setup()
    from django.db import transaction

    with transaction.atomic():
        facts = _facts()
        facts["editor"] = _editor(EDITOR_USERNAME)
        facts["second_editor"] = _editor(**SECOND_EDITOR)
        facts["bench"] = _stress_pieces()
    json.dump(facts, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
