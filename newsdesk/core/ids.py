"""Row ids as addresses and forms carry them: digits that fit the database's 64-bit integer, or nothing.

A longer number reaches the database as an overflow (a 500 on SQLite and PostgreSQL alike) rather than
a row that is not there; here it is simply no id, so views answer 404 as for any unknown one.
"""

from django.urls import register_converter

MAX_DIGITS = 18  # every 18-digit number fits a signed 64-bit integer


def row_id(value) -> int | None:
    text = str(value if value is not None else "").strip()
    if not text.isascii() or not text.isdigit() or len(text) > MAX_DIGITS:
        return None
    return int(text)


class RowIdConverter:
    """`<id:name>` in a URL pattern: like `<int:name>`, but a number no row can have does not match."""

    regex = f"[0-9]{{1,{MAX_DIGITS}}}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value) -> str:
        return str(value)


def register() -> None:
    register_converter(RowIdConverter, "id")
