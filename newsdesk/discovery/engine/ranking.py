"""Order candidates: relevance from the index, lifted by headline matches and recency; or newest first.

The index's relevance (bm25 or ts_rank) is scaled to 0–1 within the candidates, then:
- a headline holding every word the reader typed gains HEADLINE_BONUS,
- a headline that is exactly what the reader typed gains EXACT_HEADLINE_BONUS (it comes first),
- recency adds up to RECENCY_WEIGHT, halving every RECENCY_HALF_LIFE_DAYS.
"""

from newsdesk.discovery.engine.query import words_of

HEADLINE_BONUS = 0.6
EXACT_HEADLINE_BONUS = 3.0
RECENCY_WEIGHT = 0.3
RECENCY_HALF_LIFE_DAYS = 60


def ordered(candidates, parsed, sort, now) -> list:
    if sort == "newest":
        return sorted(candidates, key=lambda c: (c.published is not None, c.published or 0.0, c.page_id), reverse=True)
    top = max((candidate.relevance for candidate in candidates), default=0) or 1
    wanted = words_of(parsed.text)
    # Every bonus needs each positive word in the headline: a substring test rules most candidates out
    # before the headline is split into words.
    needed = parsed.positive_words
    now = now.timestamp()
    for candidate in candidates:
        candidate.score = candidate.relevance / top + recency(candidate.published, now)
        lowered = candidate.headline.lower()
        if all(word in lowered for word in needed):
            candidate.score += headline_bonus(candidate.headline, parsed, wanted)
    return sorted(candidates, key=lambda c: (c.score, c.page_id), reverse=True)


def headline_bonus(headline: str, parsed, wanted: list[str]) -> float:
    words = words_of(headline)
    if words == wanted:
        return EXACT_HEADLINE_BONUS
    present = set(words)
    if all(word in present for word in parsed.terms) and all(
        any(word.startswith(prefix) for word in words) for prefix in [parsed.prefix] if prefix
    ):
        phrase_words = {word for phrase in parsed.phrases for word in phrase}
        if phrase_words <= present and (parsed.terms or parsed.prefix or phrase_words):
            return HEADLINE_BONUS
    return 0.0


def recency(published: float | None, now: float) -> float:
    """The recency lift of an article published at `published`, `now` (both epoch seconds)."""
    if published is None:
        return 0.0
    age_days = max((now - published) / 86400, 0)
    return RECENCY_WEIGHT * 0.5 ** (age_days / RECENCY_HALF_LIFE_DAYS)
