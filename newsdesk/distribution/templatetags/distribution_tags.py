from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from newsdesk.core import fragments
from newsdesk.distribution.head import head_for

register = template.Library()


@register.simple_tag(takes_context=True)
def distribution_head(context):
    """The head's links, social cards and JSON-LD, kept as a fragment for the page, author or tag it is about."""
    request = context.get("request")
    subject = head_subject(context)
    key = fragments.key_for(request, "head", subject) if subject else None
    html = fragments.get(key) if key else None
    if html is None:
        html = render_to_string("distribution/head_tags.html", {"head": head_for(context)})
        if key:
            fragments.put(key, html)
    return mark_safe(html)  # noqa: S308 - rendered by the template above, which escapes


def head_subject(context) -> list | None:
    """What the head depends on beyond the generation: the subject, its revision and the listing page number."""
    request = context.get("request")
    number = request.GET.get("page", "") if request is not None else ""
    for name in ("page", "author", "tag"):
        subject = context.get(name)
        if subject is not None and getattr(subject, "pk", None) is not None:
            return [name, type(subject).__name__, subject.pk, getattr(subject, "latest_revision_id", ""), number]
    return None
