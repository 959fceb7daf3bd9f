from django.apps import AppConfig


class ImportersConfig(AppConfig):
    """WordPress WXR, single HTML article and wire importers."""

    name = "newsdesk.importers"
    label = "importers"
    verbose_name = "Importers"
