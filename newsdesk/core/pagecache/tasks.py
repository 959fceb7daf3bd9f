"""Telling Varnish or a CDN what changed: a task, so the database backend's worker does it at scale."""

from urllib.parse import urlsplit

from django.conf import settings
from django_tasks import task
from wagtail.contrib.frontend_cache.utils import get_backends
from wagtail.models import Site

# CloudFront invalidates a wildcard path; other URL-only backends have no "everything".
EVERYTHING_PATH = "/*"
# A queue of its own, with its own worker: a purge never waits behind search-index or reference-index
# updates (readers are waiting for it). Listed in settings.TASKS' QUEUES.
READER_CACHES_QUEUE = "reader-caches"


def frontend_caches_configured() -> bool:
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


@task(queue_name=READER_CACHES_QUEUE)
def purge_frontend_caches(paths: list, tags: list, everything: bool):
    roots = {site.root_url for site in Site.objects.all()}
    for backend in get_backends().values():
        banning = hasattr(backend, "ban")
        if banning:
            backend.ban(tags=tags, everything=everything)
        if everything:
            # The ban above covered Varnish; URL-only backends get the wildcard.
            urls = [] if banning else [root + EVERYTHING_PATH for root in roots]
        else:
            urls = [root + path for root in roots for path in paths]
        urls = [url for url in urls if backend.invalidates_hostname(urlsplit(url).netloc)]
        if urls:
            backend.purge_batch(urls)
