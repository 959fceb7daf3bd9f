"""Where the test material lives: our own fixtures and the vendored real WordPress exports, all in fixtures/."""

import io
from pathlib import Path
from xml.sax.saxutils import escape

from PIL import Image

HERE = Path(__file__).resolve().parent / "fixtures"


def own(name: str) -> Path:
    return HERE / name


def shared_wxr(name: str) -> Path:
    """A real WordPress export, vendored in fixtures/wxr (sources and licences in its SOURCES.md)."""
    return HERE / "wxr" / name


def write_jpeg(path: Path, size=(80, 60), colour=(20, 90, 140)):
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, format="JPEG")
    path.write_bytes(buffer.getvalue())


def export_text(items: str) -> str:
    """A whole WXR export around `items` (<item> elements)."""
    return _HEAD + items + "</channel></rss>\n"


# -- a synthetic export of any size (tests and bench/import_wxr.py) ---------------------------

AUTHORS = 12
CATEGORIES = ["world", "business", "technology", "science", "culture", "analysis"]
IMAGES_EVERY = 10  # one attachment per ten posts, each the featured image of its post


def write_synthetic_export(path: Path, media: Path, posts: int, first: int = 1):
    """A WXR export of `posts` posts (ids from `first`) by 12 authors in 6 categories, two tags
    each, every tenth with a featured image (written to `media`), half in classic markup and half
    in block markup."""
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
            out.write(
                f"<wp:category><wp:category_nicename>{slug}</wp:category_nicename><wp:category_parent></wp:category_parent>"
                f"<wp:cat_name><![CDATA[{slug.title()}]]></wp:cat_name></wp:category>\n"
            )
        numbers = range(first, first + posts)
        for n in (n // IMAGES_EVERY for n in numbers if n % IMAGES_EVERY == 0):
            relative = f"2024/{n % 12 + 1:02d}/picture-{n}.jpg"
            (media / relative).parent.mkdir(parents=True, exist_ok=True)
            (media / relative).write_bytes(jpeg)
            out.write(attachment_item(1_000_000 + n, relative))
        for n in numbers:
            out.write(_post(n))
        out.write("</channel></rss>\n")


def attachment_item(pid, relative):
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
    thumb = (
        f"<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>{image}</wp:meta_value></wp:postmeta>"
        if image
        else ""
    )
    if n % 2:
        body = (
            f"Post {n} opens with who, what and where, in one plain sentence.\n\n"
            f"<h2>What happened</h2>\nA second paragraph with <strong>detail</strong> and "
            f'<a href="https://example.org/{n}">a source</a>.\n\n'
            f"<blockquote>We will keep talking.<cite>A spokesperson</cite></blockquote>\n\n<ul><li>one</li><li>two</li></ul>"
        )
    else:
        body = (
            f"<!-- wp:paragraph --><p>Post {n} is written in the block editor.</p><!-- /wp:paragraph -->"
            f"<!-- wp:heading --><h2>Background</h2><!-- /wp:heading -->"
            f'<!-- wp:quote --><blockquote class="wp-block-quote"><p>Numbers matter.</p><cite>An analyst</cite></blockquote><!-- /wp:quote -->'
        )
    tags = "".join(
        f'<category domain="post_tag" nicename="tag-{t}"><![CDATA[Tag {t}]]></category>' for t in (n % 50, n % 31)
    )
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
