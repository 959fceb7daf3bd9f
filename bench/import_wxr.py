"""How fast the WordPress importer goes, and whether its memory stays flat as exports grow.

Generates synthetic WXR exports (authors, categories, tags, images with credited captions,
classic and block markup) of 2,000 and 20,000 posts, imports each into a fresh SQLite database
in a separate process, and prints posts per second and peak memory.

    .venv/bin/python bench/import_wxr.py                                  # 2,000 and 20,000 posts
    .venv/bin/python bench/import_wxr.py --import-sizes 200 2000         # other sizes

"stream" measures the streaming parse and body conversion alone (under tracemalloc); "import"
measures the whole import into SQLite (max RSS; tracemalloc would slow it down).
"""

import io
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

REPO = Path(__file__).resolve().parents[1]
AUTHORS = 12
CATEGORIES = ["world", "business", "technology", "science", "culture", "analysis"]
IMAGES_EVERY = 10  # one attachment per ten posts, each the featured image of its post


def generate(path: Path, media: Path, posts: int):
    from PIL import Image

    media.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (30, 80, 120)).save(buffer, format="JPEG")
    jpeg = buffer.getvalue()
    with open(path, "w", encoding="utf-8") as out:
        out.write(_HEAD)
        for n in range(1, AUTHORS + 1):
            out.write(
                f"<wp:author><wp:author_id>{n}</wp:author_id><wp:author_login>writer{n}</wp:author_login>"
                f"<wp:author_email>writer{n}@example.org</wp:author_email>"
                f"<wp:author_display_name><![CDATA[Writer Number {n}]]></wp:author_display_name></wp:author>\n"
            )
        for slug in CATEGORIES:
            out.write(f"<wp:category><wp:category_nicename>{slug}</wp:category_nicename><wp:category_parent></wp:category_parent>"
                      f"<wp:cat_name><![CDATA[{slug.title()}]]></wp:cat_name></wp:category>\n")
        for n in range(1, posts // IMAGES_EVERY + 1):
            relative = f"2024/{n % 12 + 1:02d}/picture-{n}.jpg"
            (media / relative).parent.mkdir(parents=True, exist_ok=True)
            (media / relative).write_bytes(jpeg)
            out.write(_attachment(1_000_000 + n, relative))
        for n in range(1, posts + 1):
            out.write(_post(n))
        out.write("</channel></rss>\n")


def _attachment(pid, relative):
    return f"""<item><title>Picture {pid}</title><link>https://desk.example.org/?attachment_id={pid}</link>
<dc:creator>writer1</dc:creator><guid isPermaLink="false">https://desk.example.org/wp-content/uploads/{relative}</guid>
<content:encoded><![CDATA[]]></content:encoded><excerpt:encoded><![CDATA[Harbour cranes at dusk. Photo: Agency {pid % 7}]]></excerpt:encoded>
<wp:post_id>{pid}</wp:post_id><wp:post_date_gmt>2024-01-01 10:00:00</wp:post_date_gmt><wp:post_name>picture-{pid}</wp:post_name>
<wp:status>inherit</wp:status><wp:post_type>attachment</wp:post_type>
<wp:attachment_url>https://desk.example.org/wp-content/uploads/{relative}</wp:attachment_url>
<wp:postmeta><wp:meta_key>_wp_attached_file</wp:meta_key><wp:meta_value><![CDATA[{relative}]]></wp:meta_value></wp:postmeta>
<wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value><![CDATA[Cranes over a harbour]]></wp:meta_value></wp:postmeta>
</item>
"""


def _post(n):
    category = CATEGORIES[n % len(CATEGORIES)]
    image = 1_000_000 + (n // IMAGES_EVERY) if n % IMAGES_EVERY == 0 else 0
    thumb = f"<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>{image}</wp:meta_value></wp:postmeta>" if image else ""
    if n % 2:
        body = (f"Post {n} opens with who, what and where, in one plain sentence.\n\n"
                f"<h2>What happened</h2>\nA second paragraph with <strong>detail</strong> and "
                f"<a href=\"https://example.org/{n}\">a source</a>.\n\n"
                f"<blockquote>We will keep talking.<cite>A spokesperson</cite></blockquote>\n\n<ul><li>one</li><li>two</li></ul>")
    else:
        body = (f"<!-- wp:paragraph --><p>Post {n} is written in the block editor.</p><!-- /wp:paragraph -->"
                f"<!-- wp:heading --><h2>Background</h2><!-- /wp:heading -->"
                f"<!-- wp:quote --><blockquote class=\"wp-block-quote\"><p>Numbers matter.</p><cite>An analyst</cite></blockquote><!-- /wp:quote -->")
    tags = "".join(f'<category domain="post_tag" nicename="tag-{t}"><![CDATA[Tag {t}]]></category>' for t in (n % 50, n % 31))
    return f"""<item><title>Synthetic story number {n}</title><link>https://desk.example.org/2024/05/story-{n}/</link>
<pubDate>Wed, 01 May 2024 10:00:00 +0000</pubDate><dc:creator>writer{n % AUTHORS + 1}</dc:creator>
<guid isPermaLink="false">https://desk.example.org/?p={n}</guid>
<content:encoded><![CDATA[{body}]]></content:encoded><excerpt:encoded><![CDATA[{escape(f"Story {n} in one line.") if n % 3 else ""}]]></excerpt:encoded>
<wp:post_id>{n}</wp:post_id><wp:post_date>2024-05-01 10:00:00</wp:post_date><wp:post_date_gmt>2024-05-01 10:00:00</wp:post_date_gmt>
<wp:post_name>story-{n}</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type><wp:is_sticky>0</wp:is_sticky>
<category domain="category" nicename="{category}"><![CDATA[{category.title()}]]></category>{tags}{thumb}
</item>
"""


_HEAD = """<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Synthetic Desk</title><link>https://desk.example.org</link><wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>https://desk.example.org</wp:base_site_url><wp:base_blog_url>https://desk.example.org</wp:base_blog_url>
"""


def measure(mode: str, export: str, media: str, data_dir: str) -> dict:
    """Runs in a child process, so each figure starts from a fresh interpreter and database."""
    import resource
    import tracemalloc

    os.environ["NEWSDESK_DATA_DIR"] = data_dir
    os.environ["DATABASE_URL"] = f"sqlite:///{data_dir}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings")
    import django

    django.setup()
    if mode == "stream":  # the parse and conversion alone, under tracemalloc
        from newsdesk.importers import markup
        from newsdesk.importers.records import ItemRecord
        from newsdesk.importers.wxr import WXRReader

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
        return {"posts": posts, "seconds": elapsed, "peak_traced_mb": peak / 1e6,
                "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}

    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from newsdesk.importers.report import Report
    from newsdesk.importers.wordpress import WordPressImport

    report = Report(Path(data_dir) / "report.jsonl")
    started = time.perf_counter()
    WordPressImport(export, report=report, media_dir=media).run()
    elapsed = time.perf_counter() - started
    report.close()
    return {"posts": report.count("article", "created"), "images": report.count("image", "created"),
            "errors": report.count(action="error"), "seconds": elapsed,
            "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def run(mode: str, sizes):
    rows = []
    for posts in sizes:
        with tempfile.TemporaryDirectory(prefix="wxr-bench-") as tmp:
            export, media = Path(tmp) / "export.xml", Path(tmp) / "uploads"
            generate(export, media, posts)
            size_mb = export.stat().st_size / 1e6
            child = subprocess.run(
                [sys.executable, __file__, "--measure", mode, str(export), str(media), tmp],
                capture_output=True, text=True, cwd=REPO, check=True,
            )
            result = json.loads(child.stdout.strip().splitlines()[-1])
            rows.append(result)
            traced = f", peak traced {result['peak_traced_mb']:.1f} MB" if "peak_traced_mb" in result else ""
            print(f"{mode:>6}: {posts:>6} posts ({size_mb:5.1f} MB export): {result['posts']} posts in "
                  f"{result['seconds']:.1f} s = {result['posts'] / result['seconds']:.0f} posts/s{traced}, "
                  f"max RSS {result['max_rss_mb']:.0f} MB" + (f", {result['errors']} errors" if "errors" in result else ""),
                  flush=True)
    if len(rows) >= 2:
        key = "peak_traced_mb" if mode == "stream" else "max_rss_mb"
        print(f"{mode:>6}: {key} largest / smallest export = {rows[-1][key] / rows[0][key]:.2f}x", flush=True)


def main(argv):
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stream-sizes", type=int, nargs="*", default=[2000, 20000])
    parser.add_argument("--import-sizes", type=int, nargs="*", default=[2000, 20000])
    args = parser.parse_args(argv)
    run("stream", args.stream_sizes)
    run("import", args.import_sizes)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--measure"]:
        sys.path.insert(0, str(REPO))
        print(json.dumps(measure(*sys.argv[2:6])))
    else:
        main(sys.argv[1:])
