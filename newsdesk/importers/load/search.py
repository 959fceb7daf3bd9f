"""Search indexing for imports: off while pages are written, then done in bulk for what was imported."""

import queue
import threading
from contextlib import contextmanager
from itertools import islice

from django.db import connections
from django.db.models.signals import post_save
from modelsearch import index
from modelsearch.backends import get_search_backends
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.signal_handlers import disable_reference_index_auto_update

from newsdesk.articles.models import ArticlePage
from newsdesk.discovery.apps import SITE_SEARCH_UID
from newsdesk.discovery.engine.indexing import index_articles, parallel_jobs
from newsdesk.discovery.signal_handlers import index_saved_page
from newsdesk.importers.load.batches import fast_compression
from newsdesk.importers.models import ImportKind, ImportRecord
from newsdesk.sections.models import StandardPage


@contextmanager
def bulk_writes():
    """Leave search indexing (Wagtail's and the site search's) and the reference index until after the import.

    Both run on every save; for an import of thousands of pages they cost more than the import
    itself. The command then indexes what was imported for search in bulk
    (`index_imported_pages`) and names `rebuild_references_index` for the rest.
    """
    models = [m for m in index.get_indexed_models() if getattr(m, "search_auto_update", True)]
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    post_save.disconnect(dispatch_uid=SITE_SEARCH_UID)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)
        post_save.connect(index_saved_page, dispatch_uid=SITE_SEARCH_UID)


IMPORTED_MODELS = ((ArticlePage, ImportKind.ARTICLE), (StandardPage, ImportKind.PAGE))


def index_imported_pages(source: str, chunk_size=500, *, already=frozenset()) -> int:
    """Add every page imports from `source` wrote to the search indexes, less the ids in `already` (indexed
    alongside the import, see load/alongside.py); returns how many.

    A chunk at a time, so memory stays flat; each chunk is loaded once for both indexes. On PostgreSQL
    each index is written from a thread with its own connection while the next chunk is read: each
    index's text becomes tsvectors in its own server process, on both cores, instead of one after the
    other. Run again, it refreshes the same entries.
    """
    indexed = 0
    with index_writers() as write:
        for model, kind in IMPORTED_MODELS:
            ids = ImportRecord.objects.of(source, kind).order_by("pk").values_list("object_id", flat=True).iterator()
            while chunk := list(islice(ids, chunk_size)):
                indexed += index_chunk(write, model, [pk for pk in chunk if pk not in already])
    return indexed


def index_writers():
    """The two indexes' writers (see `writers_of`): through a thread each where the database allows it."""
    return writers_of(add_to_wagtail, add_to_site_search, parallel=parallel_jobs(2) > 1)


def index_chunk(write, model, ids) -> int:
    """Loads the pages `ids` of `model` once and gives them to `write`; returns how many there were."""
    if not ids:
        return 0
    pages = model.get_indexed_objects().filter(pk__in=ids)
    if model is ArticlePage:
        pages = pages.prefetch_related("tags")  # its search fields read every page's tags
    pages = list(pages)
    if model is ArticlePage:
        for page in pages:
            page.body_text()  # read here, once: both indexes ask for it
    write(model, pages, ids)
    return len(pages)


def add_to_wagtail(model, pages, _ids):
    for backend in get_search_backends():
        backend.add_bulk(model, pages)


def add_to_site_search(model, pages, ids):
    if model is ArticlePage:
        index_articles(pages, gone=ids)


@contextmanager
def writers_of(*writers, parallel: bool):
    """A function that gives its arguments to each of `writers`: at once, or (`parallel`) through a thread
    each, with its own database connection, at most two chunks behind. Leaving the block waits for
    them and raises what any of them raised."""
    if not parallel:
        yield lambda *args: [writer(*args) for writer in writers]
        return
    failures = []

    def work(writer, chunks):
        try:
            # Both indexes keep a copy of each page's text (some 7 KB, stored compressed): compressed with LZ4,
            # as the import's own connection writes (see `fast_compression`).
            with fast_compression():
                while (args := chunks.get()) is not None:
                    if not failures:
                        writer(*args)
        except BaseException as exc:
            failures.append(exc)
            while chunks.get() is not None:  # let the reader finish putting
                pass
        finally:
            connections.close_all()  # this thread's own connections

    queues = [queue.Queue(maxsize=2) for _ in writers]
    threads = [
        threading.Thread(target=work, args=pair, name="index-writer") for pair in zip(writers, queues, strict=True)
    ]
    for thread in threads:
        thread.start()

    def write(*args):
        if failures:
            raise failures[0]
        for chunks in queues:
            chunks.put(args)

    try:
        yield write
    finally:
        for chunks in queues:
            chunks.put(None)
        for thread in threads:
            thread.join()
    if failures:
        raise failures[0]
