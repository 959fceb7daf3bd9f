from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class PeopleConfig(AppConfig):
    """Authors: people and desks, with their profile pages."""

    name = "newsdesk.people"
    label = "people"
    verbose_name = "People"

    def ready(self):
        # The handlers import models, which Django allows only once every app is loaded.
        from newsdesk.people import signal_handlers as handlers  # noqa: PLC0415

        for model in ("people.Author", "people.AuthorLink"):
            for signal in (post_save, post_delete):
                signal.connect(handlers.purge_reader_caches, sender=model)
