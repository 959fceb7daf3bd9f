"""What a reader typed, read once into terms, "exact phrases", -exclusions and the word being typed.

Backends never see raw text: each turns a ParsedQuery into its own syntax from these plain words,
so nothing a reader types can become query syntax (FTS5 operators, tsquery operators, JSON).
"""

import re
from dataclasses import dataclass, field

MAX_QUERY_LENGTH = 200
MAX_WORDS = 12
MIN_PREFIX_LENGTH = 3
# Scripts that write a syllable or a word per character: two characters are a word already (경제, 北京),
# and Korean joins particles to them ("경제를"), so "경제" being typed must reach "경제를".
SYLLABIC_PREFIX_LENGTH = 2
SYLLABIC = re.compile("[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")

# A word is letters and digits (any script); everything else separates words.
WORD = re.compile(r"\w+", re.UNICODE)
TOKEN = re.compile(r'(-?)"([^"]*)"?|(-?)(\S+)')


def words_of(text: str) -> list[str]:
    return [word.lower() for word in WORD.findall(text.replace("_", " "))]


@dataclass(frozen=True)
class ParsedQuery:
    terms: tuple[str, ...] = ()
    phrases: tuple[tuple[str, ...], ...] = ()
    excluded: tuple[str, ...] = ()
    prefix: str = ""  # the last word, still being typed: matches every word it starts
    # Known words the prefix starts (from the index's vocabulary), matched as whole words too: an index of
    # stems holds "govern" for "government", which the typed "governm" does not start.
    completions: tuple[str, ...] = ()
    text: str = field(default="", compare=False)

    @property
    def is_empty(self) -> bool:
        """True when nothing positive is asked: exclusions alone select nothing."""
        return not (self.terms or self.phrases or self.prefix)

    @property
    def positive_words(self) -> list[str]:
        words = list(self.terms) + [word for phrase in self.phrases for word in phrase]
        return words + ([self.prefix] if self.prefix else [])


def parse_query(text: str, *, prefix: bool = True) -> ParsedQuery:
    """Read `text` as a reader means it: words (all must match), "exact phrases", -excluded words.

    With `prefix`, the last bare word also matches longer words (search as you type), unless the text
    ends with a space. Unbalanced quotes close at the end; lone operators and punctuation are ignored.
    """
    text = (text or "").replace("\x00", " ")[:MAX_QUERY_LENGTH]
    terms, phrases, excluded = [], [], []
    last_bare = None
    for match in TOKEN.finditer(text):
        negated = bool(match.group(1) or match.group(3))
        if match.group(4) is None:
            words = tuple(words_of(match.group(2)))
            target = excluded if negated else phrases
            if len(words) > 1:
                target.append(" ".join(words) if negated else words)
            elif words:
                (excluded if negated else terms).append(words[0])
            last_bare = None
            continue
        words = words_of(match.group(4))
        if negated and words:
            excluded.extend(words[:1])
            words = words[1:]
        if len(words) > 1:
            # "covid-19" or "U.S." read as a phrase of their parts, as the index splits them.
            phrases.append(tuple(words))
            last_bare = None
        elif words:
            terms.append(words[0])
            last_bare = len(terms) - 1
    typed_prefix = ""
    if prefix and last_bare == len(terms) - 1 and terms and not text.endswith((" ", '"')):
        if len(terms[-1]) >= min_prefix_length(terms[-1]):
            typed_prefix = terms.pop()
    return ParsedQuery(
        terms=_unique(terms)[:MAX_WORDS],
        phrases=tuple(phrases[:MAX_WORDS]),
        excluded=_unique(excluded)[:MAX_WORDS],
        prefix=typed_prefix,
        text=" ".join(text.split()),
    )


def min_prefix_length(word: str) -> int:
    return SYLLABIC_PREFIX_LENGTH if SYLLABIC.search(word) else MIN_PREFIX_LENGTH


def _unique(words) -> tuple[str, ...]:
    return tuple(dict.fromkeys(words))
