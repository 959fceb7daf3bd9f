"""Side effects of changes to the publication settings, one line each."""

from newsdesk.core import pagecache


def purge_reader_caches(sender, instance, raw=False, **kwargs):
    # The publication's name, logo and language show on every page and in every feed.
    if not raw:
        pagecache.purge(everything=True)
