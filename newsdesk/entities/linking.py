"""From what the extractor found to rows: entities looked up (or made) and article links kept in step.

The rules an editor relies on:
- a rejected link stays rejected, whatever later extractions find;
- a confirmed link stays confirmed, and an editor's own link is never removed by the extractor;
- a suggestion the article no longer supports (the name was edited out) goes away;
- counts, first mention and snippet always follow the article's latest text.
"""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Max

from newsdesk.entities.article_text import article_text
from newsdesk.entities.extraction import Extractor, Found
from newsdesk.entities.gazetteer import Entry, Gazetteer
from newsdesk.entities.models import ArticleEntity, Entity, EntityAlias, LinkSource, LinkStatus
from newsdesk.entities.pipeline import load_pipeline

_gazetteers: dict = {}


def desk_entries() -> list[Entry]:
    """The curated entities and their aliases, as the gazetteer takes them."""
    entities = Entity.objects.curated().prefetch_related("aliases")
    return [
        Entry(f"entity:{e.pk}", e.name, e.kind, [a.name for a in e.aliases.all()], from_desk=True) for e in entities
    ]


def registry_version() -> tuple:
    """Changes whenever a curated entity or an alias is added, edited or removed (one cheap query each)."""
    entities = Entity.objects.curated().aggregate(n=Count("pk"), changed=Max("updated_at"))
    aliases = EntityAlias.objects.aggregate(n=Count("pk"), last=Max("pk"))
    return (entities["n"], entities["changed"], aliases["n"], aliases["last"])


def current_gazetteer() -> Gazetteer:
    """The gazetteer for the registry as it is now, rebuilt only when the registry changed (per process)."""
    version = registry_version()
    if _gazetteers.get("version") != version:
        _gazetteers.update(version=version, gazetteer=Gazetteer(load_pipeline(), desk_entries()))
    return _gazetteers["gazetteer"]


class EntityResolver:
    """Found → Entity: the desk's entity for a curated key, else one named so, else a new uncurated one."""

    def __init__(self):
        self.known: dict[str, Entity] = {}

    def entity_for(self, found: Found) -> Entity:
        if found.key not in self.known:
            self.known[found.key] = self._lookup(found)
        return self.known[found.key]

    def _lookup(self, found: Found) -> Entity:
        if found.entry is not None and found.entry.from_desk:
            entity = Entity.objects.filter(pk=int(found.key.split(":")[1])).first()
            if entity is not None:
                return entity
        entity = Entity.objects.named(found.name).order_by("-is_curated", "pk").first()
        return entity or Entity.objects.create(name=found.name, kind=found.kind, is_curated=False)


@dataclass
class LinkCounts:
    added: int = 0
    updated: int = 0
    removed: int = 0

    def __iadd__(self, other):
        self.added, self.updated, self.removed = (
            self.added + other.added,
            self.updated + other.updated,
            self.removed + other.removed,
        )
        return self


def merged_by_entity(found: list[Found], resolver: EntityResolver) -> dict[int, tuple]:
    """Two finds can land on one entity (a geographic name the desk also curates): their mentions add up."""
    by_entity = {}
    for item in found:
        entity = resolver.entity_for(item)
        if entity.pk in by_entity:
            first, count = by_entity[entity.pk]
            by_entity[entity.pk] = (min(first, item, key=lambda f: f.first_mention), count + item.mention_count)
        else:
            by_entity[entity.pk] = (item, item.mention_count)
    return by_entity


@transaction.atomic
def save_links(article, found: list[Found], resolver: EntityResolver | None = None) -> LinkCounts:
    """Bring the article's links in step with what the extractor found in its latest text."""
    resolver = resolver or EntityResolver()
    counts = LinkCounts()
    existing = {link.entity_id: link for link in ArticleEntity.objects.select_for_update().filter(article=article)}
    fresh = merged_by_entity(found, resolver)
    for entity_id, (item, mention_count) in fresh.items():
        link = existing.get(entity_id)
        if link is None:
            ArticleEntity.objects.create(article=article, entity_id=entity_id, **_measures(item, mention_count))
            counts.added += 1
        else:
            _refresh(link, item, mention_count)
            counts.updated += 1
    stale = [
        link.pk
        for entity_id, link in existing.items()
        if entity_id not in fresh and link.status == LinkStatus.SUGGESTED and link.source == LinkSource.EXTRACTED
    ]
    counts.removed = ArticleEntity.objects.filter(pk__in=stale).delete()[0]
    return counts


def _measures(item: Found, mention_count: int) -> dict:
    return {
        "mention_count": mention_count,
        "first_mention": item.first_mention,
        "first_mention_snippet": item.snippet[:300],
        "role": item.role,
        "confidence": item.confidence,
    }


def _refresh(link: ArticleEntity, item: Found, mention_count: int) -> None:
    measures = _measures(item, mention_count)
    if link.source == LinkSource.EDITOR or link.status != LinkStatus.SUGGESTED:
        # What the editor decided (confirmed or rejected, and the role they chose) is theirs to change.
        measures.pop("role")
    for name, value in measures.items():
        setattr(link, name, value)
    link.save()


def extract_and_link(articles, *, resolver: EntityResolver | None = None, processes: int = 1) -> LinkCounts:
    """Run the extractor over `articles` (their latest text, draft included) and save every article's links.

    A back-fill passes one `resolver` for all its batches, so each name is looked up once.
    """
    articles = list(articles)
    texts, gazetteer = latest_texts(articles), current_gazetteer()
    results = Extractor(load_pipeline()).run(
        texts, gazetteer, batch_size=max(1, len(articles) // processes), processes=processes
    )
    resolver, counts = resolver or EntityResolver(), LinkCounts()
    for article, found in zip(articles, results, strict=True):
        counts += save_links(article, found, resolver)
    return counts


def latest_texts(articles) -> list:
    return [article_text(_latest(article)) for article in articles]


def _latest(article):
    """The newest revision's content (what the editor last saved), or the page itself if it has none."""
    if article.latest_revision_id and article.has_unpublished_changes:
        return article.get_latest_revision_as_object()
    return article
