from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Base templates, theme, shared blocks and helpers, and the newsdesk command."""

    name = "newsdesk.core"
    label = "core"
    verbose_name = "Core"
