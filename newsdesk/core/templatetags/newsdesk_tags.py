from django import template
from django.utils.safestring import mark_safe

from newsdesk.core import fragments, languages
from newsdesk.core.dates import iso_datetime
from newsdesk.core.html import with_auto_direction

register = template.Library()


@register.filter
def dir_auto(html):
    """`{{ value|richtext|dir_auto }}`: right-to-left paragraphs render right to left."""
    return with_auto_direction(html)


@register.filter
def text_direction(language_code):
    """ "rtl" or "ltr" for a language code: `<article lang="ar" dir="{{ "ar"|text_direction }}">`."""
    return languages.text_direction(language_code)


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


@register.tag
def fragment(parser, token):
    """`{% fragment "recent" page.pk %}…{% endfragment %}`: the enclosed output, kept between requests.

    Keyed by the name, the values after it and the page cache's generation (see core/fragments.py):
    name every value the output depends on that a purge does not cover, such as the page and revision.
    """
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% fragment %} needs a name")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(bit) for bit in bits[2:]])


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, vary):
        self.nodelist, self.name, self.vary = nodelist, name, vary

    def render(self, context):
        key = fragments.key_for(
            context.get("request"), self.name.resolve(context), [value.resolve(context) for value in self.vary]
        )
        if key is None:
            return self.nodelist.render(context)
        html = fragments.get(key)
        if html is None:
            html = self.nodelist.render(context)
            fragments.put(key, html)
        return mark_safe(html)  # noqa: S308 - the template's own output, escaped when it was rendered
