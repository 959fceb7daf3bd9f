"""The full-text index each database keeps over SearchDocument (see engine/backends).

SQLite: an FTS5 table over the document's text columns (external content, kept by triggers), so
bm25 ranks with column weights and snippet() reads the stored text. PostgreSQL: a generated tsvector
column weighted A–D (headline, standfirst, tags and bylines, body) with a GIN index.
"""

from django.db import migrations

FTS_COLUMNS = "headline, standfirst, meta, body"

SQLITE_FORWARD = [
    f"""CREATE VIRTUAL TABLE discovery_searchfts USING fts5({FTS_COLUMNS},
        content='discovery_searchdocument', content_rowid='page_id',
        tokenize='porter unicode61 remove_diacritics 2')""",
    f"""CREATE TRIGGER discovery_searchfts_insert AFTER INSERT ON discovery_searchdocument BEGIN
        INSERT INTO discovery_searchfts(rowid, {FTS_COLUMNS})
        VALUES (new.page_id, new.headline, new.standfirst, new.meta, new.body); END""",
    f"""CREATE TRIGGER discovery_searchfts_delete AFTER DELETE ON discovery_searchdocument BEGIN
        INSERT INTO discovery_searchfts(discovery_searchfts, rowid, {FTS_COLUMNS})
        VALUES ('delete', old.page_id, old.headline, old.standfirst, old.meta, old.body); END""",
    f"""CREATE TRIGGER discovery_searchfts_update AFTER UPDATE OF {FTS_COLUMNS} ON discovery_searchdocument BEGIN
        INSERT INTO discovery_searchfts(discovery_searchfts, rowid, {FTS_COLUMNS})
        VALUES ('delete', old.page_id, old.headline, old.standfirst, old.meta, old.body);
        INSERT INTO discovery_searchfts(rowid, {FTS_COLUMNS})
        VALUES (new.page_id, new.headline, new.standfirst, new.meta, new.body); END""",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS discovery_searchfts_update",
    "DROP TRIGGER IF EXISTS discovery_searchfts_delete",
    "DROP TRIGGER IF EXISTS discovery_searchfts_insert",
    "DROP TABLE IF EXISTS discovery_searchfts",
]

POSTGRES_FORWARD = [
    """ALTER TABLE discovery_searchdocument ADD COLUMN vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, headline), 'A')
        || setweight(to_tsvector('english'::regconfig, standfirst), 'B')
        || setweight(to_tsvector('english'::regconfig, meta), 'C')
        || setweight(to_tsvector('english'::regconfig, body), 'D')) STORED""",
    "CREATE INDEX discovery_doc_vector ON discovery_searchdocument USING gin (vector)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS discovery_doc_vector",
    "ALTER TABLE discovery_searchdocument DROP COLUMN IF EXISTS vector",
]


def run(statements_by_vendor):
    def operation(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("discovery", "0001_search_documents")]

    operations = [
        migrations.RunPython(
            run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        )
    ]
