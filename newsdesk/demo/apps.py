from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo desk content, written by us, with locally generated images."""

    name = "newsdesk.demo"
    label = "demo"
    verbose_name = "Demo"
