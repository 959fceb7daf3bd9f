"""Shorthand for writing article bodies as data: each helper returns one raw StreamField block.

References to other demo objects stay symbolic (an article slug, an image key); the loader
turns them into database ids once those objects exist.
"""

from html import escape


def p(html: str) -> dict:
    """A paragraph; `html` may hold <a>, <b>, <i> inline markup."""
    return {"type": "paragraph", "value": f"<p>{html}</p>"}


def h2(text: str, anchor: str = "") -> dict:
    return {"type": "heading", "value": {"text": text, "level": "h2", "anchor": anchor}}


def h3(text: str, anchor: str = "") -> dict:
    return {"type": "heading", "value": {"text": text, "level": "h3", "anchor": anchor}}


def quote(text: str, attribution: str, source_url: str = "") -> dict:
    return {"type": "quote", "value": {"text": text, "attribution": attribution, "source_url": source_url}}


def pull_quote(text: str, attribution: str = "") -> dict:
    return {"type": "pull_quote", "value": {"text": text, "attribution": attribution}}


def also_see(article_slug: str, label: str = "Also see") -> dict:
    return {"type": "also_see", "value": {"article": article_slug, "label": label}}


def image(image_key: str, caption: str = "", credit: str = "") -> dict:
    return {"type": "image", "value": {"image": image_key, "caption": caption, "credit": credit}}


def fact_box(title: str, items: list[str]) -> dict:
    body = "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>"
    return {"type": "fact_box", "value": {"title": title, "body": body}}


def table(caption: str, rows: list[list[str]]) -> dict:
    """A table whose first row is the header."""
    value = {"data": rows, "first_row_is_table_header": True, "first_col_is_header": False, "table_caption": ""}
    return {"type": "table", "value": {"caption": caption, "table": value}}


def qa(question: str, answer: str) -> list[dict]:
    """One exchange of an interview: the question in bold, then the answer."""
    return [p(f"<b>{escape(question)}</b>"), p(answer)]
