"""An article body's words as plain text: what the search indexes read of it."""

import html
import re

# Block values that are references or layout, not words a reader would search for.
SKIPPED_KEYS = {"anchor", "level", "image", "article", "embed", "source_url", "first_row_is_table_header"}
TAGS = re.compile(r"<[^>]*>")


def collapse_spaces(text: str) -> str:
    """Runs of whitespace as one space, none at the ends: what a regular expression for whitespace runs and
    strip() give (str.split() and the pattern's class agree on every code point), several times faster."""
    return " ".join(text.split())


def plain_text(markup: str) -> str:
    # A regular expression rather than an HTML parser: it is several times faster on a whole archive, and
    # rich text from the editor is well-formed. The result is only indexed, never shown unescaped.
    return html.unescape(TAGS.sub(" ", markup))


def block_text(value) -> list[str]:
    """Every string a reader could read in a StreamField block value, HTML tags removed."""
    if isinstance(value, str):
        return [plain_text(value)]
    if isinstance(value, dict):
        return [text for key, item in value.items() if key not in SKIPPED_KEYS for text in block_text(item)]
    if isinstance(value, list):
        return [text for item in value for text in block_text(item)]
    return []


def stream_text(raw_blocks) -> str:
    """A body's blocks (their stored form, `StreamValue.raw_data`) as one plain text, spaces collapsed."""
    parts = [text for block in raw_blocks or [] for text in block_text(block.get("value"))]
    return collapse_spaces(" ".join(parts))
