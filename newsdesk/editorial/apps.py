from django.apps import AppConfig


class EditorialConfig(AppConfig):
    """Roles, workflow, scheduling, embargo and audit."""

    name = "newsdesk.editorial"
    label = "editorial"
    verbose_name = "Editorial"

    def ready(self):
        from django.contrib.auth import get_user_model
        from django.contrib.auth.signals import user_logged_in, user_login_failed
        from django.db.models.signals import m2m_changed, post_migrate, post_save, pre_save
        from wagtail.models import get_page_models
        from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

        from newsdesk.editorial import signal_handlers as handlers

        post_migrate.connect(handlers.grant_administrators_everything, sender=self)
        post_save.connect(handlers.provision_desk_for_new_section, sender="sections.SectionPage")
        m2m_changed.connect(handlers.audit_role_change, sender=get_user_model().groups.through)
        user_login_failed.connect(handlers.audit_login_failure)
        user_logged_in.connect(handlers.mark_second_factor_verified)
        for page_model in get_page_models():
            pre_save.connect(handlers.sanitise_rich_text, sender=page_model)
        # Reader caches: publish (also a schedule going live), unpublish (also expiry and delete: Wagtail
        # unpublishes a live page before deleting it) and move, before and after.
        pre_save.connect(handlers.remember_reader_paths, sender="articles.ArticlePage")
        for signal in (page_published, page_unpublished, pre_page_move, post_page_move):
            signal.connect(handlers.purge_changed_page)
