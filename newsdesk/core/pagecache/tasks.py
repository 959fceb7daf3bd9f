"""Telling Varnish or a CDN what changed: a task, so the database backend's worker does it at scale."""

from django.conf import settings
from django_tasks import task
from wagtail.contrib.frontend_cache.utils import get_backends, purge_urls_from_cache
from wagtail.models import Site

# CloudFront invalidates a wildcard path; other URL-only backends have no "everything".
EVERYTHING_PATH = "/*"


def frontend_caches_configured() -> bool:
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


@task()
def purge_frontend_caches(paths: list, tags: list, everything: bool):
    backends = get_backends()
    banning = {name for name, backend in backends.items() if hasattr(backend, "ban")}
    for name in banning:
        backends[name].ban(tags=tags, everything=everything)
    roots = {site.root_url for site in Site.objects.all()}
    if everything:
        # The bans above covered Varnish; URL-only backends get the wildcard.
        urls = [root + EVERYTHING_PATH for root in roots]
        purge_urls_from_cache(urls, backends=[name for name in backends if name not in banning])
    else:
        purge_urls_from_cache([root + path for root in roots for path in paths])
