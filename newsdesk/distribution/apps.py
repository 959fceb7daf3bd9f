from django.apps import AppConfig


class DistributionConfig(AppConfig):
    """Feeds, sitemaps, structured data, social meta, ninjs and the read API."""

    name = "newsdesk.distribution"
    label = "distribution"
    verbose_name = "Distribution"

    def ready(self):
        # Imported here: signal receivers need the app registry ready.
        from newsdesk.distribution import signals

        signals.connect()
