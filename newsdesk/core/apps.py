from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class CoreConfig(AppConfig):
    """Base templates, theme, shared blocks and helpers, and the newsdesk command."""

    name = "newsdesk.core"
    label = "core"
    verbose_name = "Core"

    def ready(self):
        from newsdesk.core import ids  # noqa: PLC0415

        ids.register()  # `<id:…>` in URL patterns, which are read after every app is ready
        # The page cache's tasks module declares a task, which Django allows only once every app is loaded.
        from newsdesk.core.pagecache.purge import purge_everything  # noqa: PLC0415

        # A site's host, port or root page decides every reader address, and the memo keeps sites (core/memo.py).
        for signal in (post_save, post_delete):
            signal.connect(purge_everything, sender="wagtailcore.Site", dispatch_uid=f"core-site-{signal}")
