import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings")

django_application = get_wsgi_application()

# Imported once Django's apps are loaded (the line above): the cache's purge task names Wagtail's models.
from newsdesk.core.pagecache import with_page_cache  # noqa: E402

# Anonymous reader requests are answered from the page cache before Django is entered (core/pagecache).
application = with_page_cache(django_application)
