"""SQLite: an FTS5 table over the headline alone (external content, kept by triggers, filled here).

Headline matches were read from the whole-document index with a column filter, which FTS5 can only
apply by reading every match's positions: a word common in bodies but absent from headlines read the
archive. PostgreSQL has its headline vector already (migration 0004).
"""

from django.db import migrations

TOKENIZER = "tokenize='porter unicode61 remove_diacritics 2'"

SQLITE_FORWARD = [
    f"""CREATE VIRTUAL TABLE discovery_searchheadlinefts USING fts5(headline,
        content='discovery_searchdocument', content_rowid='page_id', {TOKENIZER})""",
    """CREATE TRIGGER discovery_searchheadlinefts_insert AFTER INSERT ON discovery_searchdocument BEGIN
        INSERT INTO discovery_searchheadlinefts(rowid, headline) VALUES (new.page_id, new.headline); END""",
    """CREATE TRIGGER discovery_searchheadlinefts_delete AFTER DELETE ON discovery_searchdocument BEGIN
        INSERT INTO discovery_searchheadlinefts(discovery_searchheadlinefts, rowid, headline)
        VALUES ('delete', old.page_id, old.headline); END""",
    """CREATE TRIGGER discovery_searchheadlinefts_update AFTER UPDATE OF headline ON discovery_searchdocument BEGIN
        INSERT INTO discovery_searchheadlinefts(discovery_searchheadlinefts, rowid, headline)
        VALUES ('delete', old.page_id, old.headline);
        INSERT INTO discovery_searchheadlinefts(rowid, headline) VALUES (new.page_id, new.headline); END""",
    "INSERT INTO discovery_searchheadlinefts(discovery_searchheadlinefts) VALUES ('rebuild')",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS discovery_searchheadlinefts_update",
    "DROP TRIGGER IF EXISTS discovery_searchheadlinefts_delete",
    "DROP TRIGGER IF EXISTS discovery_searchheadlinefts_insert",
    "DROP TABLE IF EXISTS discovery_searchheadlinefts",
]


def run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            for statement in statements:
                schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("discovery", "0004_newest_first_and_headline_vector")]

    operations = [migrations.RunPython(run(SQLITE_FORWARD), run(SQLITE_BACKWARD))]
