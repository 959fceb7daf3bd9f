"""SQLite: each document's facet values as terms of both FTS5 tables, so a chosen facet is matched by FTS5.

Facets were applied to the ids FTS5 returned, afterwards: a section or an author under a common word read
thousands of ids, and bm25 weighed every match in their range (60–100 ms on 100,000 articles). Now each
value is one term (`zqsec` + the section's slug, `zqauth` + an author's, and so on, hyphens and
underscores dropped), in a generated column `facet_terms` that both tables index; a search ANDs the
chosen values' terms with the words, and FTS5 walks only the articles that carry them. bm25 gives that
column no weight. The terms only narrow: the exact rule is still applied to what FTS5 returns.

The column is not a model field: a later migration that makes Django rebuild this table on SQLite must
add it (and these tables' triggers) again. PostgreSQL filters facets through its own indexes (0007).
On 100,000 articles this migration takes about 45 s (both tables are filled again).
"""

from django.db import migrations

TOKENIZER = "tokenize='porter unicode61 remove_diacritics 2'"
TEXT = "headline, standfirst, meta, body"


def terms(column: str, marker: str) -> str:
    """A bar-joined column's values as marker-prefixed terms (a leading space before each)."""
    return f"replace(replace(replace({column}, '-', ''), '_', ''), '|', ' {marker}')"


FACET_TERMS = (
    "'zqsec' || replace(replace(section, '-', ''), '_', '') || ' zqkind' || kind || ' zqyear' || coalesce(year, '')"
    f" || {terms('authors', 'zqauth')} || {terms('tags', 'zqtag')} || {terms('entities', 'zqent')}"
)
FACET_COLUMNS = "section, kind, year, authors, tags, entities"


def fts_table(name: str, text: str, *, facets: bool = True) -> list[str]:
    """An external-content FTS5 table over the `text` columns (and facet_terms), its triggers, its first filling.

    Without `facets`, the table as migrations 0002 and 0005 made it."""
    columns = f"{text}, facet_terms" if facets else text
    watched = f"{text}, {FACET_COLUMNS}" if facets else text
    values = lambda row: ", ".join(f"{row}.{column.strip()}" for column in columns.split(","))  # noqa: E731
    return [
        f"""CREATE VIRTUAL TABLE {name} USING fts5({columns},
            content='discovery_searchdocument', content_rowid='page_id', {TOKENIZER})""",
        f"""CREATE TRIGGER {name}_insert AFTER INSERT ON discovery_searchdocument BEGIN
            INSERT INTO {name}(rowid, {columns}) VALUES (new.page_id, {values("new")}); END""",
        f"""CREATE TRIGGER {name}_delete AFTER DELETE ON discovery_searchdocument BEGIN
            INSERT INTO {name}({name}, rowid, {columns}) VALUES ('delete', old.page_id, {values("old")}); END""",
        f"""CREATE TRIGGER {name}_update AFTER UPDATE OF {watched} ON discovery_searchdocument BEGIN
            INSERT INTO {name}({name}, rowid, {columns}) VALUES ('delete', old.page_id, {values("old")});
            INSERT INTO {name}(rowid, {columns}) VALUES (new.page_id, {values("new")}); END""",
        f"INSERT INTO {name}({name}) VALUES ('rebuild')",
    ]


def without(name: str) -> list[str]:
    return [f"DROP TRIGGER IF EXISTS {name}_{event}" for event in ("update", "delete", "insert")] + [
        f"DROP TABLE IF EXISTS {name}"
    ]


SQLITE_FORWARD = [
    *without("discovery_searchfts"),
    *without("discovery_searchheadlinefts"),
    f"ALTER TABLE discovery_searchdocument ADD COLUMN facet_terms TEXT GENERATED ALWAYS AS ({FACET_TERMS}) VIRTUAL",
    *fts_table("discovery_searchfts", TEXT),
    *fts_table("discovery_searchheadlinefts", "headline"),
]
SQLITE_BACKWARD = [
    *without("discovery_searchfts"),
    *without("discovery_searchheadlinefts"),
    "ALTER TABLE discovery_searchdocument DROP COLUMN facet_terms",
    *fts_table("discovery_searchfts", TEXT, facets=False),
    *fts_table("discovery_searchheadlinefts", "headline", facets=False),
]


def run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            for statement in statements:
                schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("discovery", "0007_facet_indexes")]

    operations = [migrations.RunPython(run(SQLITE_FORWARD), run(SQLITE_BACKWARD))]
