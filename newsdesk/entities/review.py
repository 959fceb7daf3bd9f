"""What an editor does with an article's entities, one function per action (views call these after permissions)."""

from django.core.exceptions import ValidationError
from django.db import transaction

from newsdesk.entities import merging
from newsdesk.entities.models import ArticleEntity, Entity, EntityKind, LinkRole, LinkSource, LinkStatus


def confirm(link: ArticleEntity, *, curate: bool) -> None:
    """The article is linked to this entity; with `curate`, the entity's names are looked for in every article."""
    link.status = LinkStatus.CONFIRMED
    link.save(update_fields=["status", "updated_at"])
    if curate and not link.entity.is_curated:
        link.entity.is_curated = True
        link.entity.save(update_fields=["is_curated", "updated_at"])


def reject(link: ArticleEntity) -> None:
    """Not this entity, for this article: it stays rejected when the article is extracted again."""
    link.status = LinkStatus.REJECTED
    link.save(update_fields=["status", "updated_at"])


def set_role(link: ArticleEntity, role: str) -> None:
    if role not in LinkRole.values:
        raise ValidationError(f"Unknown role {role!r}.")
    link.role = role
    link.source = LinkSource.EDITOR
    link.save(update_fields=["role", "source", "updated_at"])


def change_kind(entity: Entity, kind: str) -> None:
    if kind not in EntityKind.values:
        raise ValidationError(f"Unknown kind {kind!r}: use one of {', '.join(EntityKind.values)}.")
    entity.kind = kind
    entity.save(update_fields=["kind", "updated_at"])


def merge_into(link: ArticleEntity, name: str) -> Entity:
    """The link's entity is a duplicate of the one called `name` (or having it as an alias): merge them."""
    target = Entity.objects.named(name).exclude(pk=link.entity_id).order_by("-is_curated", "pk").first()
    if target is None:
        raise ValidationError(f"No entity is called {name!r}. Check the spelling, or add it in Entities first.")
    merging.merge(link.entity, target)
    return target


@transaction.atomic
def add(article, name: str, kind: str, *, may_create: bool) -> ArticleEntity:
    """Link the article to the entity called `name`, making one (of `kind`) if none is and `may_create`."""
    name = " ".join(name.split())
    if not name:
        raise ValidationError("Type the name of the entity to add.")
    entity = Entity.objects.named(name).order_by("-is_curated", "pk").first()
    if entity is None:
        if not may_create:
            raise ValidationError(f"No entity is called {name!r}, and your role cannot create one.")
        if kind not in EntityKind.values:
            raise ValidationError("Choose what kind of entity it is.")
        entity = Entity.objects.create(name=name, kind=kind)
    link, _ = ArticleEntity.objects.update_or_create(
        article=article,
        entity=entity,
        defaults={"status": LinkStatus.CONFIRMED, "source": LinkSource.EDITOR, "confidence": 1.0},
    )
    return link
