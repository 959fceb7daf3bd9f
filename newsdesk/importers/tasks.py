from django_tasks import task

from newsdesk.articles.models import ArticlePage
from newsdesk.discovery import related
from newsdesk.entities.linking import EntityResolver, extract_and_link
from newsdesk.importers.models import ImportKind, ImportRecord

BATCH_SIZE = 64


@task()
def understand_imported_articles(source: str) -> int:
    """What an import from `source` brought in gets the treatment a saved article gets: its entities found
    (as suggestions for editors to confirm), then the related lists of every published article refreshed."""
    ids = list(
        ImportRecord.objects.of(source, ImportKind.ARTICLE).order_by("object_id").values_list("object_id", flat=True)
    )
    resolver = EntityResolver()
    for start in range(0, len(ids), BATCH_SIZE):
        extract_and_link(
            ArticlePage.objects.filter(pk__in=ids[start : start + BATCH_SIZE]).order_by("pk"), resolver=resolver
        )
    related.refresh_all()
    return len(ids)
