"""How long distribution outputs take with 50,000 published articles in the database.

Builds a throwaway SQLite database (bulk-created rows, a few real images), then times
- one 50,000-URL article sitemap page (with image entries), and
- the site's full-content feed (RSS, Atom, JSON Feed) of the newest 100 articles.

    .venv/bin/python bench/distribution.py [--articles 50000] [--repeat 3]
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

DATA = tempfile.mkdtemp(prefix="newsdesk-bench-")
os.environ["NEWSDESK_DATA_DIR"] = DATA
os.environ["DATABASE_URL"] = f"sqlite:///{Path(DATA) / 'bench.sqlite3'}"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import RequestFactory  # noqa: E402
from django.utils import timezone  # noqa: E402


def populate(count: int) -> None:
    from django.contrib.contenttypes.models import ContentType
    from taggit.models import Tag
    from wagtail.models import Locale, Page

    from newsdesk.articles.models import ArticleByline, ArticlePage, ArticleTag
    from newsdesk.testing import make_author, make_image, make_section

    sections = [make_section(title) for title in ("Global Affairs", "Business", "Technology")]
    authors = [make_author(f"Writer {n}") for n in range(20)]
    images = [make_image(f"Picture {n}", credit="Reuters") for n in range(10)]
    tags = Tag.objects.bulk_create([Tag(name=f"Topic {n}", slug=f"topic-{n}") for n in range(50)])
    content_type = ContentType.objects.get_for_model(ArticlePage)
    locale = Locale.get_default()
    now = timezone.now()
    body = [
        {
            "type": "paragraph",
            "value": "<p>The delegation arrived for a five-day visit and met the premier.</p>",
            "id": "a",
        },
        {"type": "heading", "value": {"text": "What was agreed", "level": "h2", "anchor": ""}, "id": "b"},
        {"type": "paragraph", "value": "<p>Officials signed agreements on rail, ports and trade.</p>" * 6, "id": "c"},
        {
            "type": "quote",
            "value": {"text": "A partnership for every season.", "attribution": "Joint statement", "source_url": ""},
            "id": "d",
        },
        {"type": "image", "value": {"image": images[0].pk, "caption": "At the signing", "credit": ""}, "id": "e"},
    ]
    per_section = count // len(sections) + 1
    number = 0
    for section in sections:
        pages, details = [], []
        for position in range(1, min(per_section, count - number) + 1):
            number += 1
            published = now - timezone.timedelta(minutes=number)
            slug = f"story-{number}"
            page = Page(
                title=f"Story {number}",
                draft_title=f"Story {number}",
                slug=slug,
                content_type=content_type,
                path=ArticlePage._get_path(section.path, section.depth + 1, position),
                depth=section.depth + 1,
                numchild=0,
                url_path=f"{section.url_path}{slug}/",
                live=True,
                first_published_at=published,
                last_published_at=published,
                locale=locale,
            )
            pages.append(page)
            details.append(
                ArticlePage(
                    standfirst=f"What happened in story {number}.",
                    kind="news",
                    hero_image_id=images[number % len(images)].pk,
                    body=body,
                )
            )
        Page.objects.bulk_create(pages, batch_size=2000)
        _insert_children(ArticlePage, pages, details)
        Page.objects.filter(pk=section.pk).update(numchild=len(pages))
        ArticleByline.objects.bulk_create(
            [
                ArticleByline(article_id=page.pk, author=authors[i % len(authors)], sort_order=0)
                for i, page in enumerate(pages)
            ],
            batch_size=5000,
        )
        ArticleTag.objects.bulk_create(
            [ArticleTag(content_object_id=page.pk, tag=tags[i % len(tags)]) for i, page in enumerate(pages)],
            batch_size=5000,
        )


def _insert_children(model, pages, details) -> None:
    """Multi-table inheritance cannot bulk_create, so the ArticlePage rows go in with executemany."""
    fields = [f for f in model._meta.local_concrete_fields if f.name != "page_ptr"]
    columns = ["page_ptr_id"] + [f.column for f in fields]
    rows = [
        [page.pk] + [f.get_db_prep_save(f.pre_save(detail, add=True), connection) for f in fields]
        for page, detail in zip(pages, details, strict=True)
    ]
    sql = f"INSERT INTO {model._meta.db_table} ({', '.join(columns)}) VALUES ({', '.join(['%s'] * len(columns))})"
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def timed(label: str, repeat: int, call) -> None:
    call()  # first call warms site caches and settings, as on a running server
    seconds = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = call()
        seconds.append(time.perf_counter() - start)
    size = len(response.content)
    print(f"{label:<44} median {statistics.median(seconds):6.2f} s   best {min(seconds):6.2f} s   {size / 1e6:6.2f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()

    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    with transaction.atomic():
        populate(options.articles)
    print(f"database: {options.articles} articles bulk-created in {time.perf_counter() - start:.1f} s (SQLite, {DATA})")

    from newsdesk.distribution import feeds, views

    factory = RequestFactory()
    print(f"feed size: {feeds.FEED_SIZE} items")
    timed(
        "sitemap page 1 (50,000 URLs, with images)",
        options.repeat,
        lambda: views.sitemap_page(factory.get("/sitemap-articles-1.xml"), "articles", 1),
    )
    for fmt in ("rss", "atom", "json"):
        timed(
            f"site feed, {fmt}, full content",
            options.repeat,
            lambda fmt=fmt: views.feed(factory.get(f"/feed/{fmt}/"), fmt),
        )
    timed("sitemap index", options.repeat, lambda: views.sitemap_index(factory.get("/sitemap.xml")))
    timed("news sitemap", options.repeat, lambda: views.news_sitemap(factory.get("/sitemap-news.xml")))


if __name__ == "__main__":
    main()
