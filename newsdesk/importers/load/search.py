"""Search indexing for imports: off while pages are written, then done in bulk for what was imported."""

from contextlib import contextmanager
from itertools import islice

from django.db.models.signals import post_save
from modelsearch import index
from modelsearch.backends import get_search_backends
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.signal_handlers import disable_reference_index_auto_update

from newsdesk.articles.models import ArticlePage
from newsdesk.discovery.apps import SITE_SEARCH_UID
from newsdesk.discovery.engine.indexing import index_pages
from newsdesk.discovery.signal_handlers import index_saved_page
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


def index_imported_pages(source: str, chunk_size=500) -> int:
    """Add every page imports from `source` wrote to the search index; returns how many.

    A chunk at a time, so memory stays flat. Run again, it refreshes the same entries.
    """
    indexed = 0
    for model, kind in ((ArticlePage, ImportKind.ARTICLE), (StandardPage, ImportKind.PAGE)):
        ids = ImportRecord.objects.of(source, kind).order_by("pk").values_list("object_id", flat=True).iterator()
        while chunk := list(islice(ids, chunk_size)):
            pages = model.get_indexed_objects().filter(pk__in=chunk)
            if model is ArticlePage:
                pages = pages.prefetch_related("tags")  # its search fields read every page's tags
            pages = list(pages)
            for backend in get_search_backends():
                backend.add_bulk(model, pages)
            if model is ArticlePage:
                index_pages(chunk)
            indexed += len(pages)
    return indexed
