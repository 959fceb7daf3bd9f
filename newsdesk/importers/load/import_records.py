"""What each source item became, so a re-run updates instead of duplicating."""

import hashlib
import json
import uuid

from django.db import transaction

from newsdesk.importers.models import ImportRecord


def fingerprint(value) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()


def block_id(*parts) -> str:
    """Stable block ids, so a re-run writes the same body and revisions compare equal."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "/".join(str(p) for p in parts)))


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


def cache_after_commit(cache: dict, key, value) -> None:
    """Remember `value` once the current transaction commits (at once outside one).

    A writer's cache must never hold the id of a row that was rolled back: the row is gone, and
    SQLite hands the same id to the next row written.
    """
    transaction.on_commit(lambda: cache.__setitem__(key, value))
