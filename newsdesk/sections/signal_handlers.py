"""Side effects of changes to the publication settings, one line each."""

from newsdesk.core import pagecache


def purge_reader_caches(sender, instance, created=False, raw=False, **kwargs):
    # The publication's name, logo and language show on every page and in every feed. The row Wagtail
    # creates with defaults on the first page view changes nothing readers have seen.
    if not raw and not created:
        pagecache.purge(everything=True)
