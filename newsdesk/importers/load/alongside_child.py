"""The child of load/alongside.py: indexes each committed batch it is told of, then prints what it did.

    python -m newsdesk.importers.load.alongside_child DATABASE_NAME < lines of [source, [WordPress ids]]

Run as a main module, it sets Django up before it imports anything that needs the app registry.
"""

import gc
import json
import os
import sys

from newsdesk.core.collection import batch_collection


def index_batches(lines) -> dict:
    """For each line [source, WordPress ids], index those items' pages: the page ids handled (a record whose
    page is gone among them) and how many pages were indexed."""
    # Models load only once Django is set up (see `main`).
    from newsdesk.importers.load.search import IMPORTED_MODELS, index_chunk, index_writers  # noqa: PLC0415
    from newsdesk.importers.models import ImportRecord  # noqa: PLC0415

    done, indexed = [], 0
    with index_writers() as write:
        for line in lines:
            source, source_ids = json.loads(line)
            for model, kind in IMPORTED_MODELS:
                records = ImportRecord.objects.of(source, kind).filter(source_id__in=source_ids)
                ids = list(records.values_list("object_id", flat=True))
                indexed += index_chunk(write, model, ids)
                done += ids
    return {"ids": done, "indexed": indexed}  # only once the writers have finished: leaving their block waits


def main(database_name: str) -> None:
    import django  # noqa: PLC0415 - set up before the models are imported

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings")
    django.setup()
    from django.db import connections  # noqa: PLC0415

    # The parent's database, which may not be the settings' own (a test database). Set before the first
    # connection: every thread's connection is made from this dict.
    connections.settings["default"]["NAME"] = database_name
    with batch_collection():
        print(json.dumps(index_batches(sys.stdin)), flush=True)
    # The parent waits for this process to end: the collections of a shutting-down interpreter would make
    # it wait while every object is walked again (see newsdesk/cli.py).
    gc.freeze()


if __name__ == "__main__":
    main(sys.argv[1])
