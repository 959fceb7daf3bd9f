"""Role groups get the image permissions Wagtail actually checks (so Contributors can upload) and
page-type creation rights (Contributors and Section editors create articles only)."""

from django.db import migrations

from newsdesk.editorial import roles


def update_roles(apps, schema_editor):
    roles.update_role_permissions(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0002_roles"),
        ("articles", "0001_initial"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(update_roles, migrations.RunPython.noop)]
