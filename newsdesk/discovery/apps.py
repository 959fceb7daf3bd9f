from django.apps import AppConfig
from wagtail.signals import page_published


class DiscoveryConfig(AppConfig):
    """Site search, related articles and listings across sections."""

    name = "newsdesk.discovery"
    label = "discovery"
    verbose_name = "Discovery"

    def ready(self):
        # The handlers import models, which Django allows only once every app is loaded.
        from newsdesk.discovery import signal_handlers as handlers  # noqa: PLC0415

        page_published.connect(handlers.refresh_related, dispatch_uid="discovery-related")
