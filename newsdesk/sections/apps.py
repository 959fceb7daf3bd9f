from django.apps import AppConfig


class SectionsConfig(AppConfig):
    """The home page, section pages, tag pages and site settings."""

    name = "newsdesk.sections"
    label = "sections"
    verbose_name = "Sections"
