"""Lifting an image credit out of a caption: "… [Image via Reuters]" → ("…", "Reuters").

Newsrooms write credits in a handful of shapes at the start or end of a caption. We take the
credit out of the caption text so it lives on the image (and shows wherever the image does).
"""

import re

_LEAD = r"(?:image|photo|photograph|picture|pic|video|illustration|graphic|file photo|photo illustration)"
_CREDIT_PATTERNS = [
    # "Image via Reuters", "Photo via AP"
    rf"{_LEAD}s?\s+via\s+(?P<credit>.+)",
    # "Photo: AP", "Image: Reuters", "Photo/AP", "Photograph – Jane Doe"
    rf"{_LEAD}s?\s*(?::|/|\u2013|\u2014|-)\s*(?P<credit>.+)",
    # "Photo by Jane Doe", "Photograph by Jane Doe for the desk"
    rf"{_LEAD}s?\s+(?:by|courtesy(?:\s+of)?)\s+(?P<credit>.+)",
    r"(?:credit|credits|source)\s*:\s*(?P<credit>.+)",
    r"courtesy(?:\s+of)?\s+(?P<credit>.+)",
    r"(?:\u00a9|\(c\)|copyright)\s*(?P<credit>.+)",
]
_BRACKETED = re.compile(r"[\[(](?P<inner>[^\[\]()]{2,160})[\])]\s*\.?\s*$")
# Where a credit may start inside a caption: after a sentence, or after a dash or bar.
_BOUNDARY = re.compile(r"(?<=[.!?\u201d\"'])\s+|\s+[|\u2013\u2014-]\s+|\s+(?=\u00a9|\([cC]\)\s)")
_WHOLE = [re.compile(rf"^\s*{p}\s*$", re.IGNORECASE) for p in _CREDIT_PATTERNS]
MAX_CREDIT = 120


def _credit_of(fragment: str) -> str:
    for pattern in _WHOLE:
        match = pattern.match(fragment)
        if match:
            return match.group("credit").strip(" .;,")
    return ""


def split_credit(caption: str) -> tuple[str, str]:
    """Return (caption without the credit, credit); the credit is "" when none is found."""
    text = " ".join((caption or "").split())
    if not text:
        return "", ""
    bracketed = _BRACKETED.search(text)
    if bracketed:
        credit = _credit_of(bracketed.group("inner"))
        if credit:
            return _tidy(text[: bracketed.start()]), credit[:MAX_CREDIT]
    credit = _credit_of(text)
    if credit:  # the whole caption is a credit
        return "", credit[:MAX_CREDIT]
    for boundary in reversed(list(_BOUNDARY.finditer(text))):
        credit = _credit_of(text[boundary.end() :])
        if credit:
            return _tidy(text[: boundary.start()]), credit[:MAX_CREDIT]
    return text, ""


def _tidy(text: str) -> str:
    return text.strip().rstrip("|\u2013\u2014-").strip()
