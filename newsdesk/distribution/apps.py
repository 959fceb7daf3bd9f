from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save, pre_save
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from newsdesk.entities.signals import links_shown_changed


class DistributionConfig(AppConfig):
    """Feeds, sitemaps, structured data, social meta, ninjs and the read API."""

    name = "newsdesk.distribution"
    label = "distribution"
    verbose_name = "Distribution"

    def ready(self):
        # The handlers import models, which Django allows only once every app is loaded.
        from newsdesk.distribution import signal_handlers as handlers  # noqa: PLC0415

        page_unpublished.connect(handlers.note_unpublished, dispatch_uid="distribution-unpublished")
        post_page_move.connect(handlers.note_page_left, dispatch_uid="distribution-moved")
        post_delete.connect(handlers.note_page_left, dispatch_uid="distribution-deleted")
        for signal, uid in ((post_save, "restricted"), (post_delete, "unrestricted")):
            signal.connect(
                handlers.note_restriction_changed,
                sender="wagtailcore.PageViewRestriction",
                dispatch_uid=f"distribution-{uid}",
            )
        # Reader caches: publish (also a schedule going live), unpublish (also expiry and delete: Wagtail
        # unpublishes a live page before deleting it) and move, before and after.
        pre_save.connect(handlers.remember_reader_paths, sender="articles.ArticlePage")
        for signal in (page_published, page_unpublished, pre_page_move, post_page_move):
            signal.connect(handlers.purge_changed_page)
        # Readers' pages only read renditions: the worker makes them when an article goes out.
        page_published.connect(handlers.make_article_renditions, dispatch_uid="distribution-renditions")
        for model in ("people.Author", "entities.Entity"):
            post_save.connect(handlers.make_photo_renditions, sender=model, dispatch_uid=f"distribution-photo-{model}")
        post_save.connect(
            handlers.make_logo_renditions, sender="sections.PublicationSettings", dispatch_uid="distribution-logo"
        )
        # Entities: an edit or merge shows on hubs and articles; a link shows once confirmed (see entities/models.py).
        for model in ("entities.Entity", "entities.EntityAlias", "entities.FormerSlug"):
            for signal in (post_save, post_delete):
                signal.connect(handlers.purge_entity_changed, sender=model)
        post_save.connect(handlers.purge_link_saved, sender="entities.ArticleEntity")
        post_delete.connect(handlers.purge_link_deleted, sender="entities.ArticleEntity")
        links_shown_changed.connect(handlers.purge_links_changed, dispatch_uid="distribution-links")
