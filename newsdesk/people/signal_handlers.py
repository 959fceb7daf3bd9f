"""Side effects of changes to authors, one line each."""

from newsdesk.core import pagecache


def purge_reader_caches(sender, instance, raw=False, **kwargs):
    # A byline's name, role or photo shows on articles, listings, feeds and the API alike.
    if not raw:
        pagecache.purge(everything=True)
