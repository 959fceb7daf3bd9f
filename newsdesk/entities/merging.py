"""Merging a duplicate entity into the one that stays: names, links, addresses and facts all carry over."""

from django.core.exceptions import ValidationError
from django.db import transaction

from newsdesk.entities.models import ArticleEntity, FormerSlug, LinkRole, LinkSource, LinkStatus

# When both entities were linked to one article, the stronger decision wins: an editor's confirmation,
# then an editor's rejection (the article should not point at this thing), then a suggestion.
_STATUS_STRENGTH = {LinkStatus.CONFIRMED: 3, LinkStatus.REJECTED: 2, LinkStatus.SUGGESTED: 1}


@transaction.atomic
def merge(duplicate, into) -> None:
    """`duplicate` becomes part of `into`, then goes: its name and aliases become aliases, its links move
    (joined with `into`'s link on the same article), its slug is remembered, its facts fill `into`'s gaps."""
    if duplicate.pk == into.pk:
        raise ValidationError("An entity cannot be merged into itself.")
    _move_names(duplicate, into)
    _move_links(duplicate, into)
    FormerSlug.objects.filter(entity=duplicate).update(entity=into)
    FormerSlug.objects.get_or_create(slug=duplicate.slug, defaults={"entity": into})
    _fill_gaps(duplicate, into)
    duplicate.delete()


def _move_names(duplicate, into) -> None:
    names = [duplicate.name, *duplicate.aliases.values_list("name", flat=True)]
    duplicate.aliases.all().delete()
    into.add_aliases(names)


def _move_links(duplicate, into) -> None:
    kept = {link.article_id: link for link in ArticleEntity.objects.filter(entity=into)}
    for link in ArticleEntity.objects.filter(entity=duplicate):
        other = kept.get(link.article_id)
        if other is None:
            link.entity = into
            link.save(update_fields=["entity", "updated_at"])
        else:
            _join(other, link)
            link.delete()


def _join(kept: ArticleEntity, moving: ArticleEntity) -> None:
    """Both were linked to one article: mentions add up, the first mention is the earlier one."""
    if moving.first_mention < kept.first_mention:
        kept.first_mention, kept.first_mention_snippet = moving.first_mention, moving.first_mention_snippet
    kept.mention_count += moving.mention_count
    kept.confidence = max(kept.confidence, moving.confidence)
    if LinkRole.ABOUT in (kept.role, moving.role):
        kept.role = LinkRole.ABOUT
    if _STATUS_STRENGTH[moving.status] > _STATUS_STRENGTH[kept.status]:
        kept.status = moving.status
    if LinkSource.EDITOR in (kept.source, moving.source):
        kept.source = LinkSource.EDITOR
    kept.save()


def _fill_gaps(duplicate, into) -> None:
    into.same_as = list(dict.fromkeys([*(into.same_as or []), *(duplicate.same_as or [])]))
    into.description = into.description or duplicate.description
    into.image_id = into.image_id or duplicate.image_id
    into.is_curated = into.is_curated or duplicate.is_curated
    into.save()
