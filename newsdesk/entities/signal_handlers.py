"""Side effects on the entity registry, one line each (wired in apps.py); the work is in tasks.py."""

from functools import partial

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from newsdesk.articles.models import ArticlePage
from newsdesk.entities import tasks


def extract_saved_article(sender, instance, created=False, raw=False, **kwargs):
    # Every save of an article (a draft, a submission, a publish) makes a revision; its text is what changed.
    if created and not raw and settings.ENTITIES_EXTRACT_ON_SAVE and _is_article(instance):
        transaction.on_commit(partial(tasks.extract_article_entities.enqueue, int(instance.object_id)))


def _is_article(revision) -> bool:
    return revision.content_type_id == ContentType.objects.get_for_model(ArticlePage).pk
