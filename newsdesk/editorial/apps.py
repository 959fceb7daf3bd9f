from django.apps import AppConfig


class EditorialConfig(AppConfig):
    """Roles, workflow, scheduling, embargo and audit."""

    name = "newsdesk.editorial"
    label = "editorial"
    verbose_name = "Editorial"
