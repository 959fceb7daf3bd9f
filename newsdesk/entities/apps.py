from django.apps import AppConfig


class EntitiesConfig(AppConfig):
    """The desk's registry of named things (people, places, organisations…), found in articles and confirmed by editors."""

    name = "newsdesk.entities"
    label = "entities"
    verbose_name = "Entities"
