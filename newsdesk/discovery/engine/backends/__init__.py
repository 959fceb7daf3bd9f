"""The search backend for this database or deployment: NEWSDESK_SEARCH_BACKEND, else the database's vendor."""

from django.conf import settings
from django.db import connection
from django.utils.module_loading import import_string

BACKENDS = {
    "sqlite": "newsdesk.discovery.engine.backends.sqlite.FTS5Backend",
    "postgresql": "newsdesk.discovery.engine.backends.postgres.PostgresBackend",
    "opensearch": "newsdesk.discovery.engine.backends.wagtail.WagtailBackend",
}


def backend_path() -> str:
    chosen = getattr(settings, "NEWSDESK_SEARCH_BACKEND", "") or connection.vendor
    return BACKENDS.get(chosen, chosen)


def get_backend():
    return import_string(backend_path())()
