"""Admin views: an article's entity review (a page of its own, and the panel on the edit screen) and merging.

Each action answers a fetch from the edit screen's panel with the panel's new HTML, so the editor's
unsaved edits stay in the form; a plain form post (the review page) is redirected back to the page.
"""

from functools import wraps

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_POST

from newsdesk.articles.models import ArticlePage
from newsdesk.entities import review
from newsdesk.entities.merging import merge
from newsdesk.entities.models import ArticleEntity, Entity, EntityKind
from newsdesk.entities.permissions import require

FETCH_HEADER = "X-Entities-Panel"


def panel_context(article, user) -> dict:
    links = list(ArticleEntity.objects.filter(article=article).for_panel())
    return {
        "article": article,
        "links": links,
        "suggested": [link for link in links if link.status == "suggested"],
        "kinds": EntityKind.choices,
        "may_change_kind": user.has_perm("entities.change_entity"),
        "may_merge": user.has_perm("entities.merge_entity"),
        "may_create": user.has_perm("entities.add_entity"),
    }


def article_entities(request, article_id):
    """The review page: every link of the article with its snippet, and the actions on it."""
    article = get_object_or_404(ArticlePage, pk=article_id)
    require(request.user, article)
    template = "entities/panel_body.html" if request.headers.get(FETCH_HEADER) else "entities/article_entities.html"
    return TemplateResponse(request, template, panel_context(article, request.user))


def panel_answers(view):
    """Refusals and mistakes come back as the panel's message (403 or 400) to the panel's fetch;
    a plain post gets the admin's usual refusal, or its message on the review page."""

    @wraps(view)
    def wrapped(request, article_id, *args, **kwargs):
        article = get_object_or_404(ArticlePage, pk=article_id)
        try:
            return view(request, article, *args, **kwargs)
        except PermissionDenied as denied:
            if not request.headers.get(FETCH_HEADER):
                raise
            return _answer(request, article, error=str(denied), status=403)
        except ValidationError as error:
            return _answer(request, article, error=" ".join(error.messages), status=400)

    return require_POST(wrapped)


@panel_answers
def link_action(request, article, link_id):
    link = get_object_or_404(ArticleEntity.objects.select_related("entity"), pk=link_id, article=article)
    action = request.POST.get("entities-action", "")
    require(request.user, article, permission=LINK_ACTION_PERMISSIONS.get(action))
    return _answer(request, article, message=_run(action, link, request))


# Actions that change the registry itself, not only this article's links.
LINK_ACTION_PERMISSIONS = {"kind": "change_entity", "merge": "merge_entity"}


def _run(action, link, request) -> str:
    name = link.entity.name
    if action == "confirm":
        review.confirm(link, curate=request.user.has_perm("entities.add_entity"))
        return f"{name}: confirmed."
    if action == "reject":
        review.reject(link)
        return f"{name}: rejected; it will not be suggested for this article again."
    if action in ("about", "mentions"):
        review.set_role(link, action)
        return f"{name}: the article {'is about' if action == 'about' else 'mentions'} it."
    if action == "kind":
        review.change_kind(link.entity, request.POST.get(f"entities-kind-{link.pk}", ""))
        return f"{name} is now a {link.entity.get_kind_display().lower()}."
    if action == "merge":
        target = review.merge_into(link, request.POST.get(f"entities-into-{link.pk}", ""))
        return f"{name} merged into {target.name}."
    raise ValidationError(f"Unknown action {action!r}.")


@panel_answers
def add_entity(request, article):
    require(request.user, article)
    link = review.add(
        article,
        request.POST.get("entities-name", ""),
        request.POST.get("entities-new-kind", ""),
        may_create=request.user.has_perm("entities.add_entity"),
    )
    return _answer(request, article, message=f"{link.entity.name}: added and confirmed.")


def _answer(request, article, *, message="", error="", status=200):
    if request.headers.get(FETCH_HEADER):
        context = {**panel_context(article, request.user), "message": message, "error": error}
        return TemplateResponse(request, "entities/panel_body.html", context, status=status)
    if error:
        messages.error(request, error)
    else:
        messages.success(request, message)
    return redirect("entities_article", article_id=article.pk)


class MergeForm(forms.Form):
    into = forms.ModelChoiceField(
        queryset=Entity.objects.all(),
        label="Merge into",
        help_text="The entity that stays. This one's name and aliases become its aliases, its articles move to it, "
        "and its address redirects to it.",
    )

    def __init__(self, *args, duplicate, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = Entity.objects.exclude(pk=duplicate.pk).order_by("name")


def merge_entity(request, entity_id):
    """Merge a duplicate (from the registry's edit screen) into the entity that stays."""
    duplicate = get_object_or_404(Entity, pk=entity_id)
    require(request.user, permission="merge_entity")
    form = MergeForm(request.POST or None, duplicate=duplicate)
    if request.method == "POST" and form.is_valid():
        into = form.cleaned_data["into"]
        name = duplicate.name
        merge(duplicate, into)
        messages.success(request, f"{name} merged into {into.name}.")
        return redirect(reverse("wagtailsnippets_entities_entity:edit", args=[into.pk]))
    return TemplateResponse(request, "entities/merge.html", {"entity": duplicate, "form": form})
