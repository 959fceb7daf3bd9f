"""The editor's view of an article's related list: what was computed and why, with pin and exclude."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_POST

from newsdesk.articles.models import ArticlePage
from newsdesk.core import pagecache
from newsdesk.discovery.models import RELATED_SHOWN, RelatedArticle

SEARCH_RESULTS = 10


def _editable_article(request, article_id):
    """The article, if the user may edit it (the one access check every view here makes first)."""
    article = get_object_or_404(ArticlePage, pk=article_id)
    if not article.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return article


def related_list(request, article_id):
    article = _editable_article(request, article_id)
    rows = (
        RelatedArticle.objects.filter(article=article)
        .select_related("related")
        .order_by("excluded", "-pinned", "-score", "related_id")
    )
    published = set(
        ArticlePage.objects.published().filter(pk__in=[row.related_id for row in rows]).values_list("pk", flat=True)
    )
    query = request.GET.get("q", "").strip()
    found = []
    if query:
        found = ArticlePage.objects.published().filter(title__icontains=query).exclude(pk=article.pk)
        found = list(found.order_by("-first_published_at")[:SEARCH_RESULTS])
    context = {
        "article": article,
        "rows": [(row, row.related_id in published) for row in rows],
        "shown": RELATED_SHOWN,
        "query": query,
        "found": found,
    }
    return TemplateResponse(request, "discovery/admin/related_list.html", context)


@require_POST
def change_related(request, article_id):
    """Pin, exclude or reset one related article (`action`: pin, exclude or reset; `related`: its page id)."""
    article = _editable_article(request, article_id)
    related = get_object_or_404(ArticlePage, pk=request.POST.get("related", "0") or 0)
    action = request.POST.get("action")
    if related.pk == article.pk or action not in ("pin", "exclude", "reset"):
        messages.error(request, "That change cannot be made.")
        return redirect("discovery_related", article_id=article.pk)
    row, created = RelatedArticle.objects.get_or_create(
        article=article, related=related, defaults={"reason": "chosen by an editor"}
    )
    row.pinned, row.excluded = action == "pin", action == "exclude"
    if action == "reset" and created:
        row.delete()
    else:
        row.save()
    if article.live:
        pagecache.purge(tags={pagecache.ARTICLE_TAG})  # readers see the list on the article page
    messages.success(
        request, f"“{related.title}”: {dict(pin='pinned', exclude='excluded', reset='left to the score')[action]}."
    )
    return redirect("discovery_related", article_id=article.pk)
