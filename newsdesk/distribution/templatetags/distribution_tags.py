from django import template

from newsdesk.distribution.head import head_for

register = template.Library()


@register.inclusion_tag("distribution/head_tags.html", takes_context=True)
def distribution_head(context):
    return {"head": head_for(context)}
