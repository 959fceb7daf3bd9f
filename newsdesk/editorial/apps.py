from django.apps import AppConfig
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.db.models.signals import m2m_changed, post_migrate, post_save, pre_save

# Besides pages, every model whose text editors type and outputs publish (feeds, sitemaps, the API).
TEXT_MODELS = [
    "articles.ArticleCorrection",
    "people.Author",
    "people.AuthorLink",
    "images.NewsImage",
    "sections.PublicationSettings",
    "wagtailcore.Site",
    "taggit.Tag",
]


class EditorialConfig(AppConfig):
    """Roles, workflow, scheduling, embargo and audit."""

    name = "newsdesk.editorial"
    label = "editorial"
    verbose_name = "Editorial"

    def ready(self):
        # These modules define or import models, which Django allows only once every app is loaded.
        from wagtail.models import Page, get_page_models  # noqa: PLC0415
        from wagtail.permissions import register_permission_policy  # noqa: PLC0415

        from newsdesk.editorial import signal_handlers as handlers  # noqa: PLC0415
        from newsdesk.editorial.drafts import DraftAwarePagePermissionPolicy  # noqa: PLC0415

        register_permission_policy(Page, DraftAwarePagePermissionPolicy(Page))
        post_migrate.connect(handlers.grant_administrators_everything, sender=self)
        post_save.connect(handlers.provision_desk_for_new_section, sender="sections.SectionPage")
        m2m_changed.connect(handlers.audit_role_change, sender=get_user_model().groups.through)
        user_login_failed.connect(handlers.audit_login_failure)
        user_logged_in.connect(handlers.mark_second_factor_verified)
        for model in [*get_page_models(), *TEXT_MODELS]:
            pre_save.connect(handlers.sanitise_text, sender=model)
        pre_save.connect(handlers.give_tag_a_slug, sender="taggit.Tag")
