"""The desk's roles (Contributors, Section editors, Chief editors, Administrators), a desk group and
review workflow for every existing section, and Wagtail's stock Editors/Moderators groups removed."""

from django.db import migrations

from newsdesk.editorial import roles


def create_roles(apps, schema_editor):
    roles.provision_roles(apps)
    for section in apps.get_model("sections", "SectionPage").objects.all():
        roles.provision_section_desk(apps, section)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=roles.ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_initial"),
        ("sections", "0003_standardpage"),
        ("people", "0001_initial"),
        ("images", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
