from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save, pre_save
from wagtail.signals import page_published, post_page_move

from newsdesk.entities.signals import links_shown_changed

SITE_SEARCH_UID = "discovery-index-saved"


class DiscoveryConfig(AppConfig):
    """Site search, related articles and listings across sections."""

    name = "newsdesk.discovery"
    label = "discovery"
    verbose_name = "Discovery"

    def ready(self):
        # The handlers import models, which Django allows only once every app is loaded.
        from newsdesk.discovery import signal_handlers as handlers  # noqa: PLC0415

        post_save.connect(handlers.index_saved_page, dispatch_uid=SITE_SEARCH_UID)
        page_published.connect(handlers.index_articles_below, dispatch_uid="discovery-index-below")
        post_page_move.connect(handlers.index_moved_page, dispatch_uid="discovery-index-moved")
        for signal, uid in ((post_save, "restricted"), (post_delete, "unrestricted")):
            signal.connect(
                handlers.index_restricted_pages,
                sender="wagtailcore.PageViewRestriction",
                dispatch_uid=f"discovery-index-{uid}",
            )
        page_published.connect(handlers.refresh_related, dispatch_uid="discovery-related")
        link = "entities.ArticleEntity"
        post_save.connect(handlers.refresh_related_after_link_saved, sender=link, dispatch_uid="discovery-link-saved")
        post_delete.connect(
            handlers.refresh_related_after_link_deleted, sender=link, dispatch_uid="discovery-link-deleted"
        )
        links_shown_changed.connect(handlers.refresh_related_after_links_changed, dispatch_uid="discovery-links")
        entity = "entities.Entity"
        pre_save.connect(handlers.remember_entity_slug, sender=entity, dispatch_uid="discovery-entity-before")
        post_save.connect(handlers.reindex_after_entity_renamed, sender=entity, dispatch_uid="discovery-entity-renamed")
