from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class ImagesConfig(AppConfig):
    """The image model with credit, source, licence and required alt text."""

    name = "newsdesk.images"
    label = "images"
    verbose_name = "Images"

    def ready(self):
        # The handlers import models, which Django allows only once every app is loaded.
        from newsdesk.images import signal_handlers as handlers  # noqa: PLC0415

        for signal in (post_save, post_delete):
            signal.connect(handlers.purge_reader_caches, sender="images.NewsImage")
