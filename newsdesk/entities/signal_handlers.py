"""Side effects on the entity registry, one line each (wired in apps.py); the work is in tasks.py."""

import threading
from functools import partial

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connections, transaction
from django_tasks.backends.immediate import ImmediateBackend

from newsdesk.articles.models import ArticlePage
from newsdesk.entities import tasks


def extract_saved_article(sender, instance, created=False, raw=False, **kwargs):
    # Every save of an article (a draft, a submission, a publish) makes a revision; its text is what changed.
    if created and not raw and settings.ENTITIES_EXTRACT_ON_SAVE and _is_article(instance):
        transaction.on_commit(partial(queue_extraction, int(instance.object_id)))


def queue_extraction(article_id: int) -> None:
    """Queue the article's extraction. The embedded mode's immediate backend would run it inside the editor's
    request (the first one in a process also loads the language model), so there it runs on a thread of its own."""
    if isinstance(tasks.extract_article_entities.get_backend(), ImmediateBackend):
        threading.Thread(target=_extract_beside_request, args=(article_id,), daemon=True).start()
    else:
        tasks.extract_article_entities.enqueue(article_id)


def _extract_beside_request(article_id: int) -> None:
    try:
        tasks.extract_article_entities.enqueue(article_id)
    finally:
        connections.close_all()


def _is_article(revision) -> bool:
    return revision.content_type_id == ContentType.objects.get_for_model(ArticlePage).pk
