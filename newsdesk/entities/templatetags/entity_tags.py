from django import template

from newsdesk.entities import hubs

register = template.Library()


@register.inclusion_tag("entities/in_this_story.html")
def in_this_story(article):
    """Links to the hubs of what the article is about (published links only, so a preview of a draft shows none)."""
    return {"entities": hubs.story_entities(article)}
