"""Where the test material lives: our own fixtures and the vendored real WordPress exports, all in fixtures/."""

import io
import random
import tempfile
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


class SyntheticExportMixin:
    """For a test class: `cls.export`, a synthetic export of `export_posts` realistic posts in `cls.folder`."""

    export_posts = 120

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.folder = tempfile.TemporaryDirectory(prefix="wxr-test-")
        cls.export = Path(cls.folder.name) / "export.xml"
        write_synthetic_export(cls.export, Path(cls.folder.name) / "uploads", cls.export_posts, realistic=True)

    @classmethod
    def tearDownClass(cls):
        cls.folder.cleanup()
        super().tearDownClass()


AUTHORS = 12
CATEGORIES = ["world", "business", "technology", "science", "culture", "analysis"]
IMAGES_EVERY = 10  # one attachment per ten posts, each the featured image of its post


def write_synthetic_export(path: Path, media: Path, posts: int, first: int = 1, realistic: bool = False):
    """A WXR export of `posts` posts (ids from `first`) by 12 authors in 6 categories, two tags
    each, every tenth with a featured image (written to `media`), half in classic markup and half
    in block markup.

    `realistic`: posts the size and shape of a news site's (see `realistic_post`), an image for every
    other post, child categories, five tags from a few hundred and co-authors on every third post."""
    if realistic:
        return _write_realistic_export(path, media, posts, first)
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


# -- realistic posts (bench/import_wxr.py) ---------------------------------------------------

REALISTIC_IMAGES_EVERY = 2
_WORDS = (
    "the council said on tuesday that its budget for the harbour would rise by a third after a review of "
    "freight traffic found ships waiting longer than at any time since records began and ministers agreed "
    "to meet union leaders next week while residents in the old town asked why their rents kept going up "
    "as new flats stood empty along the river where the ferry used to run before the bridge was built in "
    "nineteen seventy two according to figures published by the statistics office this morning"
).split()
_SUBSECTIONS = ["europe", "asia", "markets", "startups", "climate", "books"]


def _sentence(rng, words=None) -> str:
    chosen = rng.choices(_WORDS, k=words or rng.randint(12, 28))
    return " ".join(chosen).capitalize() + "."


def _paragraph_text(rng, n) -> str:
    sentences = [_sentence(rng) for _ in range(rng.randint(3, 5))]
    at = rng.randrange(len(sentences))
    sentences[at] = sentences[at][:-1] + (
        f' (<a href="https://example.org/reports/{n}-{at}">the full report</a>), '
        f"<strong>{rng.choice(_WORDS)}</strong> and <em>{rng.choice(_WORDS)}</em>."
    )
    return " ".join(sentences)


def _attachment_for(n) -> int:
    return 1_000_000 + n // REALISTIC_IMAGES_EVERY


def _picture(n) -> str:
    k = n // REALISTIC_IMAGES_EVERY
    return f"2024/{k % 12 + 1:02d}/photo-{k}.jpg"


def realistic_post_body(n) -> str:
    """5–12 KB of markup shaped like a news story: paragraphs with links, h2/h3 headings, one or two
    captioned images (a `wp:image` block or a classic `[caption]`), a list and a quote; half block
    editor, half classic editor."""
    rng = random.Random(n)
    blocks = n % 2 == 0
    target = rng.randint(5_000, 12_000)
    parts, images, step = [], 0, 0
    while sum(len(p) for p in parts) < target:
        step += 1
        kind = step % 7
        if kind == 3 and images < 2:
            images += 1
            own = n - images + 1  # this post's picture, then the previous post's
            pid, picture = _attachment_for(own), _picture(own)
            caption = f"{_sentence(rng, 9)[:-1]}. Photo: Agency {own % 7}"
            url = f"https://desk.example.org/wp-content/uploads/{picture}"
            if blocks:
                parts.append(
                    f'<!-- wp:image {{"id":{pid},"sizeSlug":"large"}} --><figure class="wp-block-image size-large">'
                    f'<img src="{url}" alt="{_sentence(rng, 5)[:-1]}" class="wp-image-{pid}"/>'
                    f'<figcaption class="wp-element-caption">{caption}</figcaption></figure><!-- /wp:image -->'
                )
            else:
                parts.append(
                    f'[caption id="attachment_{pid}" align="aligncenter" width="800"]<img class="size-large wp-image-{pid}" '
                    f'src="{url}" alt="{_sentence(rng, 5)[:-1]}" width="800" height="600" /> {caption}[/caption]'
                )
        elif kind == 5:
            level = 2 if step % 2 else 3
            text = _sentence(rng, 6)[:-1]
            parts.append(
                f'<!-- wp:heading {{"level":{level}}} --><h{level} class="wp-block-heading">{text}</h{level}><!-- /wp:heading -->'
                if blocks
                else f"<h{level}>{text}</h{level}>"
            )
        elif kind == 6 and step < 14:
            items = "".join(f"<li>{_sentence(rng, 8)}</li>" for _ in range(rng.randint(3, 5)))
            parts.append(
                f'<!-- wp:list --><ul class="wp-block-list">{items}</ul><!-- /wp:list -->'
                if blocks
                else f"<ul>{items}</ul>"
            )
        elif kind == 0 and step < 14:
            quote = _sentence(rng, 16)
            parts.append(
                f'<!-- wp:quote --><blockquote class="wp-block-quote"><p>{quote}</p><cite>A spokesperson</cite>'
                f"</blockquote><!-- /wp:quote -->"
                if blocks
                else f"<blockquote>{quote}<cite>A spokesperson</cite></blockquote>"
            )
        else:
            text = _paragraph_text(rng, n)
            parts.append(f"<!-- wp:paragraph --><p>{text}</p><!-- /wp:paragraph -->" if blocks else text)
    return ("\n\n" if blocks else "\n\n").join(parts)


def _write_realistic_export(path: Path, media: Path, posts: int, first: int):
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
        for parent, slug in zip(CATEGORIES, _SUBSECTIONS, strict=True):
            out.write(
                f"<wp:category><wp:category_nicename>{slug}</wp:category_nicename><wp:category_parent>{parent}</wp:category_parent>"
                f"<wp:cat_name><![CDATA[{slug.title()}]]></wp:cat_name></wp:category>\n"
            )
        numbers = range(first, first + posts)
        for k in sorted({n // REALISTIC_IMAGES_EVERY for n in numbers} | {(first - 1) // REALISTIC_IMAGES_EVERY}):
            relative = _picture(k * REALISTIC_IMAGES_EVERY)
            (media / relative).parent.mkdir(parents=True, exist_ok=True)
            (media / relative).write_bytes(jpeg)
            out.write(attachment_item(1_000_000 + k, relative))
        for n in numbers:
            out.write(_realistic_post(n))
        out.write("</channel></rss>\n")


def _realistic_post(n):
    c = n % len(CATEGORIES)
    categories = (
        f'<category domain="category" nicename="{CATEGORIES[c]}"><![CDATA[{CATEGORIES[c].title()}]]></category>'
    )
    if n % 4 == 0:
        categories += (
            f'<category domain="category" nicename="{_SUBSECTIONS[c]}"><![CDATA[{_SUBSECTIONS[c].title()}]]></category>'
        )
    tags = "".join(
        f'<category domain="post_tag" nicename="topic-{t}"><![CDATA[Topic {t}]]></category>'
        for t in sorted({(n * 7 + i * 53) % 400 for i in range(5)})
    )
    authors = ""
    if n % 3 == 0:  # Co-Authors Plus: one term per byline, in order
        authors = "".join(
            f'<category domain="author" nicename="cap-writer{w}"><![CDATA[writer{w}]]></category>'
            for w in (n % AUTHORS + 1, (n + 5) % AUTHORS + 1)
        )
    thumb = ""
    if n % REALISTIC_IMAGES_EVERY == 0:
        thumb = f"<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>{_attachment_for(n)}</wp:meta_value></wp:postmeta>"
    excerpt = escape(_sentence(random.Random(-n), 24)) if n % 3 else ""
    return f"""<item><title>Harbour budget story number {n} rises by a third after freight review</title>
<link>https://desk.example.org/2024/05/story-{n}/</link>
<pubDate>Wed, 01 May 2024 10:00:00 +0000</pubDate><dc:creator>writer{n % AUTHORS + 1}</dc:creator>
<guid isPermaLink="false">https://desk.example.org/?p={n}</guid>
<content:encoded><![CDATA[{realistic_post_body(n)}]]></content:encoded><excerpt:encoded><![CDATA[{excerpt}]]></excerpt:encoded>
<wp:post_id>{n}</wp:post_id><wp:post_date>2024-05-01 10:00:00</wp:post_date><wp:post_date_gmt>2024-05-01 10:00:00</wp:post_date_gmt>
<wp:post_modified_gmt>2024-05-02 08:00:00</wp:post_modified_gmt>
<wp:post_name>story-{n}</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type><wp:is_sticky>0</wp:is_sticky>
{categories}{tags}{authors}{thumb}
<wp:postmeta><wp:meta_key>_wp_old_slug</wp:meta_key><wp:meta_value><![CDATA[draft-story-{n}]]></wp:meta_value></wp:postmeta>
</item>
"""


_HEAD = """<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Synthetic Desk</title><link>https://desk.example.org</link><wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>https://desk.example.org</wp:base_site_url><wp:base_blog_url>https://desk.example.org</wp:base_blog_url>
"""
