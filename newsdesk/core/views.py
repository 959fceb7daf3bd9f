import posixpath

from django.conf import settings
from django.http import Http404, HttpResponseServerError
from django.template import loader
from django.views.decorators.cache import cache_control
from django.views.static import serve

# Uploaded documents go out only through Wagtail's document view, which checks collection privacy.
UNSERVED_MEDIA_FOLDERS = ("documents/",)


def server_error(request):
    # No database and no request context: the error may be the database itself.
    try:
        body = loader.get_template("500.html").render({})
    except Exception:  # a missing static manifest must not hide the real error behind a second one
        body = "<!DOCTYPE html><title>Something went wrong</title><h1>Something went wrong</h1>"
    return HttpResponseServerError(body)


@cache_control(public=True, max_age=30 * 24 * 3600)
def serve_media(request, path):
    """Uploads in the embedded mode. Uploads and renditions never change under the same name, so
    browsers may keep them for a month."""
    if posixpath.normpath(path).lstrip("/").startswith(UNSERVED_MEDIA_FOLDERS):
        raise Http404("Documents are served at /documents/.")
    return serve(request, path, document_root=settings.MEDIA_ROOT)
