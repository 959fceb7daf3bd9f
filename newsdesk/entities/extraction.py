"""Finding the entities an article names: the statistical model, the gazetteer, and rules that join variants.

`Extractor.run(texts, gazetteer)` takes plain `ArticleText`s and returns, per article, one `Found` per
entity: how often it is named, where first, a snippet, whether the piece is *about* it, and a confidence.
It touches no database, so the back-fill, the background task and the benchmark all run the same code.

How a mention becomes an entity, in order of trust:
1. the gazetteer's names (the desk's curated entities and aliases, then countries, continents and cities);
2. the model's PERSON, ORG, GPE, LOC, FAC and EVENT spans, looked up in the gazetteer by normal form;
3. within one article, a short form joins the full name it stands for: "Xi" or "President Xi" after
   "Xi Jinping", "Zardari" after "Asif Ali Zardari", and "CPEC" after "China-Pakistan Economic
   Corridor (CPEC)";
4. what is left is a new entity, named as the article first names it.
NORP (nationalities, religious and political groups: "Pakistani", "Chinese") is left out: demonyms are
not places. Dates, numbers, money, laws, languages, products and works are left out too.
"""

import multiprocessing
import re
import signal
from dataclasses import dataclass, field

from newsdesk.entities.article_text import ArticleText
from newsdesk.entities.gazetteer import Entry, Gazetteer
from newsdesk.entities.names import normalise

NER_KINDS = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "EVENT": "event",
}
# Words the model takes for names in news copy: labels of the piece ("Explainer: …") and common abbreviations.
NOT_NAMES = {"Explainer", "Analysis", "Opinion", "Interview", "Comment", "Editorial", "Exclusive", "Live", "Update"}
NOT_NAMES |= {"AI", "IT", "GDP", "CEO", "ID", "TV", "PM", "Phase", "Phase II"}
# Labels the model sometimes gives a small town ("Gwadar" as a PRODUCT): kept only if they name one.
PLACE_CHECK_LABELS = {"PRODUCT", "WORK_OF_ART"}
# Words before a name that are a title, not part of it ("President Xi", "Prime Minister Sharif").
TITLES = {
    "president",
    "vice",
    "prime",
    "minister",
    "premier",
    "foreign",
    "finance",
    "defence",
    "defense",
    "interior",
    "chancellor",
    "secretary",
    "general",
    "gen.",
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "dr",
    "dr.",
    "king",
    "queen",
    "prince",
    "princess",
    "senator",
    "sen.",
    "governor",
    "mayor",
    "chairman",
    "chairwoman",
    "chair",
    "ambassador",
    "judge",
    "justice",
    "chief",
    "executive",
    "ceo",
    "sheikh",
    "pope",
    "envoy",
    "spokesperson",
    "spokesman",
    "spokeswoman",
}
# An article is about an entity named in its headline or standfirst, named this often, or named twice from the lead on.
ABOUT_MIN_MENTIONS = 3
SNIPPET_CHARS = 240
_POSSESSIVE = re.compile(r"(['\u2019]s|['\u2019])$")
_ACRONYM = re.compile(r"\(\s*([A-Z][A-Za-z0-9&.\-]{1,11})\s*\)")
_SMALL_WORDS = {"of", "the", "and", "for", "on", "in", "de", "&"}
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


@dataclass
class Found:
    """One entity an article names, with everything the article→entity link records."""

    key: str
    name: str
    kind: str
    entry: Entry | None
    offsets: list[int] = field(default_factory=list)
    zones: set = field(default_factory=set)
    snippet: str = ""
    role: str = "mentions"
    confidence: float = 0.0

    @property
    def mention_count(self) -> int:
        return len(self.offsets)

    @property
    def first_mention(self) -> int:
        return min(self.offsets)


@dataclass
class _Mention:
    start: int  # token index
    end: int
    char: int
    end_char: int
    name: str
    kind: str
    entry: Entry | None
    label: str = ""


class Extractor:
    """The model and the rules, over many articles at once (`nlp.pipe` batches)."""

    def __init__(self, nlp):
        self.nlp = nlp

    def run(self, texts: list[ArticleText], gazetteer: Gazetteer, batch_size: int = 32):
        """Per text, its entities."""
        docs = self.nlp.pipe((text.text for text in texts), batch_size=batch_size)
        return [entities_in(doc, text, gazetteer) for doc, text in zip(docs, texts, strict=True)]


def _default_sigterm():
    # A SIGTERM handler the parent had set (a long-running command's) would leave `terminate()` waiting on
    # workers that no longer end when told to.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


class ExtractionPool:
    """Worker processes that each run the whole extractor (model, gazetteer and rules) on part of a batch.

    For the back-fill: the workers start once, forked after the model and gazetteer are loaded so they share
    them, rather than once per batch. The parent keeps the database work: the workers touch no connection,
    and end without running Python's exit handlers, so the connections they inherit stay the parent's. `submit` returns at once, so the
    parent can save one batch's links while the workers read the next.
    """

    def __init__(self, nlp, gazetteer: Gazetteer, processes: int):
        self.extractor, self.gazetteer, self.processes = Extractor(nlp), gazetteer, processes
        self.pool = None

    def __enter__(self):
        global _worker_state  # noqa: PLW0603  (what the forked workers inherit)
        _worker_state = (self.extractor, self.gazetteer)
        self.pool = multiprocessing.get_context("fork").Pool(self.processes, initializer=_default_sigterm)
        return self

    def __exit__(self, *exc):
        self.pool.terminate()
        self.pool.join()

    def submit(self, texts: list[ArticleText]):
        """Start on `texts`; call the result for the entities of each text, in order."""
        size = max(1, -(-len(texts) // (2 * self.processes)))  # two parts per worker evens out long and short texts
        parts = [self.pool.apply_async(_extract_part, (texts[i : i + size],)) for i in range(0, len(texts), size)]
        return lambda: [found for part in parts for found in part.get()]

    def run(self, texts: list[ArticleText]):
        return self.submit(texts)()


_worker_state = None


def _extract_part(texts):
    extractor, gazetteer = _worker_state
    return extractor.run(texts, gazetteer)


def entities_in(doc, text: ArticleText, gazetteer: Gazetteer) -> list[Found]:
    mentions = _mentions(doc, gazetteer)
    _join_short_forms(doc, mentions, text.text)
    return _aggregate(mentions, text)


# -- from spans to mentions ------------------------------------------------------------------------


def _mentions(doc, gazetteer: Gazetteer) -> list[_Mention]:
    """Gazetteer spans of desk entities first, then the model's spans, then geography; never overlapping."""
    taken = set()
    mentions = []
    model = [span for span in doc.ents if span.label_ in NER_KINDS or span.label_ in PLACE_CHECK_LABELS]
    for spans, source in (
        (gazetteer.desk.spans(doc), "gazetteer"),
        (model, "model"),
        (gazetteer.geo.spans(doc), "gazetteer"),
    ):
        for span in spans:
            if taken.isdisjoint(range(span.start, span.end)):
                mention = _from_gazetteer(span, gazetteer) if source == "gazetteer" else _from_model(span, gazetteer)
                if mention is not None:
                    taken.update(range(span.start, span.end))
                    mentions.append(mention)
    _find_small_places(mentions, gazetteer)
    return sorted((m for m in mentions if m.kind), key=lambda mention: mention.start)


def _from_gazetteer(span, gazetteer) -> _Mention:
    entry = gazetteer.entry(span.label_)
    return _Mention(span.start, span.end, span.start_char, span.end_char, entry.name, entry.kind, entry)


def _from_model(span, gazetteer) -> _Mention | None:
    kind = NER_KINDS.get(span.label_)
    words = [token for token in span if not token.is_punct or token.text in ".-&"]
    if kind == "person":
        while len(words) > 1 and words[0].lower_ in TITLES:
            words = words[1:]
    while words and (words[0].is_stop or words[0].lower_ == "the"):
        words = words[1:]
    if not words or "\n" in span.text or _is_a_lone_common_word(words, span):
        return None
    start_char = words[0].idx
    # The tokens' own text: `doc.text` would join the whole article again for every span.
    name = _POSSESSIVE.sub("", span.doc[words[0].i : words[-1].i + 1].text).strip()
    if not _looks_like_a_name(name):
        return None
    entry = gazetteer.lookup(name)
    name, kind = (entry.name, entry.kind) if entry else (name, kind)
    return _Mention(span.start, span.end, start_char, span.end_char, name, kind, entry, span.label_)


def _find_small_places(mentions, gazetteer) -> None:
    """A town the model found (as a place, or as an organisation) in a country the article names: that town."""
    countries = {
        m.entry.key[4:] for m in mentions if m.entry and m.entry.key.startswith("geo:") and len(m.entry.key) == 6
    }
    for mention in mentions:
        if mention.entry is None and mention.label in ("GPE", "LOC", "FAC", "ORG", *PLACE_CHECK_LABELS):
            entry = gazetteer.small_place(mention.name, countries)
            if entry is not None:
                mention.name, mention.kind, mention.entry = entry.name, entry.kind, entry


def _looks_like_a_name(name: str) -> bool:
    if name in NOT_NAMES or name.replace(" ", "").isdigit():
        return False
    return len(name) > 1 and any(char.isupper() for char in name)


def _is_a_lone_common_word(words, span) -> bool:
    """A capitalised word opening a sentence ("Software", "Maintenance") that the article never names again."""
    if len(words) > 1 or not words[0].is_sent_start and span.doc[words[0].i - 1].text not in (".", ":", "\n\n"):
        return False
    text = words[0].text
    return sum(1 for token in span.doc if token.text == text) == 1


# -- short forms within one article ----------------------------------------------------------------


def _join_short_forms(doc, mentions: list[_Mention], text: str) -> None:
    """Re-point "Xi", "President Xi" and "CPEC" at the full names this article gives them."""
    short = _surnames(mentions)
    short.update(_initials(mentions))
    short.update(_acronyms(mentions, text))
    for mention in mentions:
        target = short.get(normalise(mention.name))
        if target is not None and mention.entry is None and " " not in mention.name.strip():
            mention.name, mention.kind, mention.entry = target.name, target.kind, target.entry
    mentions.extend(_bare_surnames(doc, mentions, short))
    mentions.sort(key=lambda mention: mention.start)


def _surnames(mentions) -> dict[str, _Mention]:
    """First and last words of multi-word person names, when only one person in the article has them."""
    found, clashes = {}, set()
    for mention in mentions:
        words = mention.name.split()
        if mention.kind != "person" or len(words) < 2:
            continue
        for word in {words[0], words[-1]}:
            key = normalise(word)
            if key in found and found[key].name != mention.name:
                clashes.add(key)
            found.setdefault(key, mention)
    return {key: mention for key, mention in found.items() if key not in clashes}


def _initials(mentions) -> dict[str, _Mention]:
    """ "UN" for "United Nations", "IMF" for "International Monetary Fund": initials of multi-word organisations."""
    found = {}
    for mention in mentions:
        words = [word for word in mention.name.replace("-", " ").split() if word.lower() not in _SMALL_WORDS]
        if mention.kind in ("organisation", "project", "event") and len(words) >= 2:
            found.setdefault(normalise("".join(word[0] for word in words)), mention)
    return found


def _acronyms(mentions, text: str) -> dict[str, _Mention]:
    """ "Long Name (LN)": the acronym stands for the mention that ends just before the bracket.

    When the desk knows the acronym but not the long name, the long name joins the acronym's entity instead.
    """
    by_start = {mention.char: mention for mention in mentions}
    found = {}
    for match in _ACRONYM.finditer(text):
        long = next(
            (m for m in mentions if m.end_char <= match.start() and not text[m.end_char : match.start()].strip()), None
        )
        if long is None:
            continue
        short = by_start.get(match.start(1))
        if short is not None and short.entry is not None and long.entry is None:
            long.name, long.kind, long.entry = short.name, short.kind, short.entry
        else:
            found.setdefault(normalise(match.group(1)), long)
    return found


def _bare_surnames(doc, mentions, short) -> list[_Mention]:
    """Capitalised words outside any mention that are a known person's surname in this article ("Xi said")."""
    taken = {i for mention in mentions for i in range(mention.start, mention.end)}
    extra = []
    for token in doc:
        target = short.get(normalise(token.text))
        if target is not None and target.kind == "person" and token.i not in taken and token.is_title:
            end = token.idx + len(token.text)
            extra.append(_Mention(token.i, token.i + 1, token.idx, end, target.name, "person", target.entry))
    return extra


# -- one Found per entity --------------------------------------------------------------------------


def _aggregate(mentions: list[_Mention], text: ArticleText) -> list[Found]:
    found: dict[str, Found] = {}
    kinds: dict[str, dict] = {}
    for mention in mentions:
        key = mention.entry.key if mention.entry else f"new:{normalise(mention.name)}"
        if key not in found:
            found[key] = Found(key=key, name=mention.name, kind=mention.kind, entry=mention.entry)
        found[key].offsets.append(mention.char)
        found[key].zones.add(text.zone_of(mention.char))
        votes = kinds.setdefault(key, {})
        votes[mention.kind] = votes.get(mention.kind, 0) + 1
    for key, item in found.items():
        if item.entry is None:
            item.kind = max(kinds[key].items(), key=lambda vote: vote[1])[0]
        item.role = role_of(item)
        item.confidence = confidence_of(item)
        item.snippet = snippet_at(text.text, item.first_mention)
    return sorted(found.values(), key=lambda item: item.first_mention)


def role_of(item: Found) -> str:
    if item.zones & {"headline", "standfirst"} or item.mention_count >= ABOUT_MIN_MENTIONS:
        return "about"
    return "about" if "lead" in item.zones and item.mention_count >= 2 else "mentions"


def confidence_of(item: Found) -> float:
    """How sure the extractor is: names the desk curated highest, known geography next, new names by repetition."""
    if item.entry is not None:
        base = 0.95 if item.entry.from_desk else 0.9
        return round(min(1.0, base + (0.05 if item.role == "about" else 0)), 2)
    base = 0.55 + 0.1 * min(3, item.mention_count - 1)
    return round(base + (0.05 if item.role == "about" else 0), 2)


def snippet_at(text: str, offset: int) -> str:
    """The sentence holding `offset`, cut to SNIPPET_CHARS around it with ellipses."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    end = len(text) if end == -1 else end
    for boundary in _SENTENCE_END.finditer(text, start, end):
        if boundary.end() <= offset:
            start = boundary.end()
        else:
            end = boundary.start()
            break
    sentence = text[start:end].strip()
    if len(sentence) <= SNIPPET_CHARS:
        return sentence
    at = max(0, offset - start - SNIPPET_CHARS // 3)
    cut = sentence[at : at + SNIPPET_CHARS].strip()
    return ("…" if at else "") + cut + "…"
