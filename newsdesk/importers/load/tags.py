"""Tags by name, made on first use."""

from django.db.models import Q
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


def make_tags_ahead(names, known: dict) -> None:
    """Puts the tags `names` call for into `known`: those that exist read in one query, the rest made
    in one INSERT. A new desk's first batches name hundreds of new tags, which one by one cost three
    statements each, and a batch of posts then finds every tag without a query per name.

    Inside the batch's transaction; whoever rolls it back must clear `known` (and may call this
    again). A name whose slug another tag has is left to `ensure_tags`, which numbers it.
    """
    new = {}  # lower-cased name → the name as first written
    for name in names:
        new.setdefault(name.lower(), name)
    for key in known.keys() & new.keys():
        del new[key]
    if not new:
        return
    # By the exact name too: SQLite's lower() folds ASCII letters only, and a second "Αθήνα" would
    # break the names' unique index and send the whole batch the slow way.
    existing = Tag.objects.annotate(lowered=Lower("name")).filter(Q(name__in=new.values()) | Q(lowered__in=new))
    for tag in existing:
        key = tag.name.lower()
        known.setdefault(key, tag)
        new.pop(key, None)
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
