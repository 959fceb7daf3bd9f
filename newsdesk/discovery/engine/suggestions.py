"""The index's own vocabulary (SearchTerm) put to use: completions of a word being typed, and a spelling
suggestion when a search finds little.

Each word the index hardly knows is replaced by the most common known word within two edits that
starts with the same letter; the suggestion is offered only if it finds articles for the same reader.
"""

import re
from dataclasses import replace

from django.db.models.functions import Length
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from newsdesk.discovery.engine.backends import get_backend
from newsdesk.discovery.models import SearchTerm

MAX_EDITS = 2
WELL_KNOWN = 3  # a word in this many documents is taken as meant
MAX_NEIGHBOURS = 5000
MAX_COMPLETIONS = 8
# When the search found something, a suggestion must find this many times as much: "서울 시장" found its
# article, and "서울 시장이" (the word with its particle) finding the same one is no correction.
GAIN_OVER_FOUND = 5


def closest(word: str) -> str | None:
    """The most common known word within MAX_EDITS edits of `word` that starts with the same letter."""
    # The vocabulary's primary key orders terms, so a range on the first letter is an index range; a word
    # more than MAX_EDITS letters longer or shorter cannot be close enough.
    neighbours = dict(
        SearchTerm.objects.filter(term__gte=word[0], term__lt=chr(ord(word[0]) + 1))
        .annotate(letters=Length("term"))
        .filter(letters__gte=len(word) - MAX_EDITS, letters__lte=len(word) + MAX_EDITS)
        .values_list("term", "documents")[:MAX_NEIGHBOURS]
    )
    neighbours.pop(word, None)
    # rapidfuzz compares in C: a few thousand neighbours cost well under a millisecond (a Python edit
    # distance took 60–110 ms for one word on a 100,000-article vocabulary).
    close = process.extract(word, list(neighbours), scorer=Levenshtein.distance, score_cutoff=MAX_EDITS, limit=None)
    best = min(((distance, -neighbours[term], term) for term, distance, _ in close), default=None)
    return best[2] if best else None


def with_completions(parsed):
    """`parsed` with the most common known words its prefix starts (the prefix itself left out)."""
    if not parsed.prefix:
        return parsed
    # A range on the primary key: the words that start with the prefix, in index order.
    words = (
        SearchTerm.objects.filter(term__gt=parsed.prefix, term__lt=parsed.prefix + "\U0010ffff")
        .order_by("-documents", "term")
        .values_list("term", flat=True)[:MAX_COMPLETIONS]
    )
    return replace(parsed, completions=tuple(words))


def suggest(parsed, filters, found: int = 0) -> str | None:
    """A respelt query that finds articles for the same reader; when the search itself `found` some,
    only one that finds GAIN_OVER_FOUND times as many."""
    from newsdesk.discovery.engine.query import parse_query  # noqa: PLC0415

    words = list(parsed.terms) + ([parsed.prefix] if parsed.prefix else [])
    if not words:
        return None
    known = dict(SearchTerm.objects.filter(term__in=words).values_list("term", "documents"))
    replacements = {}
    for word in words:
        if known.get(word, 0) < WELL_KNOWN and (better := closest(word)):
            replacements[word] = better
    if not replacements:
        return None
    pattern = re.compile(r"\b(" + "|".join(re.escape(word) for word in replacements) + r")\b", re.IGNORECASE)
    text = pattern.sub(lambda match: replacements[match.group(0).lower()], parsed.text)
    wanted = found * GAIN_OVER_FOUND + 1
    if len(get_backend().candidates(parse_query(text, prefix=False), filters, wanted, ranked=False)) < wanted:
        return None
    return text
