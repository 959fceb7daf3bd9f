from django.http import HttpResponseServerError
from django.template import loader


def server_error(request):
    # No database and no request context: the error may be the database itself.
    try:
        body = loader.get_template("500.html").render({})
    except Exception:  # a missing static manifest must not hide the real error behind a second one
        body = "<!DOCTYPE html><title>Something went wrong</title><h1>Something went wrong</h1>"
    return HttpResponseServerError(body)
