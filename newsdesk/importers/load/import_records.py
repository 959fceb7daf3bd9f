"""What each source item became, so a re-run updates instead of duplicating."""

import hashlib
import json
import uuid
from contextlib import contextmanager

from django.db import transaction

from newsdesk.importers.models import ImportRecord


def fingerprint(value) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()


_URL_NAMESPACE = hashlib.sha1(uuid.NAMESPACE_URL.bytes)


def block_id(*parts) -> str:
    """Stable block ids, so a re-run writes the same body and revisions compare equal.

    `str(uuid.uuid5(uuid.NAMESPACE_URL, name))` computed directly: a post has a score of blocks,
    and building a UUID object for each cost more than hashing.
    """
    digest = _URL_NAMESPACE.copy()
    digest.update("/".join(str(p) for p in parts).encode())
    raw = bytearray(digest.digest()[:16])
    raw[6] = (raw[6] & 0x0F) | 0x50  # version 5
    raw[8] = (raw[8] & 0x3F) | 0x80  # the RFC 4122 variant
    h = raw.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def remember(source, kind, source_id, obj_id, *, checksum="", guid="", source_url="", new=False):
    """Note what `source_id` became; `new` when the caller has just looked and found no record."""
    if new:
        ImportRecord.objects.create(
            source=source,
            kind=kind,
            source_id=str(source_id)[:255],
            object_id=obj_id,
            checksum=checksum,
            guid=guid[:500],
            source_url=source_url[:1000],
        )
        return
    ImportRecord.objects.update_or_create(
        source=source,
        kind=kind,
        source_id=str(source_id)[:255],
        defaults={"object_id": obj_id, "checksum": checksum, "guid": guid[:500], "source_url": source_url[:1000]},
    )


# What the items being written (see `item_written`) will remember once written; innermost last.
_held_by_items: list[list[tuple[dict, object, object]]] = []


@contextmanager
def item_written():
    """Around one item's transaction or savepoint: what it caches (`cache_after_commit`) is kept
    once it is written whole, and dropped if it fails.

    Inside a batch's transaction that is before the batch commits, so the items after it find what
    it made without reading it back; whoever rolls a batch back must then forget what its writers
    cached (the rows are gone, and SQLite hands their ids out again).
    """
    _held_by_items.append([])
    try:
        yield
    except BaseException:
        _held_by_items.pop()
        raise
    held = _held_by_items.pop()
    if _held_by_items:  # an item inside an item: the outer one decides
        _held_by_items[-1].extend(held)
        return
    for cache, key, value in held:
        cache[key] = value


def cache_after_commit(cache: dict, key, value) -> None:
    """Remember `value` once the item being written is written (see `item_written`), else once
    the current transaction commits (at once outside one).

    A writer's cache must never hold the id of a row that was rolled back: the row is gone, and
    SQLite hands the same id to the next row written.
    """
    if _held_by_items:
        _held_by_items[-1].append((cache, key, value))
        return
    transaction.on_commit(lambda: cache.__setitem__(key, value))
