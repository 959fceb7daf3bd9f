"""Small transformations of trusted HTML fragments that templates apply before output."""

import re
from urllib.parse import urlsplit

from django.utils.safestring import SafeString, mark_safe

# Text blocks whose direction the browser should work out from their own first strong character,
# so an Urdu or Arabic paragraph inside an English article reads right to left (HTML 5.2 §3.2.6.4).
_TEXT_BLOCK_OPEN = re.compile(r"<(p|li|blockquote|h[2-6])(?=[\s>])(?![^>]*\sdir=)", re.IGNORECASE)


def with_auto_direction(html: str) -> SafeString:
    """Add dir="auto" to every paragraph, list item, quote and heading that has no direction yet."""
    return mark_safe(_TEXT_BLOCK_OPEN.sub(r'<\1 dir="auto"', str(html)))


# The link schemes that may leave the site in feeds, JSON-LD, the API and quote citations.
SAFE_SCHEMES = ("http", "https", "mailto")


def safe_link(url: str) -> str:
    """`url` when it is an http, https or mailto address, else "" (javascript:, data: and the like never go out)."""
    if not url:
        return ""
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return ""
    return url if scheme in SAFE_SCHEMES else ""
