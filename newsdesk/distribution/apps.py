from django.apps import AppConfig


class DistributionConfig(AppConfig):
    """Feeds, sitemaps, structured data, social meta, ninjs and the read API."""

    name = "newsdesk.distribution"
    label = "distribution"
    verbose_name = "Distribution"
