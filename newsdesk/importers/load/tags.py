"""Tags by name, made on first use."""

from django.db.models.functions import Lower
from taggit.models import Tag

from newsdesk.core.slugs import unused_slug
from newsdesk.editorial.sanitise import ascii_slug, clean_instance
from newsdesk.importers.load.import_records import cache_after_commit


def ensure_tags(names, known: dict | None = None) -> list:
    """The tags for `names`, creating missing ones with ASCII slugs ("content περιεχόμενο" →
    "content-periechomeno"): tag pages are addressed by slug, and transliterated slugs are safe in
    every URL and feed.

    `known` (lower-cased name → tag) spares the reads on a long run; a tag joins it only once its
    transaction has committed (see `cache_after_commit`).
    """
    tags = []
    for name in names:
        key = name.lower()
        if known is not None and key in known:
            tags.append(known[key])
            continue
        tag = Tag.objects.filter(name__iexact=name).first()
        if tag is None:
            slug = unused_slug(ascii_slug(name), lambda candidate: Tag.objects.filter(slug=candidate).exists())
            tag = Tag.objects.create(name=name, slug=slug)
        if known is not None:
            cache_after_commit(known, key, tag)
        tags.append(tag)
    return tags


def read_tags_ahead(names, known: dict) -> None:
    """Puts the existing tags among `names` into `known` in one query, so a batch of posts finds its
    tags without a read per name. Committed rows only, so they are safe to remember at once."""
    wanted = {name.lower() for name in names} - known.keys()
    if wanted:
        for tag in Tag.objects.annotate(lowered=Lower("name")).filter(lowered__in=wanted):
            known.setdefault(tag.lowered, tag)


def make_tags_ahead(names, known: dict) -> None:
    """Makes the tags among `names` that `known` lacks in one INSERT and puts them into `known`
    (call `read_tags_ahead` first): a new desk's first batches name hundreds of new tags, which one
    by one cost three statements each.

    Inside the batch's transaction; whoever rolls it back must clear `known`. A name whose slug is
    taken already is left to `ensure_tags`, which numbers it.
    """
    new = {}  # lower-cased name → the name as first written
    for name in names:
        new.setdefault(name.lower(), name)
    for key in known.keys() & new.keys():
        del new[key]
    slugs = {key: ascii_slug(name) for key, name in new.items()}
    taken = set(Tag.objects.filter(slug__in=set(slugs.values())).values_list("slug", flat=True))
    made = {}
    for key, name in new.items():
        if slugs[key] not in taken:
            taken.add(slugs[key])
            made[key] = Tag(name=name, slug=slugs[key])
            clean_instance(made[key])  # what saving one tag does (the sanitising pre_save hook)
    Tag.objects.bulk_create(made.values())
    known.update(made)
