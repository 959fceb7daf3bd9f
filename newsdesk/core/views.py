from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader


def page_not_found(request, exception=None):
    from newsdesk.articles.reading import recent_articles, teaser_cards

    return render(request, "404.html", {"recent_articles": teaser_cards(recent_articles())}, status=404)


def server_error(request):
    # No database and no request context: the error may be the database itself.
    try:
        body = loader.get_template("500.html").render({})
    except Exception:  # a missing static manifest must not hide the real error behind a second one
        body = "<!DOCTYPE html><title>Something went wrong</title><h1>Something went wrong</h1>"
    return HttpResponseServerError(body)
