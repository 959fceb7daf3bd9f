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
# recasting (about or mentions) a link on a published article recomputes its list, as publishing does. One
# link saved on its own (an editor's review) sends post_save; the extractor's bulk writes send one
# links_shown_changed per article, so an article with thirty new links is refreshed and reindexed once.
def refresh_related_after_link_saved(sender, instance, raw=False, **kwargs):
    if not raw and instance.shown_as() != getattr(instance, "shown_before_save", None):
        _refresh_and_reindex(instance.article_id)


def refresh_related_after_link_deleted(sender, instance, **kwargs):
    if instance.shown_as() is not None:
        _refresh_and_reindex(instance.article_id)


def refresh_related_after_links_changed(sender, article_id, **kwargs):
    _refresh_and_reindex(article_id)


def _refresh_and_reindex(article_id: int) -> None:
    _refresh_if_published(article_id)
    _reindex_after_commit([article_id])


def _refresh_if_published(article_id: int) -> None:
    if ArticlePage.objects.published().filter(pk=article_id).exists():
        transaction.on_commit(partial(tasks.refresh_related_articles.enqueue, article_id))


# The search document carries the slugs of the entities readers see (the entity facet): a change of what shows
# (above) or of an entity's slug rewrites the documents of its articles, drafts included for editors' search.
def _reindex_after_commit(article_ids) -> None:
    if article_ids:
        transaction.on_commit(partial(tasks.update_search_documents.enqueue, list(article_ids)))


def remember_entity_slug(sender, instance, raw=False, update_fields=None, **kwargs):
    instance._search_slug_before = None
    if raw or not instance.pk or (update_fields is not None and "slug" not in update_fields):
        return
    instance._search_slug_before = sender.objects.filter(pk=instance.pk).values_list("slug", flat=True).first()


def reindex_after_entity_renamed(sender, instance, raw=False, created=False, **kwargs):
    before = getattr(instance, "_search_slug_before", None)
    if raw or created or before is None or before == instance.slug:
        return
    ids = ArticleEntity.objects.shown().filter(entity=instance).values_list("article_id", flat=True)
    _reindex_after_commit(sorted(set(ids)))
