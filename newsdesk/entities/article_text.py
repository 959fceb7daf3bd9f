"""An article as the extractor reads it: one plain text, and where its headline, standfirst and lead end.

Mentions in the headline, the standfirst or the first paragraph weigh more (what the piece is *about*), so
the text keeps those zones as character offsets. Only words readers read are taken: paragraphs, headings,
quotes, fact boxes, table captions and cells, image and embed captions; never link targets or markup.
"""

import html
import re
from dataclasses import dataclass

_TAGS = re.compile(r"<[^>]+>")
_BLOCK_ENDS = re.compile(r"</(p|li|h[1-6]|blockquote|div)>|<br\s*/?>", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\u00a0]+")


@dataclass(frozen=True)
class ArticleText:
    text: str
    headline_end: int
    standfirst_end: int
    lead_end: int

    def zone_of(self, offset: int) -> str:
        if offset < self.headline_end:
            return "headline"
        if offset < self.standfirst_end:
            return "standfirst"
        return "lead" if offset < self.lead_end else "body"

    @classmethod
    def from_parts(cls, headline: str, standfirst: str, paragraphs: list[str]) -> "ArticleText":
        """Headline, standfirst and body paragraphs (plain text) joined with blank lines between them."""
        head, stand = _plain(headline), _plain(standfirst)
        body = [text for text in (_plain(p) for p in paragraphs) if text]
        text = "\n\n".join([head, stand, *body])
        standfirst_end = len(head) + 2 + len(stand)
        lead_end = standfirst_end + 2 + len(body[0]) if body else standfirst_end
        return cls(text=text, headline_end=len(head), standfirst_end=standfirst_end, lead_end=lead_end)


def html_to_text(markup: str) -> str:
    """Rich text HTML as plain text, a line per paragraph or list item."""
    text = _BLOCK_ENDS.sub("\n", markup or "")
    return html.unescape(_TAGS.sub("", text))


def _plain(text: str) -> str:
    lines = (_SPACES.sub(" ", line).strip() for line in (text or "").splitlines())
    return "\n".join(line for line in lines if line)


def _block_texts(block: dict) -> list[str]:
    kind, value = block.get("type"), block.get("value")
    if kind == "paragraph":
        return [html_to_text(value)]
    value = value if isinstance(value, dict) else {}
    if kind == "heading":
        return [value.get("text", "")]
    if kind in ("quote", "pull_quote"):
        return [value.get("text", ""), value.get("attribution", "")]
    if kind == "fact_box":
        return [value.get("title", ""), html_to_text(value.get("body", ""))]
    if kind == "table":
        rows = (value.get("table") or {}).get("data") or []
        return [value.get("caption", "")] + [" | ".join(str(cell or "") for cell in row) for row in rows]
    if kind in ("image", "embed"):
        return [value.get("caption", "")]
    return []


def body_paragraphs(raw_blocks) -> list[str]:
    """The readable texts of a StreamField's raw data, in reading order."""
    return [text for block in raw_blocks or [] for text in _block_texts(block)]


def article_text(article) -> ArticleText:
    """An ArticlePage (or a revision's page object) as plain text with its zones."""
    return ArticleText.from_parts(article.title, article.standfirst, body_paragraphs(article.body.raw_data))
