"""The text of a saved web page, whatever its encoding, without the HTTP headers that named it.

A page saved from a browser keeps its bytes but loses the `Content-Type` header, so the order is the
one the HTML standard gives browsers for that case: a byte-order mark, then a `<meta charset>` or
`http-equiv` declaration (looked for in the whole head: many pages declare it after long scripts or
styles, past the 1,024 bytes browsers pre-scan), then detection from the bytes (charset-normalizer).
Bytes that are valid UTF-8 are read as UTF-8 first, and a declaration the bytes contradict (a
"utf-8" page that is not valid UTF-8) is not trusted.
"""

import codecs
import re

from charset_normalizer import from_bytes

_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_META = re.compile(
    rb"""<meta\s[^>]*?charset\s*=\s*["']?\s*([a-z0-9_.:-]+)""",
    re.IGNORECASE,
)
_HEAD_END = re.compile(rb"</head\s*>|<body[\s>]", re.IGNORECASE)
# Labels whose bytes browsers read with a wider Windows code page (WHATWG Encoding Standard): pages
# labelled "euc-kr" or "iso-8859-1" routinely contain characters only the wider page has.
_WIDER = {
    "euc-kr": "cp949",
    "euc_kr": "cp949",
    "ks_c_5601-1987": "cp949",
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "iso-8859-9": "cp1254",
    "tis-620": "cp874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "shift_jis": "cp932",
    "x-sjis": "cp932",
}


def decode_page(data: bytes) -> tuple[str, str]:
    """(text, encoding used) for the bytes of a saved page; never raises."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, "replace"), encoding
    try:
        # Bytes outside ASCII that form valid UTF-8 are UTF-8 whatever the label says: mislabelled pages
        # are common, and text in a legacy code page almost never validates by chance.
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = declared_encoding(data)
    if declared:
        try:
            return data.decode(declared), declared
        except UnicodeDecodeError:
            pass  # the label is wrong for these bytes: detect instead
    best = from_bytes(data).best()
    encoding = _usable(best.encoding) if best is not None else None
    if encoding is None:
        return data.decode("utf-8", "replace"), "utf-8"
    return data.decode(encoding, "replace"), encoding


def declared_encoding(data: bytes) -> str | None:
    """The encoding a `<meta>` in the page's head names, as a Python codec name, or None."""
    end = _HEAD_END.search(data)
    head = data[: end.start()] if end else data[:65536]
    for match in _META.finditer(head):
        encoding = _usable(match.group(1).decode("ascii", "ignore"))
        if encoding:
            return encoding
    return None


def _usable(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().lower()
    label = _WIDER.get(label, label)
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    # A UTF-16 label in a page that parsed as ASCII bytes is a lie the standard says to read as UTF-8.
    return "utf-8" if name.startswith("utf-16") else name
