"""The entities panel on the article edit screen: the suggestions to review, without leaving the form."""

from wagtail.admin.panels import Panel

from newsdesk.entities.permissions import can_review


class EntitiesPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "entities/panel.html"

        def get_context_data(self, parent_context=None):
            # Imported here: panels are declared while models load, views need every model loaded.
            from newsdesk.entities.views import panel_context  # noqa: PLC0415

            context = super().get_context_data(parent_context)
            article = self.instance
            user = getattr(self.request, "user", None)
            context["reviewable"] = bool(article.pk) and user is not None and can_review(user, article)
            if context["reviewable"]:
                context.update(panel_context(article, user))
            return context
