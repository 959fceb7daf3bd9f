"""Forgiving pagination for reader listings: `?page=abc` or `?page=-1` never becomes a 500."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404

PER_PAGE = 12


def paginate(items, request, per_page: int = PER_PAGE):
    """The requested page of `items`; junk numbers give page 1, numbers past the end give 404."""
    paginator = Paginator(items, per_page)
    raw = request.GET.get("page", "1")
    try:
        return paginator.page(raw)
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        if str(raw).lstrip("-").isdigit() and int(raw) < 1:
            return paginator.page(1)
        raise Http404("No such page of results.") from None
