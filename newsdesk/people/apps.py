from django.apps import AppConfig


class PeopleConfig(AppConfig):
    """Authors: people and desks, with their profile pages."""

    name = "newsdesk.people"
    label = "people"
    verbose_name = "People"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from newsdesk.people import signal_handlers as handlers

        for model in ("people.Author", "people.AuthorLink"):
            for signal in (post_save, post_delete):
                signal.connect(handlers.purge_reader_caches, sender=model)
