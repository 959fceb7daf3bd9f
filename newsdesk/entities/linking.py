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
from django.utils import timezone

from newsdesk.entities.article_text import article_text
from newsdesk.entities.extraction import Extractor, Found
from newsdesk.entities.gazetteer import Entry, Gazetteer
from newsdesk.entities.models import ArticleEntity, Entity, EntityAlias, LinkSource, LinkStatus
from newsdesk.entities.names import normalise
from newsdesk.entities.pipeline import load_pipeline
from newsdesk.entities.signals import links_shown_changed

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
        self.absent: set[str] = set()  # normal forms `prepare` found no entity for: the first to come makes one

    def entity_for(self, found: Found) -> Entity:
        if found.key not in self.known:
            name = normalise(found.name)
            if name in self.absent:
                self.absent.discard(name)
                self.known[found.key] = self._new(found)
            else:
                self.known[found.key] = self._lookup(found)
        return self.known[found.key]

    def prepare(self, found) -> None:
        """Look up every key of `found` not yet known in a few queries, rather than one or two per name."""
        fresh = {item.key: item for item in found if item.key not in self.known}
        desk_ids = {int(key.split(":")[1]): key for key, item in fresh.items() if _is_desk_key(item)}
        for pk, entity in Entity.objects.in_bulk(list(desk_ids)).items():
            fresh.pop(desk_ids[pk])
            self.known[desk_ids[pk]] = entity
        by_name = {}
        for item in fresh.values():
            by_name.setdefault(normalise(item.name), []).append(item.key)
        if not by_name:
            return
        names = list(by_name)
        candidates = {}  # normal form → entities so named or aliased
        for entity in Entity.objects.filter(normalised_name__in=names):
            candidates.setdefault(entity.normalised_name, []).append(entity)
        aliased = EntityAlias.objects.filter(normalised__in=names).select_related("entity")
        for alias in aliased:
            candidates.setdefault(alias.normalised, []).append(alias.entity)
        for name, keys in by_name.items():
            if name in candidates:
                best = min(candidates[name], key=lambda entity: (not entity.is_curated, entity.pk))
                self.known.update(dict.fromkeys(keys, best))
            else:
                self.absent.add(name)

    def _lookup(self, found: Found) -> Entity:
        if _is_desk_key(found):
            entity = Entity.objects.filter(pk=int(found.key.split(":")[1])).first()
            if entity is not None:
                return entity
        entity = Entity.objects.named(found.name).order_by("-is_curated", "pk").first()
        return entity or self._new(found)

    @staticmethod
    def _new(found: Found) -> Entity:
        return Entity.objects.create(name=found.name, kind=found.kind, is_curated=False)


def _is_desk_key(found: Found) -> bool:
    return found.entry is not None and found.entry.from_desk


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
    """Bring the article's links in step with what the extractor found in its latest text.

    Rows are written in bulk, which sends no model signals: when what readers see changed (a link began or
    stopped showing, or was recast), `links_shown_changed` is sent once for the article instead. Stale
    suggestions are deleted through the ORM, whose per-row signal purges the rare one that showed.
    """
    resolver = resolver or EntityResolver()
    counts = LinkCounts()
    existing = {link.entity_id: link for link in ArticleEntity.objects.select_for_update().filter(article=article)}
    fresh = merged_by_entity(found, resolver)
    new, changed, shown_changed = [], [], []
    for entity_id, (item, mention_count) in fresh.items():
        link = existing.get(entity_id)
        if link is None:
            link = ArticleEntity(article=article, entity_id=entity_id, **_measures(item, mention_count))
            new.append(link)
            if link.shown_as():
                shown_changed.append(entity_id)
            counts.added += 1
            continue
        counts.updated += 1
        shown_before = link.shown_as()
        if not _refresh(link, item, mention_count):
            continue
        changed.append(link)
        if link.shown_as() != shown_before:
            shown_changed.append(entity_id)
    if new:
        ArticleEntity.objects.bulk_create(new)
    if changed:
        now = timezone.now()
        for link in changed:
            link.updated_at = now
        ArticleEntity.objects.bulk_update(changed, [*REFRESHED_FIELDS, "updated_at"])
    stale = [
        link.pk
        for entity_id, link in existing.items()
        if entity_id not in fresh and link.status == LinkStatus.SUGGESTED and link.source == LinkSource.EXTRACTED
    ]
    if stale:
        # Deleted through the ORM, so a stale link that showed (a confident suggestion) is purged by its own signal.
        counts.removed = ArticleEntity.objects.filter(pk__in=stale).delete()[0]
    if shown_changed:
        links_shown_changed.send(sender=ArticleEntity, article_id=article.pk, entity_ids=shown_changed)
    return counts


REFRESHED_FIELDS = ["mention_count", "first_mention", "first_mention_snippet", "role", "confidence"]


def _measures(item: Found, mention_count: int) -> dict:
    return {
        "mention_count": mention_count,
        "first_mention": item.first_mention,
        "first_mention_snippet": item.snippet[:300],
        "role": item.role,
        "confidence": item.confidence,
    }


def _refresh(link: ArticleEntity, item: Found, mention_count: int) -> bool:
    """Set the link's measures from the latest find; whether anything changed."""
    measures = _measures(item, mention_count)
    if link.source == LinkSource.EDITOR or link.status != LinkStatus.SUGGESTED:
        # What the editor decided (confirmed or rejected, and the role they chose) is theirs to change.
        measures.pop("role")
    changed = False
    for name, value in measures.items():
        if getattr(link, name) != value:
            setattr(link, name, value)
            changed = True
    return changed


def extract_and_link(articles, *, resolver: EntityResolver | None = None, pool=None) -> LinkCounts:
    """Run the extractor over `articles` (their latest text, draft included) and save every article's links.

    A back-fill passes one `resolver` for all its batches, so each name is looked up once, and an
    `ExtractionPool` to run the extractor in worker processes.
    """
    articles = list(articles)
    texts = latest_texts(articles)
    results = pool.run(texts) if pool else Extractor(load_pipeline()).run(texts, current_gazetteer())
    return link_results(articles, results, resolver)


def link_results(articles, results, resolver: EntityResolver | None = None) -> LinkCounts:
    """Save what the extractor found (`results`, one list per article) as each article's links."""
    resolver, counts = resolver or EntityResolver(), LinkCounts()
    resolver.prepare(found for article_found in results for found in article_found)
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
