from django import template
from wagtail.models import Site

from newsdesk.sections.models import SectionPage

register = template.Library()


@register.inclusion_tag("sections/navigation.html", takes_context=True)
def section_navigation(context):
    """The site's sections, in the order editors arranged them in the page tree."""

    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    sections = SectionPage.objects.live().public().order_by("path")
    if site is not None:
        sections = sections.descendant_of(site.root_page, inclusive=False)
    current = context.get("page")
    current_path = getattr(current, "path", "")
    return {
        "sections": [(section, current_path.startswith(section.path)) for section in sections],
    }
