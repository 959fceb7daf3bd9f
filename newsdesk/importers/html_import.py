"""Import from HTML: one saved news page becomes a draft article for an editor to check."""

import hashlib

from newsdesk.importers.load.article_drafts import DraftWriter
from newsdesk.importers.read.article_page import extract_article


def import_html_page(page_bytes: bytes, section, *, url: str = "", base_dir=None, source_key: str = ""):
    """Extract and write one page: returns (draft, notes)."""
    record = extract_article(page_bytes, url=url)
    if not record.headline:
        raise ValueError("No headline found: this does not look like an article page.")
    key = source_key or url or hashlib.sha256(page_bytes).hexdigest()
    return DraftWriter(section, base_dir=base_dir).write(record, key)
