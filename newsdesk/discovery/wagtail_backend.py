"""Wagtail's database search backend (the admin's, by default), with index entries written faster on PostgreSQL.

WAGTAILSEARCH_BACKENDS names this module (core/env.py). On SQLite and MySQL it is Wagtail's own database
backend. On PostgreSQL, Wagtail reads each object's search fields five times over and builds the entry's
three tsvectors as Django expressions, compiled one by one: after an import, that was most of the
Python time of indexing 2,000 articles. Here the fields are read once and the same statement is
written as text. What is stored is the same, entry for entry (tests/test_wagtail_backend.py holds it
to Wagtail's own `add_items`), with one difference: an older entry whose title norm happens to be
1.0 is not rewritten when later entries are added (see `_refresh_title_norms_of`). Searching is
Wagtail's, untouched.
"""

from collections import defaultdict

from django.db import connection
from django.db.models import Avg, F
from django.db.models.functions import Length
from modelsearch.backends.database import SearchBackend as database_backend
from modelsearch.backends.database.postgres import postgres
from modelsearch.index import AutocompleteField, SearchField
from modelsearch.utils import balanced_reduce, get_content_type_pk


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks for in a backend's module
    if connection.vendor != "postgresql":
        return database_backend(params)
    return PostgresSearchBackend(params)


class PostgresIndex(postgres.PostgresIndex):
    def add_items(self, model, objs):
        if not model.get_search_fields() or not objs:
            return
        backend, content_type = self.backend, get_content_type_pk(model)
        # One short statement per shape of entry (how many texts of each part), its rows sent together by
        # executemany: the statement is parsed once, where one statement for a whole chunk was parsed in
        # Python placeholder by placeholder (a quarter of the indexing thread's time).
        shapes = defaultdict(list)
        for obj in objs:
            title, autocomplete, body = entry_parts(postgres.ObjectIndexer(obj, backend))
            row = [("%s", [content_type]), ("%s", [str(obj.pk)])]
            row += [tsvector(title, backend.config), tsvector(autocomplete, backend.autocomplete_config)]
            row += [tsvector(body, backend.config), ("1.0", []), ("%s", [joined(title)]), ("%s", [joined(body)])]
            shape = f"({', '.join(sql for sql, _ in row)})"
            shapes[shape].append([param for _, row_params in row for param in row_params])
        with self.write_connection.cursor() as cursor:
            for shape, rows in shapes.items():
                cursor.executemany(
                    f"INSERT INTO {postgres.IndexEntry._meta.db_table} (content_type_id, object_id, title, "
                    f"autocomplete, body, title_norm, title_text, body_text) VALUES {shape} "
                    "ON CONFLICT (content_type_id, object_id) DO UPDATE SET title = EXCLUDED.title, "
                    "title_norm = 1.0, autocomplete = EXCLUDED.autocomplete, body = EXCLUDED.body, "
                    "title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text",
                    rows,
                )
        self._refresh_title_norms_of(content_type, [str(obj.pk) for obj in objs])

    def _refresh_title_norms_of(self, content_type, object_ids):
        """Wagtail's `_refresh_title_norms` for the entries just written: each new title's norm is the
        average title length over its own. Wagtail finds them by the norm they were written with
        (1.0), which reads the whole table for every chunk and rewrites every older entry whose norm
        is still 1.0 (all of them, where titles are all the same length): the same rows found by
        their ids instead."""
        lavg = (
            self.entries.annotate(title_length=Length("title"))
            .filter(title_length__gt=0)
            .aggregate(Avg("title_length"))["title_length__avg"]
        )
        written = self.entries.filter(content_type_id=content_type, object_id__in=object_ids, title_norm=1.0)
        written.annotate(title_length=Length("title")).filter(title_length__gt=0).update(
            title_norm=lavg / F("title_length")
        )


class PostgresSearchBackend(postgres.PostgresSearchBackend):
    index_class = PostgresIndex


def entry_parts(indexer) -> tuple[list, list, list]:
    """An object's (text, weight) pairs for an entry's title, autocomplete and body, its fields read once.

    Sorted as Wagtail sorts them: search fields named "title" make the title, other search fields the
    body, autocomplete fields the autocomplete."""
    title, autocomplete, body = [], [], []
    for search_field in indexer.search_fields:
        for field, weight, value in indexer.prepare_field(indexer.obj, search_field):
            if isinstance(field, AutocompleteField):
                autocomplete.append((value.strip(), weight))
            elif isinstance(field, SearchField):
                (title if field.field_name == "title" else body).append((value.strip(), weight))
    return title, autocomplete, body


def tsvector(texts, config) -> tuple[str, list]:
    """The SQL and parameters for Wagtail's vector of `texts`, nested as Django compiles it.

    Only the texts are parameters: the configuration and the weights are written into the statement as
    literals (each a known name or letter, quoted), so entries of the same shape share one statement."""
    texts = [(text, weight) for text, weight in texts if text]
    if not texts:
        return "to_tsvector('')", []
    regconfig = f"{sql_literal(config)}::regconfig, " if config else ""
    parts = [f"setweight(to_tsvector({regconfig}%s), {sql_literal(weight)})" for _, weight in texts]
    return balanced_reduce(lambda left, right: f"({left} || {right})", parts), [text for text, _ in texts]


def sql_literal(value: str) -> str:
    return "'" + str(value).replace("'", "''") + "'"


def joined(texts) -> str:
    return " ".join(text for text, _ in texts if text)
