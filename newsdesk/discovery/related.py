"""Which published articles go together, and why: shared entities and shared wording, computed off the request.

Two signals, each a cosine between two articles' weighted vectors:
- entities readers see on both (`ArticleEntity.objects.visible_to_readers()`), weighted by role (what a piece is
  *about* counts more than what it only mentions), by kind (a shared place counts for less than a shared company,
  person or project) and by rarity (an IDF: sharing "CPEC" says more than sharing "China");
- wording: TF-IDF over headline, standfirst and body, each article reduced to its most distinctive terms.

A `Corpus` is built from plain `Document`s, so the evaluation (bench/understanding.py) scores exactly what the desk does.
"""

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import NamedTuple

from django.db import transaction

from newsdesk.articles.models import ArticlePage
from newsdesk.core import pagecache
from newsdesk.discovery.models import RELATED_KEPT, RelatedArticle
from newsdesk.entities.article_text import article_text
from newsdesk.entities.models import ArticleEntity, EntityKind, LinkRole

ROLE_WEIGHTS = {str(LinkRole.ABOUT): 1.0, str(LinkRole.MENTIONS): 0.5}
# Places are mostly a story's setting: unrelated pieces share "China" or "Brussels" far more often than they share
# a company, a person or a project, so a shared place counts for less (other kinds count in full).
KIND_WEIGHTS = {str(EntityKind.PLACE): 0.5}
# The share of the score that entities decide; wording decides the rest (weights measured in bench/understanding.py).
ENTITY_SHARE = 0.3
# Wording is compared over the newest published articles only, so a publish costs the same in year ten as in year one.
TEXT_WINDOW = 3000
# Terms kept per article, the most distinctive first: a short piece keeps them all, a long one its 400 weightiest.
SIGNATURE_TERMS = 400
REASON_NAMES = 3

_WORD = re.compile(r"\w[\w'’-]*\w|\w")
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being below between
    both but by can could did do does doing down during each few for from further had has have having he her here hers
    herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on once
    only or other our ours ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we were what when where which
    while who whom why will with would you your yours yourself yourselves said says say one two three new year years
    last first week month months told per cent percent since may might must shall still yet however""".split()
)


class Link(NamedTuple):
    key: object
    name: str
    role: str
    kind: str = ""


@dataclass
class Document:
    id: int
    text: str
    entities: list = field(default_factory=list)  # (entity key, name, role[, kind]), as `Link`s take them


@dataclass
class Match:
    other: int
    score: float
    reason: str


def terms(text: str) -> list[str]:
    words = (word.strip("'’-") for word in _WORD.findall(text.lower()))
    return [word for word in words if len(word) > 2 and not word.isdigit() and word not in STOPWORDS]


def _normalised(vector: dict) -> dict:
    norm = math.sqrt(sum(weight * weight for weight in vector.values()))
    return {key: weight / norm for key, weight in vector.items()} if norm else {}


def _idf(document_frequency: int, size: int) -> float:
    return math.log((1 + size) / (1 + document_frequency)) + 1


class Corpus:
    """Weighted entity and term vectors of a set of documents, with inverted indexes to find candidates fast."""

    def __init__(self, documents: list[Document]):
        self.size = len(documents)
        documents = [Document(doc.id, doc.text, [Link(*entity) for entity in doc.entities]) for doc in documents]
        self.names = {link.key: link.name for doc in documents for link in doc.entities}
        self.entities = self._entity_vectors(documents)
        self.words = self._term_vectors(documents)
        self.by_entity, self.by_term = defaultdict(list), defaultdict(list)
        for doc_id, vector in self.entities.items():
            for key in vector:
                self.by_entity[key].append(doc_id)
        for doc_id, vector in self.words.items():
            for term in vector:
                self.by_term[term].append(doc_id)

    def _entity_vectors(self, documents) -> dict:
        frequency = Counter(key for doc in documents for key in {link.key for link in doc.entities})
        vectors = {}
        for doc in documents:
            weights = {}
            for link in doc.entities:
                weight = ROLE_WEIGHTS.get(str(link.role), ROLE_WEIGHTS["mentions"])
                weight *= KIND_WEIGHTS.get(str(link.kind), 1.0) * _idf(frequency[link.key], self.size)
                weights[link.key] = max(weights.get(link.key, 0.0), weight)
            vectors[doc.id] = _normalised(weights)
        return vectors

    def _term_vectors(self, documents) -> dict:
        counts = {doc.id: Counter(terms(doc.text)) for doc in documents}
        frequency = Counter(term for counted in counts.values() for term in counted)
        vectors = {}
        for doc_id, counted in counts.items():
            weights = {term: (1 + math.log(n)) * _idf(frequency[term], self.size) for term, n in counted.items()}
            signature = sorted(weights.items(), key=lambda item: (-item[1], item[0]))[:SIGNATURE_TERMS]
            vectors[doc_id] = _normalised(dict(signature))
        return vectors

    def matches(self, doc_id: int, limit: int = RELATED_KEPT) -> list[Match]:
        """The `limit` best documents to read after `doc_id`, best first, each with its reason."""
        entity_scores, word_scores = (
            self._overlaps(doc_id, self.entities, self.by_entity),
            self._overlaps(doc_id, self.words, self.by_term),
        )
        scores = {
            other: ENTITY_SHARE * entity_scores.get(other, 0.0) + (1 - ENTITY_SHARE) * word_scores.get(other, 0.0)
            for other in entity_scores.keys() | word_scores.keys()
        }
        best = sorted(scores.items(), key=lambda item: (-item[1], item[0]))[:limit]
        return [Match(other, round(score, 6), self.reason(doc_id, other)) for other, score in best if score > 0]

    @staticmethod
    def _overlaps(doc_id, vectors, index) -> dict:
        mine = vectors.get(doc_id, {})
        totals = defaultdict(float)
        for key, weight in mine.items():
            for other in index[key]:
                if other != doc_id:
                    totals[other] += weight * vectors[other][key]
        return totals

    def reason(self, doc_id: int, other: int) -> str:
        """In words: the entities both share (the weightiest first), else the distinctive words both use."""
        shared = self._shared(self.entities, doc_id, other)
        if shared:
            return "shares " + _listed([self.names[key] for key in shared])
        words = self._shared(self.words, doc_id, other)
        return "similar wording: " + _listed(words) if words else ""

    @staticmethod
    def _shared(vectors, doc_id, other) -> list:
        mine, theirs = vectors.get(doc_id, {}), vectors.get(other, {})
        common = sorted(mine.keys() & theirs.keys(), key=lambda key: (-mine[key] * theirs[key], str(key)))
        return common[:REASON_NAMES]


def _listed(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


# -- the desk's articles ---------------------------------------------------------------------------------------


def published_documents(include=()) -> list[Document]:
    """The newest published articles (and those in `include`, if published) as documents."""
    published = ArticlePage.objects.published()
    window = list(published.recent().values_list("pk", flat=True)[:TEXT_WINDOW])
    ids = set(window) | set(published.filter(pk__in=list(include)).values_list("pk", flat=True))
    links = defaultdict(list)
    rows = ArticleEntity.objects.visible_to_readers().filter(article_id__in=ids)
    for article_id, *link in rows.values_list("article_id", "entity_id", "entity__name", "role", "entity__kind"):
        links[article_id].append(Link(*link))
    return [
        Document(article.pk, article_text(article).text, links[article.pk])
        for article in ArticlePage.objects.filter(pk__in=ids).order_by("pk").iterator(chunk_size=200)
    ]


def refresh_related(article_id: int) -> int:
    """Recompute one article's related list, and offer it to the lists of the articles it matched; returns how many."""
    corpus = Corpus(published_documents(include=[article_id]))
    if article_id not in corpus.entities:
        return 0  # not published (any more): readers never see its list, and no list may name it
    matches = corpus.matches(article_id)
    store(article_id, matches)
    for match in matches:
        offer(match.other, Match(article_id, match.score, corpus.reason(match.other, article_id)))
    # The lists change after the publish that asked for them was purged: article pages show them, so again.
    pagecache.purge(tags={pagecache.ARTICLE_TAG})
    return len(matches)


def refresh_all() -> int:
    """Every published article's related list, from one corpus (the back-fill); returns how many lists."""
    corpus = Corpus(published_documents())
    for doc_id in corpus.entities:
        store(doc_id, corpus.matches(doc_id))
    pagecache.purge(tags={pagecache.ARTICLE_TAG})
    return len(corpus.entities)


@transaction.atomic
def store(article_id: int, matches: list[Match]) -> None:
    """The computed rows of `article_id` become `matches`; pinned and excluded rows stay what the editor made them."""
    kept = [match.other for match in matches]
    RelatedArticle.objects.filter(article_id=article_id).computed().exclude(related_id__in=kept).delete()
    _upsert(article_id, matches)


@transaction.atomic
def offer(article_id: int, match: Match) -> None:
    """Add one match to an existing list, keeping only its best computed rows."""
    _upsert(article_id, [match])
    computed = RelatedArticle.objects.filter(article_id=article_id).computed()
    best = list(computed.order_by("-score", "related_id").values_list("pk", flat=True)[:RELATED_KEPT])
    computed.exclude(pk__in=best).delete()


def _upsert(article_id: int, matches: list[Match]) -> None:
    RelatedArticle.objects.bulk_create(
        [RelatedArticle(article_id=article_id, related_id=m.other, score=m.score, reason=m.reason) for m in matches],
        update_conflicts=True,
        unique_fields=["article", "related"],
        update_fields=["score", "reason", "computed_at"],
    )
