from django.apps import AppConfig


class DiscoveryConfig(AppConfig):
    """Site search, related articles and listings across sections."""

    name = "newsdesk.discovery"
    label = "discovery"
    verbose_name = "Discovery"
