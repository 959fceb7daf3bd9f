from django.apps import AppConfig
from django.db.models.signals import post_save


class EntitiesConfig(AppConfig):
    """The desk's registry of named things (people, places, organisations…), found in articles and confirmed by editors."""

    name = "newsdesk.entities"
    label = "entities"
    verbose_name = "Entities"

    def ready(self):
        # The handlers import models, which Django allows only once every app is loaded.
        from newsdesk.entities import signal_handlers as handlers  # noqa: PLC0415

        post_save.connect(handlers.extract_saved_article, sender="wagtailcore.Revision")
