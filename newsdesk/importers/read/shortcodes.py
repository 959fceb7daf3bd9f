"""WordPress shortcodes: the ones with editorial meaning become markup we convert; the rest stay.

`[caption]` becomes a figure with a figcaption, `[embed]` and provider shortcodes become embeds,
`[gallery ids=…]` becomes its images. Any other shortcode is left in the text where readers and
editors can see it, and named in the report, because silently dropping it could drop meaning.
"""

import html
import re
import shlex

_NAME = r"[a-z][a-z0-9_-]*"
_OPEN = re.compile(rf"\[(?P<escaped>\[)?(?P<name>{_NAME})(?P<attrs>(?:\s[^\]]*)?)\](?(escaped)\])")
_CLOSE = re.compile(rf"\[/(?P<name>{_NAME})\]")
_IMG_OR_LINKED_IMG = re.compile(r"^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?)(.*)$", re.DOTALL | re.IGNORECASE)
EMBED_SHORTCODES = {
    "embed",
    "youtube",
    "vimeo",
    "tweet",
    "twitter",
    "instagram",
    "soundcloud",
    "spotify",
    "dailymotion",
}
MEDIA_SHORTCODES = {"video", "audio"}
# Shortcodes that only drive WordPress layout; their content is kept and the tags dropped.
LAYOUT_SHORTCODES = {"column", "columns", "one_half", "one_third", "two_thirds", "row", "section"}


def parse_attrs(text: str) -> dict[str, str]:
    """`id="attachment_6" align=alignright 300` → {"id": "attachment_6", "align": "alignright", "0": "300"}."""
    text = html.unescape(text or "").replace("\u201d", '"').replace("\u201c", '"').replace("\u2033", '"')
    try:
        parts = shlex.split(text)
    except ValueError:
        parts = text.split()
    attrs, position = {}, 0
    for part in parts:
        key, equals, value = part.partition("=")
        if equals and re.fullmatch(r"[\w-]+", key):
            attrs[key.lower()] = value
        else:
            attrs[str(position)] = part
            position += 1
    return attrs


class ShortcodeExpander:
    """Expands shortcodes in one body and remembers which unknown ones it left in place."""

    def __init__(self):
        self.unknown: list[str] = []
        self.notes: list[str] = []

    def expand(self, text: str) -> str:
        if "[" not in text:
            return text
        out, position = [], 0
        while True:
            match = _OPEN.search(text, position)
            if match is None:
                out.append(text[position:])
                return "".join(out)
            out.append(text[position : match.start()])
            if match.group("escaped"):  # [[name]] is how WordPress writes a literal [name]
                out.append(match.group(0)[1:-1])
                position = match.end()
                continue
            name = match.group("name")
            inner, end = self._enclosed(text, match)
            out.append(self._render(name, parse_attrs(match.group("attrs")), inner, match.group(0), end is not None))
            position = end if end is not None else match.end()

    def _enclosed(self, text, match):
        """(content, end position) for an enclosing shortcode, or (None, None) for a self-closing one."""
        name = match.group("name")
        depth, cursor = 0, match.end()
        pattern = re.compile(rf"\[(/?){re.escape(name)}(?![\w-])[^\]]*\]")
        for tag in pattern.finditer(text, cursor):
            if tag.group(1):
                if depth == 0:
                    return text[cursor : tag.start()], tag.end()
                depth -= 1
            elif not tag.group(0).endswith("/]"):
                depth += 1
        return None, None

    def _render(self, name, attrs, inner, original, enclosing) -> str:
        if name in ("caption", "wp_caption"):
            return self._caption(attrs, inner or "")
        if name in EMBED_SHORTCODES:
            url = (inner or attrs.get("url") or attrs.get("0") or "").strip()
            return f'<figure data-embed="{html.escape(url)}"></figure>' if url else ""
        if name == "gallery":
            return self._gallery(attrs)
        if name in MEDIA_SHORTCODES:
            return self._media(name, attrs)
        if name in LAYOUT_SHORTCODES:
            return self.expand(inner or "")
        self.unknown.append(name)
        if enclosing:
            return html.escape(original) + self.expand(inner or "") + html.escape(f"[/{name}]")
        return html.escape(original)

    def _caption(self, attrs, inner) -> str:
        match = _IMG_OR_LINKED_IMG.match(inner)
        image, caption = (match.group(1), match.group(2)) if match else ("", inner)
        caption = attrs.get("caption") or caption
        attachment = attrs.get("id", "").removeprefix("attachment_")
        return (
            f'<figure data-attachment-id="{html.escape(attachment)}">{image}'
            f"<figcaption>{self.expand(caption.strip())}</figcaption></figure>"
        )

    def _gallery(self, attrs) -> str:
        ids = [i.strip() for i in attrs.get("ids", attrs.get("include", "")).split(",") if i.strip().isdigit()]
        if not ids:
            self.notes.append(
                "[gallery] without ids: it showed the post's attached images, which are imported as images only"
            )
            return ""
        return "".join(f'<figure data-attachment-id="{i}"><img data-attachment-id="{i}"></figure>' for i in ids)

    def _media(self, name, attrs) -> str:
        source = attrs.get("src") or attrs.get("mp4") or attrs.get("mp3") or attrs.get("0") or ""
        if not source:
            self.notes.append(f"[{name}] without a source dropped")
            return ""
        self.notes.append(f"[{name}] kept as a link to {source}")
        return f'<p><a href="{html.escape(source)}">{html.escape(source)}</a></p>'
