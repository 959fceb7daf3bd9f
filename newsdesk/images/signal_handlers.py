"""Side effects of changes to images, one line each."""

from newsdesk.core import pagecache

# Wagtail fills these in lazily while pages render; they change nothing a reader sees.
BOOKKEEPING_FIELDS = {"file_size", "file_hash"}


def purge_reader_caches(sender, instance, created=False, raw=False, update_fields=None, **kwargs):
    # Credit, alt text and caption show wherever the image does: articles, listings, feeds, the API. A new
    # upload shows nowhere until a page that uses it is published, which purges.
    if raw or created or (update_fields and set(update_fields) <= BOOKKEEPING_FIELDS):
        return
    pagecache.purge(everything=True)
