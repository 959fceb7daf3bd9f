from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class SectionsConfig(AppConfig):
    """The home page, section pages, tag pages and site settings."""

    name = "newsdesk.sections"
    label = "sections"
    verbose_name = "Sections"

    def ready(self):
        # The handlers import models, which Django allows only once every app is loaded.
        from newsdesk.sections import signal_handlers as handlers  # noqa: PLC0415

        for signal in (post_save, post_delete):
            signal.connect(handlers.purge_reader_caches, sender="sections.PublicationSettings")
