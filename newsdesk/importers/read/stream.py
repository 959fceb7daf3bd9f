"""A byte stream that hands the XML parser well-formed UTF-8, whatever the export contains.

Real exports carry stray Latin-1 bytes and control characters that XML 1.0 forbids; one such
byte makes libxml2 stop reading. We replace them as the file streams past, and remember where,
so the import report can say which bytes were replaced instead of losing the rest of the file.
"""

import re

CHUNK = 1 << 16
# Characters XML 1.0 does not allow anywhere in a document.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_DECLARED_ENCODING = re.compile(rb"""<\?xml[^>]*encoding=["']([A-Za-z0-9._-]+)["']""")


def declared_encoding(head: bytes) -> str:
    match = _DECLARED_ENCODING.search(head[:200])
    return match.group(1).decode("ascii").lower() if match else "utf-8"


class CleanUTF8Stream:
    """File-like `read(n)` over a binary file that yields valid UTF-8 with XML-legal characters."""

    def __init__(self, raw):
        self.raw = raw
        self.position = 0  # bytes of the source consumed, for progress bars
        self.replaced: list[int] = []  # source offsets of bytes that were not UTF-8
        self.removed_controls = 0
        self._pending = b""

    def read(self, size: int = CHUNK) -> bytes:
        data = self.raw.read(max(size, 4))
        if not data:
            text = self._decode(self._pending, self.position - len(self._pending)) if self._pending else ""
            self._pending = b""
            return self._clean(text)
        start = self.position - len(self._pending)
        self.position += len(data)
        data = self._pending + data
        cut = _complete_prefix_length(data)
        self._pending = data[cut:]
        return self._clean(self._decode(data[:cut], start))

    def _decode(self, data: bytes, offset: int) -> str:
        parts = []
        while data:
            try:
                parts.append(data.decode("utf-8"))
                break
            except UnicodeDecodeError as exc:
                parts.append(data[: exc.start].decode("utf-8"))
                parts.append("\ufffd")
                self.replaced.append(offset + exc.start)
                offset += exc.end
                data = data[exc.end :]
        return "".join(parts)

    def _clean(self, text: str) -> bytes:
        text, removed = _FORBIDDEN.subn("", text)
        self.removed_controls += removed
        return text.encode("utf-8")


def _complete_prefix_length(data: bytes) -> int:
    """Length of `data` without a UTF-8 sequence cut off by the chunk boundary."""
    for back in range(1, min(4, len(data)) + 1):
        byte = data[-back]
        if byte < 0x80:
            return len(data)
        if byte >= 0xC0:  # lead byte: is its sequence complete?
            needed = 2 if byte < 0xE0 else 3 if byte < 0xF0 else 4
            return len(data) if back >= needed else len(data) - back
    return len(data)
