"""Side effects of changes to authors, one line each."""

from newsdesk.core import pagecache
from newsdesk.people.models import Author


def purge_reader_caches(sender, instance, created=False, raw=False, **kwargs):
    # A byline's name, role or photo shows on articles, listings, feeds and the API alike. A new author
    # shows nowhere until an article names them, and publishing that article purges.
    if not raw and not (created and isinstance(instance, Author)):
        pagecache.purge(everything=True)
