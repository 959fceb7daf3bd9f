"""Import from HTML: one saved news page becomes a draft article for an editor to check."""

import hashlib

from newsdesk.importers.load.article_drafts import DraftWriter
from newsdesk.importers.read import markup
from newsdesk.importers.read.article_page import extract_article


def import_html_page(page_bytes: bytes, section, *, url: str = "", base_dir=None, source_key: str = ""):
    """Extract and write one page: returns (draft, notes)."""
    record = extract_article(page_bytes, url=url)
    if not record.headline:
        raise ValueError("No headline found: this does not look like an article page.")
    if not markup.blocks_text(record.body).strip():
        # An empty draft would look like a successful import; the editor would find out too late.
        raise ValueError(
            "No article text found on the page, so no draft was made. Save the article's own page "
            "(not a list, a gallery or a page that loads its text with JavaScript) and try again."
        )
    key = source_key or url or hashlib.sha256(page_bytes).hexdigest()
    return DraftWriter(section, base_dir=base_dir).write(record, key)
