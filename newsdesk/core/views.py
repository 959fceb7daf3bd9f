from django.shortcuts import render
from django.template import loader
from django.http import HttpResponseServerError


def page_not_found(request, exception=None):
    from newsdesk.articles.reading import recent_articles

    return render(request, "404.html", {"recent_articles": recent_articles()}, status=404)


def server_error(request):
    # Kept free of database work: the error may be the database itself.
    return HttpResponseServerError(loader.get_template("500.html").render({}))
