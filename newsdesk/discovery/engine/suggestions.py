"""The index's own vocabulary (SearchTerm) put to use: completions of a word being typed, and a spelling
suggestion when a search finds little.

Each word the index hardly knows is replaced by the most common known word within two edits that
starts with the same letter; the suggestion is offered only if it finds articles for the same reader.
"""

import re
from dataclasses import replace

from newsdesk.discovery.engine.backends import get_backend
from newsdesk.discovery.models import SearchTerm

MAX_EDITS = 2
WELL_KNOWN = 3  # a word in this many documents is taken as meant
MAX_NEIGHBOURS = 5000
MAX_COMPLETIONS = 8
# When the search found something, a suggestion must find this many times as much: "서울 시장" found its
# article, and "서울 시장이" (the word with its particle) finding the same one is no correction.
GAIN_OVER_FOUND = 5


def edit_distance(a: str, b: str, limit: int = MAX_EDITS) -> int:
    """Levenshtein distance, giving up (limit + 1) as soon as it must exceed `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def closest(word: str) -> str | None:
    # The vocabulary's primary key orders terms, so a range on the first letter is an index range.
    neighbours = SearchTerm.objects.filter(term__gte=word[0], term__lt=chr(ord(word[0]) + 1)).values_list(
        "term", "documents"
    )[:MAX_NEIGHBOURS]
    best, best_key = None, None
    for term, documents in neighbours:
        if abs(len(term) - len(word)) > MAX_EDITS or term == word:
            continue
        distance = edit_distance(word, term)
        if distance <= MAX_EDITS and (best_key is None or (distance, -documents) < best_key):
            best, best_key = term, (distance, -documents)
    return best


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
