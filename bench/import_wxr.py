"""How fast the WordPress importer goes, and whether its memory stays flat as exports grow.

Generates WXR exports of 2,000 and 20,000 posts of a news site's size and shape (5–12 KB bodies with
paragraphs, links, headings, captioned images as `wp:image` blocks and classic `[caption]`s, lists and
quotes; authors, co-authors, categories and child categories, five tags each, an image for every other
post), imports each into a fresh SQLite database in a separate process, and prints posts per second and
peak memory. `--short-posts` uses the older 1.25 KB synthetic posts instead.

    .venv/bin/python bench/import_wxr.py                                  # 2,000 and 20,000 posts
    .venv/bin/python bench/import_wxr.py --import-sizes 200 2000         # other sizes
    .venv/bin/python bench/import_wxr.py --postgres postgres://postgres@127.0.0.1:5432   # PostgreSQL too

"stream" measures the streaming parse and body conversion alone (under tracemalloc); "import"
measures the whole import into SQLite (max RSS; tracemalloc would slow it down), then the search
indexing the command does next, then a second run of the same export (everything unchanged); with
--postgres, the same again into a fresh PostgreSQL database. The baseline is the same import with
one item per transaction (`--batch-size 1`), on the smallest size. On PostgreSQL the import's figure
includes the search indexing done alongside it by a second process (importers/load/alongside.py), and
the index step is what is left after it.

`--whole-command RUNS` times `newsdesk import-wordpress` itself instead, start-up to exit, on a database
migrated beforehand, RUNS times per size and database: what a desk waits for.
"""

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from newsdesk.importers.tests.material import write_synthetic_export  # noqa: E402

BENCH_DATABASE = "newsdesk_bench_import"  # --postgres-database to use another name


def measure(mode: str, export: str, media: str, data_dir: str, batch_size: str, database_url: str) -> dict:
    """Runs in a child process, so each figure starts from a fresh interpreter and database."""
    import resource
    import tracemalloc

    os.environ["NEWSDESK_DATA_DIR"] = data_dir
    os.environ["DATABASE_URL"] = database_url or f"sqlite:///{data_dir}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings")
    import django

    django.setup()
    if mode == "stream":  # the parse and conversion alone, under tracemalloc
        from newsdesk.importers.read import markup
        from newsdesk.importers.read.records import ItemRecord
        from newsdesk.importers.read.wxr import WXRReader

        def read_all() -> int:
            posts = 0
            for record in WXRReader(export).records():
                if isinstance(record, ItemRecord) and record.post_type == "post":
                    markup.convert(record.content)
                    posts += 1
            return posts

        started = time.perf_counter()
        posts = read_all()  # timed without tracemalloc, which slows allocation several times over
        elapsed = time.perf_counter() - started
        tracemalloc.start()
        read_all()
        peak = tracemalloc.get_traced_memory()[1]
        return {
            "posts": posts,
            "seconds": elapsed,
            "peak_traced_mb": peak / 1e6,
            "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        }

    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from newsdesk.core.collection import batch_collection
    from newsdesk.importers.load.alongside import attach, index_the_rest
    from newsdesk.importers.report import Report
    from newsdesk.importers.wordpress import WordPressImport

    report = Report(Path(data_dir) / "report.jsonl")
    started = time.perf_counter()
    from newsdesk.importers.wordpress import BATCH_SIZE

    importer = WordPressImport(export, report=report, media_dir=media, batch_size=int(batch_size) or BATCH_SIZE)
    # As `newsdesk import-wordpress` runs it: the collector set for a batch job and, on PostgreSQL, committed
    # batches indexed by a second process during the import, which the import's figure then includes.
    with batch_collection():
        alongside = attach(importer)
        importer.run()
        elapsed = time.perf_counter() - started
        index_the_rest(importer.source, alongside)  # what the command does next, unless told to skip it
        indexing = time.perf_counter() - started - elapsed
    report.close()
    # The same export again, as a desk re-running its import to pick up late changes: all unchanged.
    again = Report()
    started = time.perf_counter()
    WordPressImport(export, report=again, media_dir=media, batch_size=int(batch_size) or BATCH_SIZE).run()
    rerun = time.perf_counter() - started
    return {
        "posts": report.count("article", "created"),
        "images": report.count("image", "created"),
        "errors": report.count(action="error"),
        "seconds": elapsed,
        "index_seconds": indexing,
        "rerun_seconds": rerun,
        "rerun_unchanged": again.count("article", "unchanged"),
        "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


class FreshPostgres:
    """An empty database of its own on the given server for the length of one measurement."""

    def __init__(self, server_url: str, name: str = BENCH_DATABASE):
        self.server_url, self.name = server_url.rstrip("/"), name

    def _admin(self, statement: str):
        import psycopg

        with psycopg.connect(f"{self.server_url}/postgres", autocommit=True) as connection:
            connection.execute(statement)

    def __enter__(self) -> str:
        self._admin(f"DROP DATABASE IF EXISTS {self.name}")
        self._admin(f"CREATE DATABASE {self.name}")
        return f"{self.server_url}/{self.name}"

    def __exit__(self, *exc):
        self._admin(f"DROP DATABASE IF EXISTS {self.name}")


def run(mode: str, sizes, batch_size=0, label=None, postgres="", database=BENCH_DATABASE, short_posts=False):
    """`batch_size` 0: the importer's default. `postgres`: a server URL to import into instead of SQLite."""
    from contextlib import nullcontext

    rows, label = [], label or mode
    for posts in sizes:
        with (
            tempfile.TemporaryDirectory(prefix="wxr-bench-") as tmp,
            FreshPostgres(postgres, database) if postgres else nullcontext("") as database_url,
        ):
            export, media = Path(tmp) / "export.xml", Path(tmp) / "uploads"
            write_synthetic_export(export, media, posts, realistic=not short_posts)
            size_mb = export.stat().st_size / 1e6
            child = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--measure",
                    mode,
                    str(export),
                    str(media),
                    tmp,
                    str(batch_size),
                    database_url,
                ],
                capture_output=True,
                text=True,
                cwd=REPO,
                check=True,
            )
            result = json.loads(child.stdout.strip().splitlines()[-1])
            rows.append(result)
            traced = f", peak traced {result['peak_traced_mb']:.1f} MB" if "peak_traced_mb" in result else ""
            print(
                f"{label:>8}: {posts:>6} posts ({size_mb:5.1f} MB export): {result['posts']} posts in "
                f"{result['seconds']:.1f} s = {result['posts'] / result['seconds']:.0f} posts/s{traced}, "
                f"max RSS {result['max_rss_mb']:.0f} MB"
                + (f", {result['errors']} errors" if "errors" in result else ""),
                flush=True,
            )
            if "index_seconds" in result:
                total = result["seconds"] + result["index_seconds"]
                print(
                    f"{'':>8}  then the search index: {result['index_seconds']:.1f} s more; "
                    f"{result['posts'] / total:.0f} posts/s import and index together",
                    flush=True,
                )
                print(
                    f"{'':>8}  run again on the same export: {result['rerun_unchanged']} unchanged in "
                    f"{result['rerun_seconds']:.1f} s = {result['rerun_unchanged'] / result['rerun_seconds']:.0f} posts/s",
                    flush=True,
                )
    if len(rows) >= 2:
        key = "peak_traced_mb" if mode == "stream" else "max_rss_mb"
        print(f"{label:>8}: {key} largest / smallest export = {rows[-1][key] / rows[0][key]:.2f}x", flush=True)
    return rows


def whole_command(sizes, postgres="", database=BENCH_DATABASE, repeat=1):
    """`newsdesk import-wordpress` timed from start to exit, on each database, after `newsdesk migrate`."""
    from contextlib import nullcontext

    command = str(Path(sys.executable).with_name("newsdesk"))
    label = "postgres" if postgres else "sqlite"
    for posts in sizes:
        with tempfile.TemporaryDirectory(prefix="wxr-bench-") as tmp:
            export, media = Path(tmp) / "export.xml", Path(tmp) / "uploads"
            write_synthetic_export(export, media, posts, realistic=True)
            timings = []
            for _ in range(repeat):
                with FreshPostgres(postgres, database) if postgres else nullcontext("") as database_url:
                    data = Path(tempfile.mkdtemp(dir=tmp))
                    env = {
                        **os.environ,
                        "NEWSDESK_DATA_DIR": str(data),
                        "DATABASE_URL": database_url or f"sqlite:///{data}/bench.sqlite3",
                        "LOG_LEVEL": "ERROR",
                    }
                    subprocess.run([command, "migrate", "--noinput", "-v0"], env=env, check=True, cwd=REPO)
                    started = time.perf_counter()
                    subprocess.run(
                        [command, "import-wordpress", str(export), "--media-dir", str(media)],
                        env=env,
                        check=True,
                        cwd=REPO,
                        stdout=subprocess.DEVNULL,
                    )
                    timings.append(time.perf_counter() - started)
            print(
                f"{label:>8}: {posts:>6} posts, `newsdesk import-wordpress` whole: "
                + ", ".join(f"{seconds:.2f} s = {posts / seconds:.0f} posts/s" for seconds in timings),
                flush=True,
            )


def main(argv):
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stream-sizes", type=int, nargs="*", default=[2000, 20000])
    parser.add_argument("--import-sizes", type=int, nargs="*", default=[2000, 20000])
    parser.add_argument("--no-baseline", action="store_true", help="Skip the one-item-per-transaction import.")
    parser.add_argument(
        "--postgres",
        default="",
        metavar="SERVER_URL",
        help=f"Also import into PostgreSQL: a database {BENCH_DATABASE!r} is made and dropped there.",
    )
    parser.add_argument("--postgres-database", default=BENCH_DATABASE, help="The database --postgres makes and drops.")
    parser.add_argument(
        "--postgres-sizes", type=int, nargs="*", help="Sizes to import into PostgreSQL (default: --import-sizes)."
    )
    parser.add_argument("--short-posts", action="store_true", help="The older 1.25 KB synthetic posts.")
    parser.add_argument(
        "--whole-command",
        type=int,
        default=0,
        metavar="RUNS",
        help="Only time `newsdesk import-wordpress` itself, RUNS times per size and database.",
    )
    args = parser.parse_args(argv)
    if args.whole_command:
        whole_command(args.import_sizes, repeat=args.whole_command)
        if args.postgres:
            sizes = args.postgres_sizes or args.import_sizes
            whole_command(sizes, args.postgres, args.postgres_database, repeat=args.whole_command)
        return
    posts = {"short_posts": args.short_posts}
    run("stream", args.stream_sizes, **posts)
    rows = run("import", args.import_sizes, **posts)
    if rows and not args.no_baseline:
        smallest = min(args.import_sizes)
        baseline = run("import", [smallest], batch_size=1, label="baseline", **posts)[0]
        batched = rows[args.import_sizes.index(smallest)]
        speedup = (batched["posts"] / batched["seconds"]) / (baseline["posts"] / baseline["seconds"])
        print(f"  import: batched / one item per transaction at {smallest} posts = {speedup:.1f}x posts/s", flush=True)
    if args.postgres:
        postgres_sizes = args.postgres_sizes or args.import_sizes
        postgres = run(
            "import",
            postgres_sizes,
            label="postgres",
            postgres=args.postgres,
            database=args.postgres_database,
            **posts,
        )
        sqlite_rows = {size: row for size, row in zip(args.import_sizes, rows, strict=True)}
        for size, pg_row in zip(postgres_sizes, postgres, strict=True):
            if size not in sqlite_rows:
                continue
            sqlite_row = sqlite_rows[size]
            ratio = (pg_row["posts"] / pg_row["seconds"]) / (sqlite_row["posts"] / sqlite_row["seconds"])
            print(f"postgres: {pg_row['posts']} posts: PostgreSQL / SQLite = {ratio:.2f}x posts/s", flush=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--measure"]:
        print(json.dumps(measure(*sys.argv[2:8])))
    else:
        main(sys.argv[1:])
