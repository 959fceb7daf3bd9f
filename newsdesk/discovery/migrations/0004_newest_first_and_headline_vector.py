"""Bounded candidate reads on PostgreSQL (see engine/backends/postgres.py).

- An index newest first with undated rows last, the order candidates are read in, so a common word is
  read by walking it and stopping after the limit (the ascending index could not give NULLS LAST).
  PostgreSQL only: SQLite reads candidates from FTS5 in rowid order and cannot index NULLS LAST.
- A headline-only tsvector with its own GIN index: headline matches were found through the whole
  document's vector with a weight filter, which the GIN index cannot apply, so every article holding
  the word anywhere was read and rechecked.
"""

from django.db import migrations

POSTGRES_FORWARD = [
    "CREATE INDEX discovery_doc_newest ON discovery_searchdocument (published_at DESC NULLS LAST)",
    """ALTER TABLE discovery_searchdocument ADD COLUMN headline_vector tsvector GENERATED ALWAYS AS (
        to_tsvector('english'::regconfig, headline)) STORED""",
    "CREATE INDEX discovery_doc_headline_vector ON discovery_searchdocument USING gin (headline_vector)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS discovery_doc_newest",
    "DROP INDEX IF EXISTS discovery_doc_headline_vector",
    "ALTER TABLE discovery_searchdocument DROP COLUMN IF EXISTS headline_vector",
]


def run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("discovery", "0003_related_articles")]

    operations = [
        migrations.RunPython(run(POSTGRES_FORWARD), run(POSTGRES_BACKWARD)),
    ]
