"""Side effects on the entity registry, one line each (wired in apps.py); the work is in tasks.py."""

import logging
import queue
import threading
from functools import partial

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connections, transaction
from django_tasks.backends.immediate import ImmediateBackend

from newsdesk.articles.models import ArticlePage
from newsdesk.entities import tasks

logger = logging.getLogger(__name__)


def extract_saved_article(sender, instance, created=False, raw=False, **kwargs):
    # Every save of an article (a draft, a submission, a publish) makes a revision; its text is what changed.
    if created and not raw and settings.ENTITIES_EXTRACT_ON_SAVE and _is_article(instance):
        transaction.on_commit(partial(queue_extraction, int(instance.object_id)))


def queue_extraction(article_id: int) -> None:
    """Queue the article's extraction. The embedded mode's immediate backend would run it inside the editor's
    request (the first one in a process also loads the language model), so there one worker thread runs them."""
    if isinstance(tasks.extract_article_entities.get_backend(), ImmediateBackend):
        _pending.put(article_id)
        _ensure_worker()
    else:
        tasks.extract_article_entities.enqueue(article_id)


# One thread at a time works through the articles saved in this process. It is not a daemon: a command that
# saved articles (`newsdesk demo`, an import) waits for their extraction before it exits, rather than the
# interpreter stopping the thread in the middle of the model's native code.
_pending: queue.SimpleQueue = queue.SimpleQueue()
_worker_lock = threading.Lock()
_worker: list = []


def _ensure_worker() -> None:
    with _worker_lock:
        if not _worker:
            thread = threading.Thread(target=_drain, name="entity-extraction")
            _worker.append(thread)
            thread.start()


def _drain() -> None:
    try:
        while True:
            try:
                article_id = _pending.get(timeout=1)
            except queue.Empty:
                with _worker_lock:
                    if _pending.empty():
                        _worker.clear()
                        return
                continue
            try:
                tasks.extract_article_entities.enqueue(article_id)
            except Exception:
                logger.exception("Entity extraction of article %s failed", article_id)
    finally:
        connections.close_all()


def _is_article(revision) -> bool:
    return revision.content_type_id == ContentType.objects.get_for_model(ArticlePage).pk
