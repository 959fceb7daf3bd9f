"""How long an article page takes to render, uncached, on a desk with 10,000 articles.

    .venv/bin/python bench/render.py [--articles 10000] [--samples 300]

Builds a throwaway SQLite database in a temporary folder, creates real article pages in bulk (rows
in Wagtail's page tree, bylines, tags, a body with every kind of block), then requests random
article pages through Django's full request handler (middleware, Wagtail routing, templates) with
no page cache in front, and prints the median and 95th percentile. A plain page of the same site
(a StandardPage with the same header and footer) is measured in the same run as a baseline.
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["NEWSDESK_DATA_DIR"] = tempfile.mkdtemp(prefix="newsdesk-bench-")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings")
os.environ.setdefault("LOG_LEVEL", "ERROR")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

HEADINGS = [
    "High-level talks",
    "Economic corridor",
    "Security",
    "Defence",
    "Trade",
    "Regional issues",
    "Culture and education",
    "Agreements signed",
]


def body_for(n: int, image, also_see_id):
    from wagtail.rich_text import RichText

    from newsdesk.articles.models import ArticlePage

    blocks = []
    for heading in HEADINGS:
        blocks.append(("heading", {"text": heading, "level": "h2", "anchor": ""}))
        blocks.append(("paragraph", RichText(f"<p>Paragraph {n} on {heading.lower()}, with <b>detail</b>.</p>" * 2)))
    blocks[4:4] = [
        (
            "quote",
            {
                "text": "A friendship that weathers every season.",
                "attribution": "Joint statement",
                "source_url": "https://example.org/statement",
            },
        ),
        ("image", {"image": image, "caption": "", "credit": ""}),
    ]
    blocks[9:9] = [("pull_quote", {"text": "Five corridors, one plan.", "attribution": ""})]
    if also_see_id:
        blocks[12:12] = [("also_see", {"article": ArticlePage(pk=also_see_id), "label": "Also see"})]
    return blocks


def bulk_articles(section, count, images, authors, tags):
    """Real pages in the tree, written a thousand at a time instead of one add_child() each."""
    from django.contrib.contenttypes.models import ContentType
    from taggit.models import Tag
    from wagtail.models import Locale, Page

    from newsdesk.articles.models import ArticleByline, ArticlePage, ArticleTag

    content_type = ContentType.objects.get_for_model(ArticlePage)
    locale = Locale.get_default()
    tag_rows = [Tag.objects.get_or_create(name=name, slug=name.lower())[0] for name in tags]
    now = timezone.now()
    made = 0
    while made < count:
        batch = range(made, min(made + 1000, count))
        pages = []
        for n in batch:
            slug = f"story-{n}"
            published = now - timezone.timedelta(minutes=count - n)
            pages.append(
                Page(
                    title=f"Story {n}: talks on trade, security and a new corridor",
                    draft_title=f"Story {n}",
                    slug=slug,
                    content_type=content_type,
                    locale=locale,
                    path=Page._get_path(section.path, section.depth + 1, n + 1),
                    depth=section.depth + 1,
                    numchild=0,
                    url_path=f"{section.url_path}{slug}/",
                    live=True,
                    first_published_at=published,
                    last_published_at=published,
                )
            )
        Page.objects.bulk_create(pages)
        ids = dict(
            Page.objects.filter(slug__in=[p.slug for p in pages], depth=section.depth + 1).values_list("slug", "id")
        )
        articles = []
        for n, page in zip(batch, pages, strict=True):
            article = ArticlePage(
                page_ptr_id=ids[page.slug],
                standfirst=f"What happened in story {n}, in one sentence.",
                kind=random.choice(["news", "analysis", "opinion"]),
                hero_image=random.choice(images),
                teaser="Two or three sentences for lists. They tell the reader why it matters.",
                body=body_for(n, random.choice(images), ids.get(f"story-{n - 1}")),
            )
            articles.append(article)
        insert_child_rows(ArticlePage, articles)
        ArticleByline.objects.bulk_create(
            ArticleByline(article_id=a.page_ptr_id, author=author, sort_order=i)
            for a in articles
            for i, author in enumerate(random.sample(authors, 2))
        )
        ArticleTag.objects.bulk_create(
            ArticleTag(content_object_id=a.page_ptr_id, tag=tag) for a in articles for tag in random.sample(tag_rows, 3)
        )
        made += len(batch)
    Page.objects.filter(pk=section.pk).update(numchild=count)


def insert_child_rows(model, objects):
    """bulk_create() refuses multi-table models, so the child table is written with one executemany."""
    fields = [f for f in model._meta.local_concrete_fields]
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    marks = ", ".join(["%s"] * len(fields))
    rows = [[f.get_db_prep_save(f.pre_save(obj, True), connection) for f in fields] for obj in objects]
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {model._meta.db_table} ({columns}) VALUES ({marks})", rows)


def build(count):
    from wagtail.models import Site

    from newsdesk.sections.models import StandardPage
    from newsdesk.testing import home_page, make_author, make_image, make_section

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)  # the manifest production pages use
    Site.clear_site_root_paths_cache()
    section = make_section("Global Affairs")
    make_section("Business")
    about = StandardPage(title="About", slug="about", body="<p>Who we are.</p>")
    home_page().add_child(instance=about)
    images = [make_image(f"Picture {i}", width=1600, height=900) for i in range(12)]
    authors = [make_author(f"Writer {i}", photo=make_image(f"Writer {i}", width=300, height=300)) for i in range(8)]
    with transaction.atomic():
        bulk_articles(section, count, images, authors, [f"Topic{i}" for i in range(40)])
    return section, about


def timed(client, url) -> float:
    started = time.perf_counter()
    response = client.get(url)
    elapsed = time.perf_counter() - started
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    return elapsed * 1000


def report(label, times):
    times = sorted(times)
    p95 = times[int(len(times) * 0.95) - 1]
    print(f"{label:<28} median {statistics.median(times):7.1f} ms   p95 {p95:7.1f} ms   (n={len(times)})")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--samples", type=int, default=300)
    args = parser.parse_args()
    random.seed(7)

    started = time.perf_counter()
    section, about = build(args.articles)
    print(
        f"built {args.articles} articles in {time.perf_counter() - started:.1f} s "
        f"(SQLite at {os.environ['NEWSDESK_DATA_DIR']})"
    )

    from newsdesk.articles.models import ArticlePage

    client = Client(HTTP_HOST="127.0.0.1")
    urls = [f"{section.url_path[len('/home') :]}story-{n}/" for n in range(args.articles)]
    for url in random.sample(urls, 40):  # makes every image's renditions once; later views only read them
        client.get(url)
    sample = random.sample(urls, args.samples)
    assert ArticlePage.objects.live().count() == args.articles
    report("article page", [timed(client, url) for url in sample])
    report("baseline: plain page", [timed(client, "/about/") for _ in range(args.samples)])


if __name__ == "__main__":
    main()
