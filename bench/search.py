"""Search at archive scale: index build rate and size, and query latency at 1 and 16 clients.

    .venv/bin/python bench/search.py [--database sqlite|postgres] [--articles 100000] [--baseline 2000]

Builds a throwaway database (SQLite in a temporary folder or --data-dir, or a fresh PostgreSQL
database --bench-db, `nd_search_bench` by default, on --postgres-url) with real article pages written in bulk (page tree rows,
bylines, tags, bodies of 600–1,200 words drawn from a Zipf-like vocabulary with very common and very
rare words), then indexes them through the same path as `newsdesk rebuild-search-index` and prints
articles/s and the index size. A fixed mix of queries (one common word, one rare word, two words,
phrases, exclusions, prefixes, facets, page 50, newest first, exact headlines, a misspelling) runs
through `search()` at 1 client and at 16 concurrent clients (threads spread over --processes processes, 2 by
default, as the app server's workers serve readers), printing p50/p95/p99/max.
The baseline, in the same run: Wagtail's database search backend (what /search/ used before) over
the first --baseline articles, with the same query texts.
"""

import argparse
import json
import multiprocessing
import os
import random
import statistics
import string
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings")
os.environ.setdefault("LOG_LEVEL", "ERROR")

BENCH_DB = "nd_search_bench"
SECTIONS = ["world", "business", "technology", "politics", "science", "culture", "sport", "opinion-desk"]
KINDS = ["news", "news", "news", "analysis", "opinion", "explainer", "interview"]
# The head of the vocabulary: real words newsrooms repeat endlessly (Zipf ranks 1…), then invented ones.
COMMON = (
    "government minister said year people trade election country president market police court city "
    "report water energy health school company border power security budget policy bank price council "
    "workers village farmers railway highway airport harbour corridor reform strike treaty summit crisis "
    "inflation drought flood vaccine hospital teachers students judges tribunal pipeline factory export "
    "import coalition opposition parliament senate province capital district mayor governor protest"
).split()
VOCABULARY_SIZE = 60_000
ZIPF_S = 1.07
POOL_WORDS = 5_000_000
RARE_MARKERS = ["quillwort", "xanthelasma", "zeugmatic", "brachistochrone", "oubliette"]


# -- the database ---------------------------------------------------------------------------------


def choose_database(args):
    if args.database == "postgres":
        if not args.reuse:
            import psycopg

            with psycopg.connect(f"{args.postgres_url}/postgres", autocommit=True) as admin:
                admin.execute(f"DROP DATABASE IF EXISTS {args.bench_db}")
                admin.execute(f"CREATE DATABASE {args.bench_db}")
        os.environ["DATABASE_URL"] = f"{args.postgres_url}/{args.bench_db}"
    else:
        os.environ.pop("DATABASE_URL", None)
    if args.data_dir:
        Path(args.data_dir).mkdir(parents=True, exist_ok=args.reuse)  # a fresh folder, unless reusing its archive
        os.environ["NEWSDESK_DATA_DIR"] = str(args.data_dir)
    else:
        os.environ["NEWSDESK_DATA_DIR"] = tempfile.mkdtemp(prefix="newsdesk-search-bench-")
    import django

    django.setup()


# -- synthetic text -------------------------------------------------------------------------------


def invented_word(rng) -> str:
    syllables = ["".join(rng.choice(c) for c in ("bcdfghklmnprstvz", "aeiou")) for _ in range(rng.randint(2, 4))]
    return "".join(syllables) + rng.choice(["", "n", "r", "s", "t", "l"])


def vocabulary(rng) -> list[str]:
    words = list(COMMON)
    seen = set(words) | set(RARE_MARKERS)
    while len(words) < VOCABULARY_SIZE:
        word = invented_word(rng)
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


class Text:
    """Zipf-distributed words: a pool sampled once, read through random windows (fast, and phrases recur)."""

    def __init__(self, rng, words):
        self.rng, self.words = rng, words
        weights = [1 / (rank**ZIPF_S) for rank in range(1, len(words) + 1)]
        self.pool = rng.choices(range(len(words)), weights=weights, k=POOL_WORDS)

    def words_at(self, count: int, skip_head: int = 0) -> list[str]:
        start = self.rng.randrange(0, len(self.pool) - count * 2)
        picked = [self.words[i] for i in self.pool[start : start + count * 2] if i >= skip_head]
        return picked[:count]

    def sentence(self, count: int, skip_head: int = 0) -> str:
        words = self.words_at(count, skip_head)
        return " ".join(words).capitalize() + "."


def body_json(text: Text, rng, n: int) -> str:
    total = rng.randint(600, 1200)
    paragraphs, made = [], 0
    while made < total:
        size = min(rng.randint(60, 120), total - made)
        words = text.words_at(size)
        if n % 20_000 < len(RARE_MARKERS) * 2 and not made:
            words.append(RARE_MARKERS[n % len(RARE_MARKERS)])
        paragraphs.append(
            {
                "type": "paragraph",
                "value": f"<p>{' '.join(words).capitalize()}.</p>",
                "id": str(uuid.UUID(int=rng.getrandbits(128))),
            }
        )
        made += size
    return json.dumps(paragraphs)


# -- building the archive -------------------------------------------------------------------------


def build_archive(count: int, rng, text: Text):
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone
    from taggit.models import Tag
    from wagtail.models import Locale, Page

    from newsdesk.articles.models import ArticleByline, ArticlePage, ArticleTag
    from newsdesk.testing import make_author, make_section

    sections = [make_section(slug.replace("-", " ").title(), slug=slug) for slug in SECTIONS]
    authors = [make_author(f"{invented_word(rng).title()} {invented_word(rng).title()}") for _ in range(60)]
    tags = [Tag.objects.create(name=f"{word.title()}", slug=word) for word in dict.fromkeys(text.words[60:360])]
    content_type = ContentType.objects.get_for_model(ArticlePage)
    locale = Locale.get_default()
    now = timezone.now()
    per_section = {section.pk: 0 for section in sections}
    for start in range(0, count, 1000):
        batch = range(start, min(start + 1000, count))
        pages, rows = [], []
        for n in batch:
            section = sections[rng.randrange(len(sections))]
            per_section[section.pk] += 1
            # Ids follow publication order, as they do on a desk that publishes as it writes.
            published = now - timezone.timedelta(minutes=(count - n) * 50)
            headline = text.sentence(rng.randint(6, 12), skip_head=40).rstrip(".")
            slug = f"story-{n}"
            pages.append(
                Page(
                    title=headline,
                    draft_title=headline,
                    slug=slug,
                    content_type=content_type,
                    locale=locale,
                    path=Page._get_path(section.path, section.depth + 1, per_section[section.pk]),
                    depth=section.depth + 1,
                    url_path=f"{section.url_path}{slug}/",
                    live=True,
                    first_published_at=published,
                    last_published_at=published,
                )
            )
            rows.append([text.sentence(rng.randint(18, 30), skip_head=20), rng.choice(KINDS), body_json(text, rng, n)])
        with transaction.atomic():
            Page.objects.bulk_create(pages)
            ids = dict(Page.objects.filter(slug__in=[p.slug for p in pages]).values_list("slug", "id"))
            page_ids = [ids[page.slug] for page in pages]
            insert_articles(page_ids, rows)
            ArticleByline.objects.bulk_create(
                ArticleByline(article_id=pk, author=author, sort_order=i)
                for pk in page_ids
                for i, author in enumerate(rng.sample(authors, rng.choice([1, 1, 2])))
            )
            ArticleTag.objects.bulk_create(
                ArticleTag(content_object_id=pk, tag=tag) for pk in page_ids for tag in rng.sample(tags, 3)
            )
    for section in sections:
        Page.objects.filter(pk=section.pk).update(numchild=per_section[section.pk])
    return sections, authors, tags


def insert_articles(page_ids, rows):
    """ArticlePage rows under bulk-made pages (bulk_create refuses multi-table models), with raw body JSON."""
    from django.db import connection

    columns = "page_ptr_id, standfirst, kind, dateline, hero_caption, body, teaser, is_featured"
    values = [
        [pk, standfirst, kind, "", "", body, "", False]
        for pk, (standfirst, kind, body) in zip(page_ids, rows, strict=True)
    ]
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO articles_articlepage ({columns}) VALUES ({', '.join(['%s'] * 8)})", values)


def index_archive() -> tuple[float, float]:
    """Wall-clock and this process's CPU seconds (on SQLite the whole cost; PostgreSQL's server work is not in it)."""
    from django.core.management import call_command

    started, cpu = time.perf_counter(), time.process_time()
    call_command("rebuild-search-index", no_progress=True, stdout=open(os.devnull, "w"))
    return time.perf_counter() - started, time.process_time() - cpu


def index_size_mb() -> float:
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT pg_total_relation_size('discovery_searchdocument') + pg_total_relation_size('discovery_searchterm')"
            )
            return cursor.fetchone()[0] / 1e6
        cursor.execute("SELECT name FROM sqlite_master WHERE name LIKE 'discovery_search%'")
        names = [row[0] for row in cursor.fetchall()]
        try:
            cursor.execute(f"SELECT SUM(pgsize) FROM dbstat WHERE name IN ({', '.join(['%s'] * len(names))})", names)
            return cursor.fetchone()[0] / 1e6
        except Exception:  # dbstat is optional in SQLite builds
            return float("nan")


# -- the query mix --------------------------------------------------------------------------------


def query_mix(rng, text: Text, sections, authors, tags):
    from newsdesk.articles.models import ArticlePage
    from newsdesk.discovery.engine import SearchQuery

    words = text.words
    mid = [words[rank] for rank in (400, 900, 2500)]
    rare = [words[rank] for rank in (25_000, 40_000)] + [RARE_MARKERS[0]]
    # Drawn with the run's seed, so every run over the same archive asks the same questions.
    titles = ArticlePage.objects.order_by("pk").values_list("title", flat=True)
    sample = [titles[rng.randrange(titles.count())] for _ in range(3)]
    body_words = words_in_a_body(rng)
    phrase = lambda k: '"' + " ".join(body_words[k : k + 2]) + '"'  # noqa: E731
    phrase3 = '"' + " ".join(body_words[40:43]) + '"'
    queries = [
        ("common word", SearchQuery(words[0])),
        ("common word", SearchQuery(words[3])),
        ("common word", SearchQuery(words[12])),
        ("common word", SearchQuery(words[30] + " ")),
        ("mid word", SearchQuery(mid[0] + " ")),
        ("mid word", SearchQuery(mid[1] + " ")),
        ("mid word", SearchQuery(mid[2] + " ")),
        ("rare word", SearchQuery(rare[0] + " ")),
        ("rare word", SearchQuery(rare[1] + " ")),
        ("rare word", SearchQuery(rare[2] + " ")),
        ("two words", SearchQuery(f"{words[1]} {words[5]} ")),
        ("two words", SearchQuery(f"{words[2]} {mid[0]} ")),
        ("two words", SearchQuery(f"{mid[1]} {mid[2]} ")),
        ("two words", SearchQuery(f"{words[8]} {rare[0]} ")),
        ("phrase", SearchQuery(phrase(10))),
        ("phrase", SearchQuery(phrase(20) + " " + words[4])),
        ("phrase", SearchQuery(phrase3)),
        ("exclusion", SearchQuery(f"{words[0]} -{words[1]}")),
        ("exclusion", SearchQuery(f"{mid[0]} -{words[2]}")),
        ("exclusion", SearchQuery(f"{words[6]} -{mid[1]} -{words[9]}")),
        ("prefix", SearchQuery(words[0][:4])),
        ("prefix", SearchQuery(f"{words[1]} {mid[2][:4]}")),
        ("prefix", SearchQuery(rare[0][:5])),
        ("facets", SearchQuery(words[0], sections=(SECTIONS[1],))),
        ("facets", SearchQuery(words[2], sections=(SECTIONS[0], SECTIONS[2]), kinds=("analysis",))),
        ("facets", SearchQuery(mid[0], authors=(authors[0].slug,))),
        ("facets", SearchQuery(words[4], tags=(tags[0].slug,), years=(sample_year(),))),
        ("page 50", SearchQuery(words[0], page=50)),
        ("page 50", SearchQuery(words[3], page=50, sort="newest")),
        ("page 50", SearchQuery(words[1], page=50, sections=(SECTIONS[3],))),
        ("newest", SearchQuery(words[5], sort="newest")),
        ("newest", SearchQuery(mid[1], sort="newest")),
        ("headline", SearchQuery(sample[0])),
        ("headline", SearchQuery(sample[1])),
        ("misspelt", SearchQuery(misspelt(words[2]) + " " + misspelt(mid[0]) + " ")),
    ]
    return queries


def sample_year() -> int:
    from django.utils import timezone

    return timezone.now().year


def words_in_a_body(rng) -> list[str]:
    from newsdesk.discovery.models import SearchDocument

    bodies = SearchDocument.objects.order_by("page_id").values_list("body", flat=True)
    body = bodies[rng.randrange(bodies.count())]
    return [word.strip(string.punctuation).lower() for word in body.split()]


def misspelt(word: str) -> str:
    return word[:2] + word[3] + word[2] + word[4:] if len(word) > 4 else word + "x"


# -- running queries ------------------------------------------------------------------------------


CPU_TIMES = []  # per search, this thread's CPU ms: the figure a busy shared machine does not inflate (SQLite)


def run_engine(query) -> float:
    from newsdesk.discovery.engine import search

    started, cpu = time.perf_counter(), time.thread_time()
    results = search(query)
    [str(hit.snippet) for hit in results.hits]
    CPU_TIMES.append((time.thread_time() - cpu) * 1000)
    return (time.perf_counter() - started) * 1000


def run_wagtail(query) -> float:
    from newsdesk.articles.models import ArticlePage

    started = time.perf_counter()
    found = ArticlePage.objects.published().search(query.text, operator="and")
    list(found[:20])
    found.count()
    return (time.perf_counter() - started) * 1000


def timed_rounds(runner, queries, rounds) -> list[tuple[str, float, str]]:
    """(kind, milliseconds, the words searched) for each query of each round."""
    return [(label, runner(query), query.text) for _ in range(rounds) for label, query in queries]


def client_process(args):
    """One app-server process: its `threads` clients search at once, each on its own connection."""
    runner_name, queries, rounds, seeds = args
    from django.db import connections

    connections.close_all()
    runner = run_engine if runner_name == "engine" else run_wagtail
    timings = {}

    def client(seed):
        order = list(queries)
        random.Random(seed).shuffle(order)
        try:
            timings[seed] = timed_rounds(runner, order, rounds)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=client, args=(seed,)) for seed in seeds]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return [timing for seed in seeds for timing in timings[seed]]


def concurrent(runner_name, queries, clients, rounds, turns=None, processes=None):
    """Every client's timings and the wall time, `clients` spread over `processes` (threads within each, as
    the app server's workers serve readers); `turns` sets NEWSDESK_SEARCH_CONCURRENCY in the clients."""
    from django.conf import settings
    from django.db import connections

    if turns is not None:
        settings.NEWSDESK_SEARCH_CONCURRENCY = turns
    processes = min(processes or clients, clients)
    connections.close_all()
    from newsdesk.core.collection import batch_collection

    # The parent's objects (the bench's 5-million-word pool) stay out of the children's collections: each
    # collection would touch, and so copy, every page of them.
    with batch_collection(), multiprocessing.get_context("fork").Pool(processes) as pool:
        started = time.perf_counter()
        seeds = [list(range(clients))[n::processes] for n in range(processes)]
        results = pool.map(client_process, [(runner_name, queries, rounds, group) for group in seeds])
        wall = time.perf_counter() - started
    return [timing for client in results for timing in client], wall


def turns_label(turns: int) -> str:
    from django.db import connection

    if not turns:
        return "no turns (all at once)"
    return f"{turns} search turns" if connection.vendor == "postgresql" else f"{turns} search turn(s) per process"


def percentile(values, share) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(share * (len(values) - 1))))]


def summary(label, timings) -> dict:
    values = [ms for _, ms, _ in timings]
    figures = {
        "p50": statistics.median(values),
        "p95": percentile(values, 0.95),
        "p99": percentile(values, 0.99),
        "max": max(values),
    }
    print(
        f"  {label:<44} p50 {figures['p50']:7.1f} ms  p95 {figures['p95']:7.1f} ms  "
        f"p99 {figures['p99']:7.1f} ms  max {figures['max']:7.1f} ms  (n={len(values)})"
    )
    return figures


def by_kind(timings):
    kinds = {}
    for label, ms, _ in timings:
        kinds.setdefault(label, []).append(ms)
    print("  by kind (p95): " + ", ".join(f"{label} {percentile(v, 0.95):.1f}" for label, v in kinds.items()))
    slowest = sorted(timings, key=lambda timing: -timing[1])[:3]
    print("  slowest: " + "; ".join(f"{label} {text.strip()!r} {ms:.1f}" for label, ms, text in slowest))


# -- the baseline: Wagtail's database backend ---------------------------------------------------


def build_wagtail_index(count: int) -> float:
    from modelsearch.backends import get_search_backend

    from newsdesk.articles.models import ArticlePage

    backend = get_search_backend()
    ids = list(ArticlePage.objects.order_by("pk").values_list("pk", flat=True)[:count])
    started = time.perf_counter()
    for start in range(0, len(ids), 500):
        pages = list(ArticlePage.objects.filter(pk__in=ids[start : start + 500]).prefetch_related("tags"))
        backend.add_bulk(ArticlePage, pages)
    return time.perf_counter() - started


def build_and_index(args, rng, text, started):
    from newsdesk.importers.load.search import bulk_writes

    with bulk_writes():
        archive = build_archive(args.articles, rng, text)
    print(f"  archive written (pages, bylines, tags, bodies) in {time.perf_counter() - started:.1f} s")

    print(
        f"  load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (a shared machine inflates wall times)"
    )
    seconds, cpu_seconds = index_archive()
    rate = args.articles / seconds
    print(
        f"  index build: {seconds:.1f} s, {rate:,.0f} articles/s; {args.articles / cpu_seconds:,.0f} articles per "
        f"CPU-second of this process; index size {index_size_mb():,.0f} MB"
    )
    wagtail_seconds = build_wagtail_index(args.baseline)
    wagtail_rate = args.baseline / wagtail_seconds
    print(
        f"  baseline index (Wagtail database backend, {args.baseline:,} articles): {wagtail_rate:,.0f} articles/s "
        f"(ours {rate / wagtail_rate:.1f}x)"
    )
    return rate, archive


def reused_archive():
    """Sections, authors and tags of a kept archive, every article live again (the baseline takes most offline)."""
    from taggit.models import Tag
    from wagtail.models import Page

    from newsdesk.articles.models import ArticlePage
    from newsdesk.people.models import Author
    from newsdesk.sections.models import SectionPage

    if not ArticlePage.objects.exists():
        sys.exit("--reuse: no archive here (give the --database, --data-dir or --bench-db of the earlier run)")
    Page.objects.filter(pk__in=ArticlePage.objects.values("pk")).update(live=True)
    return (
        list(SectionPage.objects.filter(slug__in=SECTIONS)),
        list(Author.objects.order_by("pk")[:60]),
        list(Tag.objects.order_by("pk")[:300]),
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--postgres-url", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--bench-db", default=BENCH_DB, help="PostgreSQL database to drop and create")
    parser.add_argument("--data-dir", help="a new folder for the SQLite file and media, kept afterwards")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="query the archive an earlier run left (--data-dir or --bench-db) without building or indexing it",
    )
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--baseline", type=int, default=2_000, help="articles in the Wagtail-backend baseline")
    parser.add_argument("--rounds", type=int, default=3, help="passes over the query mix at 1 client")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument(
        "--processes",
        type=int,
        default=2,
        help="app-server processes the clients are spread over, as threads (2: `newsdesk serve`'s default workers)",
    )
    parser.add_argument(
        "--turns",
        type=int,
        nargs="*",
        default=[0],
        help="after the default NEWSDESK_SEARCH_CONCURRENCY, run the clients again with each of these",
    )
    args = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)
    choose_database(args)

    from django.core.management import call_command
    from django.db import connection

    from newsdesk.articles.models import ArticlePage

    rng = random.Random(12)
    call_command("migrate", verbosity=0)
    print(f"search bench: {args.articles:,} articles on {connection.vendor} ({connection.settings_dict['NAME']})")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW shared_buffers")
            print(f"  PostgreSQL shared_buffers: {cursor.fetchone()[0]}")
    started = time.perf_counter()
    text = Text(rng, vocabulary(rng))
    if args.reuse:
        sections, authors, tags = reused_archive()
        rate = None
        print(f"  archive and indexes reused from an earlier run ({time.perf_counter() - started:.1f} s)")
    else:
        rate, (sections, authors, tags) = build_and_index(args, rng, text, started)

    queries = query_mix(rng, text, sections, authors, tags)
    print(f"  query mix: {len(queries)} queries")
    run_engine(queries[0][1])
    one = timed_rounds(run_engine, queries, 1)  # warm-up pass, not counted
    CPU_TIMES.clear()
    one = timed_rounds(run_engine, queries, args.rounds)
    ours = summary(f"engine, 1 client, {args.articles:,} articles", one)
    print(
        f"  CPU time per search in this process, 1 client: p50 {statistics.median(CPU_TIMES):.1f} ms, "
        f"p95 {percentile(CPU_TIMES, 0.95):.1f} ms (load average now {os.getloadavg()[0]:.1f})"
    )
    by_kind(one)
    if connection.vendor == "postgresql":
        # Sessions open with jit=off (core/env.py); the server's default, in the same run, for the ratio.
        with connection.cursor() as cursor:
            cursor.execute("SET jit = on")
        jit = summary("engine, 1 client, PostgreSQL's JIT on", timed_rounds(run_engine, queries, 1))
        with connection.cursor() as cursor:
            cursor.execute("SET jit = off")
        print(f"  ratio: JIT on / off, p95 {jit['p95'] / ours['p95']:.1f}x, p50 {jit['p50'] / ours['p50']:.1f}x")
    from django.conf import settings

    default_turns = getattr(settings, "NEWSDESK_SEARCH_CONCURRENCY", 0)  # 0 in releases without turns
    many, wall = concurrent("engine", queries, args.clients, 1, processes=args.processes)
    shape = f"{args.clients} clients in {min(args.processes, args.clients)} processes"
    ours_many = summary(f"engine, {shape}, {turns_label(default_turns)}", many)
    by_kind(many)
    print(f"  {args.clients} clients: {len(many) / wall:.0f} searches/s over {wall:.1f} s")
    for turns in args.turns:
        # The same clients with another number of turns (0: every search at once), for the ratio.
        other, other_wall = concurrent("engine", queries, args.clients, 1, turns, processes=args.processes)
        figures = summary(f"engine, {shape}, {turns_label(turns)}", other)
        by_kind(other)
        print(
            f"  {args.clients} clients: {len(other) / other_wall:.0f} searches/s; max {figures['max'] / ours_many['max']:.2f}x, "
            f"p95 {figures['p95'] / ours_many['p95']:.2f}x the default's"
        )
    settings.NEWSDESK_SEARCH_CONCURRENCY = default_turns

    text_only = [(label, query) for label, query in queries if label not in ("facets", "page 50", "newest")]
    ids = ArticlePage.objects.order_by("pk").values_list("pk", flat=True)[: args.baseline]
    ArticlePage.objects.exclude(pk__in=list(ids)).update(live=False)  # the baseline's archive is the first N
    base = summary(
        f"baseline (Wagtail db backend), {args.baseline:,} articles",
        timed_rounds(run_wagtail, text_only, 1),
    )
    print(
        f"  ratio: baseline p95 on {args.baseline:,} articles / engine p95 on {args.articles:,} = "
        f"{base['p95'] / ours['p95']:.1f}x;  p50 {base['p50'] / ours['p50']:.1f}x"
    )
    ok_one = ours["p95"] <= 50
    ok_many = ours_many["max"] <= 500
    indexing = "not measured (--reuse)" if rate is None else ("met" if rate >= 500 else "MISSED")
    print(
        f"  targets: p95 <= 50 ms at 1 client {'met' if ok_one else 'MISSED'}; "
        f"max <= 500 ms at {args.clients} clients {'met' if ok_many else 'MISSED'}; "
        f">= 500 articles/s {indexing}"
    )


if __name__ == "__main__":
    main()
