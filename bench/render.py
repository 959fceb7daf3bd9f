"""How long reader pages take to render with no page cache in front, on a desk of realistic articles.

    .venv/bin/python bench/render.py [--articles 3000] [--samples 200] [--against main] [--profile]

Builds a throwaway SQLite database in a temporary folder: real article pages in bulk (rows in
Wagtail's page tree, bylines, tags, a ~9 KB body with every common kind of block), renditions made
ahead as publishing makes them. Then requests pages through Django's full request handler
(middleware, Wagtail routing, templates) with no page cache in front and prints median and 95th
percentile, and the number of SQL queries of each kind of page:

    article, cold   each of --samples articles once: what a crawler walking the archive costs
    article, again  the same articles again (their fragments are kept: core/fragments.py)
    home, section, tag, author, and a plain page of the same site as the baseline

`--against REF` measures the code of git REF (e.g. main) in the same run, on a copy of the same
database, one after the other, and prints each figure's ratio (REF ÷ this tree). `--profile` prints
where the cold article renders spend their time (cProfile).
"""

import argparse
import cProfile
import json
import os
import pstats
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
# --against runs this script again with another tree's code (NEWSDESK_TREE) on a copy of the database.
sys.path.insert(0, os.environ.get("NEWSDESK_TREE", str(HERE)))
os.environ.setdefault("NEWSDESK_DATA_DIR", tempfile.mkdtemp(prefix="newsdesk-bench-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings")
os.environ.setdefault("LOG_LEVEL", "ERROR")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

HEADINGS = ["High-level talks", "Economic corridor", "Security and defence", "What comes next"]
WORDS = (
    "minister talks trade corridor agreement security border markets investment ports energy officials "
    "delegation summit visit cooperation budget growth exports farmers workers industry regional partners "
    "statement signed projects funding railway highway power plant students scholarships culture exchange"
).split()


def paragraph(rng, n: int) -> str:
    """About 600 characters of plain news prose, with the odd bold phrase and link as editors write them."""
    words = [rng.choice(WORDS) for _ in range(90)]
    words[0] = words[0].capitalize()
    words[20] = f"<b>{words[20]}</b>"
    words[50] = f'<a href="https://example.org/{n}">{words[50]}</a>'
    return "<p>" + " ".join(words) + ".</p>"


def body_for(n: int, image, also_see_id):
    """A ~9 KB body: four headings, fourteen paragraphs, a quote, a picture, a pull quote and Also See."""
    from wagtail.rich_text import RichText

    from newsdesk.articles.models import ArticlePage

    rng = random.Random(n)
    blocks = []
    for heading in HEADINGS:
        blocks.append(("heading", {"text": heading, "level": "h2", "anchor": ""}))
        blocks += [("paragraph", RichText(paragraph(rng, n))) for _ in range(3 if heading != HEADINGS[0] else 5)]
    blocks[3:3] = [
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
        blocks[14:14] = [("also_see", {"article": ArticlePage(pk=also_see_id), "label": "Also see"})]
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
    make_renditions_ahead(images + [author.photo for author in authors])
    return section, about


def make_renditions_ahead(images):
    """What publishing does in the worker, done once for the whole desk."""
    from newsdesk.distribution.links import CROPS, PORTRAIT
    from newsdesk.images.pictures import make_renditions

    make_renditions.call([image.pk for image in images], [*CROPS.values(), PORTRAIT])


def timed(client, url) -> float:
    started = time.perf_counter()
    response = client.get(url)
    elapsed = time.perf_counter() - started
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    return elapsed * 1000


def queries(client, url) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return len(captured)


def measure(plan: dict, profile: bool) -> dict:
    """{label: (median ms, p95 ms, queries of the first request)} for every page of `plan`."""

    client = Client(HTTP_HOST="127.0.0.1")
    client.get(plan["plain"])  # templates compiled, connections open: not what a page costs
    results = {}
    articles = plan["articles"]
    first = queries(client, articles[0])
    profiler = cProfile.Profile() if profile else None
    if profiler:
        profiler.enable()
    cold = [timed(client, url) for url in articles[1:]]
    if profiler:
        profiler.disable()
    results["article, cold"] = summary(cold, first)
    again = queries(client, articles[0])
    results["article, again"] = summary([timed(client, url) for url in articles[1:]], again)
    for label in ("home", "section", "tag", "author", "plain"):
        url = plan[label]
        count = queries(client, url)
        results[label] = summary([timed(client, url) for _ in range(plan["repeat"])], count)
    if profiler:
        pstats.Stats(profiler, stream=sys.stderr).sort_stats("cumulative").print_stats(45)
    return results


def summary(times, query_count):
    times = sorted(times)
    return statistics.median(times), times[max(int(len(times) * 0.95) - 1, 0)], query_count


LABELS = {
    "article, cold": "article page, cold",
    "article, again": "article page, again",
    "home": "home page",
    "section": "section page",
    "tag": "tag page",
    "author": "author page",
    "plain": "baseline: plain page",
}


def against(ref: str, plan: dict) -> dict:
    """The same measurement with git `ref`'s code, in a child process, on a copy of this database."""
    tree = Path(tempfile.mkdtemp(prefix="newsdesk-bench-ref-"))
    archive = subprocess.run(["git", "-C", str(HERE), "archive", ref], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
    data = Path(tempfile.mkdtemp(prefix="newsdesk-bench-data-"))
    shutil.copytree(os.environ["NEWSDESK_DATA_DIR"], data, dirs_exist_ok=True)
    env = dict(os.environ, NEWSDESK_TREE=str(tree), NEWSDESK_DATA_DIR=str(data))
    try:
        out = subprocess.run(
            [sys.executable, __file__, "--measure-only", json.dumps(plan)],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        return {label: tuple(value) for label, value in json.loads(out.strip().splitlines()[-1]).items()}
    finally:
        shutil.rmtree(tree, ignore_errors=True)
        shutil.rmtree(data, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=3_000)
    parser.add_argument("--samples", type=int, default=200)
    parser.add_argument("--against", metavar="REF", help="also measure git REF's code (e.g. main) in this run")
    parser.add_argument("--profile", action="store_true", help="cProfile the cold article renders (to stderr)")
    parser.add_argument("--measure-only", metavar="PLAN", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure_only:
        print(json.dumps(measure(json.loads(args.measure_only), profile=False)))
        return
    random.seed(7)

    started = time.perf_counter()
    section, about = build(args.articles)
    print(
        f"built {args.articles} articles in {time.perf_counter() - started:.1f} s "
        f"(SQLite at {os.environ['NEWSDESK_DATA_DIR']})"
    )

    from newsdesk.articles.models import ArticlePage, ArticleTag
    from newsdesk.people.models import Author

    assert ArticlePage.objects.live().count() == args.articles
    prefix = section.url_path[len("/home") :]
    plan = {
        "articles": [f"{prefix}story-{n}/" for n in random.sample(range(args.articles), args.samples + 1)],
        "home": "/",
        "section": prefix,
        "tag": f"/tags/{ArticleTag.objects.first().tag.slug}/",
        "author": Author.objects.first().get_absolute_url(),
        "plain": "/about/",
        "repeat": max(args.samples // 4, 20),
    }
    ours = measure(plan, args.profile)
    theirs = against(args.against, plan) if args.against else None
    header = f"{'':<24} {'median ms':>10} {'p95 ms':>8} {'queries':>8}"
    if theirs:
        header += f"   {args.against + ': median':>14} {'p95':>7} {'queries':>8} {'ratio':>7}"
    print(header)
    for key, label in LABELS.items():
        median, p95, count = ours[key]
        line = f"{label:<24} {median:>10.1f} {p95:>8.1f} {count:>8}"
        if theirs:
            old_median, old_p95, old_count = theirs[key]
            line += f"   {old_median:>14.1f} {old_p95:>7.1f} {old_count:>8} {old_median / median:>6.1f}x"
        print(line)


if __name__ == "__main__":
    main()
