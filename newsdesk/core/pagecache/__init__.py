"""The reader-page cache: answered in the WSGI layer before Django, purged when readers could see a change.

    newsdesk/wsgi.py      application = with_page_cache(get_wsgi_application())
    a room's handler      pagecache.purge(paths, tags={ARTICLE_TAG})   or   pagecache.purge(everything=True)

policy.py says what may be kept, stores.py where it is kept, wsgi.py answers, purge.py invalidates.
"""

from django.conf import settings

from newsdesk.core.pagecache.policy import ARTICLE_TAG, CACHE_TAGS_HEADER
from newsdesk.core.pagecache.purge import purge
from newsdesk.core.pagecache.stores import page_store
from newsdesk.core.pagecache.tasks import frontend_caches_configured
from newsdesk.core.pagecache.wsgi import PageCacheApplication


def with_page_cache(application):
    if not settings.NEWSDESK_PAGE_CACHE:
        return application
    return PageCacheApplication(application, page_store())


__all__ = ["ARTICLE_TAG", "CACHE_TAGS_HEADER", "frontend_caches_configured", "page_store", "purge", "with_page_cache"]
