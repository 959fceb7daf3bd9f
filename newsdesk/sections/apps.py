from django.apps import AppConfig


class SectionsConfig(AppConfig):
    """The home page, section pages, tag pages and site settings."""

    name = "newsdesk.sections"
    label = "sections"
    verbose_name = "Sections"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from newsdesk.sections import signal_handlers as handlers

        for signal in (post_save, post_delete):
            signal.connect(handlers.purge_reader_caches, sender="sections.PublicationSettings")
