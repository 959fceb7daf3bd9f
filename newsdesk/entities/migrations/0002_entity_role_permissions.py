"""Role groups get their entity rights: everyone views, section editors add and edit, chief editors merge and delete."""

from django.db import migrations

from newsdesk.editorial import roles


def update_roles(apps, schema_editor):
    roles.update_role_permissions(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("entities", "0001_entity_registry"),
        ("editorial", "0004_tags_without_slugs"),
    ]

    operations = [migrations.RunPython(update_roles, migrations.RunPython.noop)]
