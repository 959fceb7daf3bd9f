from django import template

from newsdesk.core.dates import iso_datetime
from newsdesk.core.html import with_auto_direction

register = template.Library()


@register.filter
def dir_auto(html):
    """`{{ value|richtext|dir_auto }}`: right-to-left paragraphs render right to left."""
    return with_auto_direction(html)


@register.filter
def isotime(value):
    """`<time datetime="{{ page.published_at|isotime }}">`."""
    return iso_datetime(value)


@register.inclusion_tag("core/pagination.html", takes_context=True)
def pagination(context, page_obj):
    """Previous/next links that keep the other query parameters (e.g. the search terms)."""
    request = context["request"]

    def link(number):
        query = request.GET.copy()
        query["page"] = number
        return f"?{query.urlencode()}"

    return {
        "page_obj": page_obj,
        "prev_url": link(page_obj.previous_page_number()) if page_obj.has_previous() else "",
        "next_url": link(page_obj.next_page_number()) if page_obj.has_next() else "",
    }
