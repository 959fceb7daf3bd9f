"""Tags saved before empty slugs were refused (emoji- or symbol-only names) get a transliterated one."""

from django.db import migrations

from newsdesk.editorial.sanitise import ascii_slug


def give_tags_slugs(apps, schema_editor):
    Tag = apps.get_model("taggit", "Tag")
    for tag in Tag.objects.filter(slug=""):
        base = slug = ascii_slug(tag.name)
        n = 2
        while Tag.objects.filter(slug=slug).exists():
            slug, n = f"{base}-{n}", n + 1
        tag.slug = slug
        tag.save(update_fields=["slug"])


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0003_role_permissions"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [migrations.RunPython(give_tags_slugs, migrations.RunPython.noop)]
