"""Keep the search index in step with the pages: one short handler each, wired in apps.py; the work is a task.

Through django-tasks the work runs inline (immediate backend) or in the worker, enqueued in the same
transaction as the change. Readers are safe meanwhile: the query layer applies the published() rule.
"""

from functools import partial

from django.db import transaction

from newsdesk.articles.models import ArticlePage
from newsdesk.discovery import tasks
from newsdesk.entities.models import ArticleEntity


def index_saved_page(sender, instance, raw=False, **kwargs):
    # Every save of an article: create, draft edit, publish, schedule, unpublish, expiry.
    if not raw and isinstance(instance, ArticlePage):
        tasks.update_search_documents.enqueue([instance.pk])


def index_articles_below(sender, instance, **kwargs):
    # A section (or any page above articles) published: its slug, which articles carry as a facet, may have changed.
    if not isinstance(instance, ArticlePage):
        tasks.update_search_documents_below.enqueue(instance.pk)


def index_moved_page(sender, instance, **kwargs):
    # The signal may carry the plain Page: the task finds out whether it is an article.
    tasks.update_search_documents.enqueue([instance.pk])
    tasks.update_search_documents_below.enqueue(instance.pk)


def index_restricted_pages(sender, instance, **kwargs):
    tasks.update_search_documents_below.enqueue(instance.page_id)


def refresh_related(sender, instance, **kwargs):
    # After the commit, so the task reads the article as published (and its links as confirmed).
    if isinstance(instance, ArticlePage):
        transaction.on_commit(partial(tasks.refresh_related_articles.enqueue, instance.pk))


# An article's entities, as readers see them, are half of what relates it to others: confirming, rejecting or
# recasting (about or mentions) a link on a published article recomputes its list, as publishing does.
def remember_link_shown(sender, instance, raw=False, **kwargs):
    before = ArticleEntity.objects.filter(pk=instance.pk).first() if instance.pk and not raw else None
    instance._related_shown_before = before.shown_as() if before is not None else None


def refresh_related_after_link_saved(sender, instance, raw=False, **kwargs):
    if not raw and instance.shown_as() != getattr(instance, "_related_shown_before", None):
        _refresh_if_published(instance.article_id)


def refresh_related_after_link_deleted(sender, instance, **kwargs):
    if instance.shown_as() is not None:
        _refresh_if_published(instance.article_id)


def _refresh_if_published(article_id: int) -> None:
    if ArticlePage.objects.published().filter(pk=article_id).exists():
        transaction.on_commit(partial(tasks.refresh_related_articles.enqueue, article_id))
