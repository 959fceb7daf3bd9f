"""Side effects of publishing on discovery, one line each (wired in apps.py); the work is in tasks.py."""

from functools import partial

from django.db import transaction

from newsdesk.articles.models import ArticlePage
from newsdesk.discovery import tasks


def refresh_related(sender, instance, **kwargs):
    # After the commit, so the task reads the article as published (and its links as confirmed).
    if isinstance(instance, ArticlePage):
        transaction.on_commit(partial(tasks.refresh_related_articles.enqueue, instance.pk))
