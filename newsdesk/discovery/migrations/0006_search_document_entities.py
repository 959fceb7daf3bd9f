"""The entities column of SearchDocument (bar-joined slugs, like authors and tags).

Added with ALTER TABLE on both databases: SQLite's schema editor would rebuild the table for a NOT NULL
column, dropping the full-text triggers of migrations 0002 and 0005. Filled by `newsdesk rebuild-search-index`
or as articles are saved.
"""

from django.db import migrations, models

ADD = "ALTER TABLE discovery_searchdocument ADD COLUMN entities text NOT NULL DEFAULT ''"
DROP = "ALTER TABLE discovery_searchdocument DROP COLUMN entities"


class Migration(migrations.Migration):
    dependencies = [("discovery", "0005_headline_fts")]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunSQL(ADD, DROP)],
            state_operations=[
                migrations.AddField(
                    model_name="searchdocument", name="entities", field=models.TextField(blank=True, default="")
                )
            ],
        )
    ]
