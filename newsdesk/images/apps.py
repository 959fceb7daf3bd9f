from django.apps import AppConfig


class ImagesConfig(AppConfig):
    """The image model with credit, source, licence and required alt text."""

    name = "newsdesk.images"
    label = "images"
    verbose_name = "Images"
