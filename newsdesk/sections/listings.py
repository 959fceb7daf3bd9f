"""The listings shown on the home page and section pages."""

from newsdesk.articles.reading import published_articles, teaser_cards
from newsdesk.core.pagination import paginate

LATEST_PER_SECTION = 4
HOME_RECENT = 6


def lead_article(home):
    """The pinned lead if it is live, else the newest featured piece, else the newest piece."""
    pinned = home.lead_article
    if pinned is not None and pinned.live:
        return pinned
    return published_articles().featured().first() or published_articles().first()


def home_context(home) -> dict:
    from newsdesk.sections.models import SectionPage

    lead = lead_article(home)
    shown = {lead.pk} if lead else set()
    sections = list(SectionPage.objects.live().public().child_of(home).order_by("path"))
    per_section = []
    for section in sections:
        latest = list(published_articles().in_section(section).exclude(pk__in=shown)[:LATEST_PER_SECTION])
        shown.update(article.pk for article in latest)
        per_section.append((section, latest))
    recent = list(published_articles().exclude(pk__in=shown)[:HOME_RECENT])
    teaser_cards(([lead] if lead else []) + recent + [a for _, latest in per_section for a in latest])
    return {"lead_article": lead, "recent_articles": recent, "sections": sections, "section_listings": per_section}


def section_context(section, request) -> dict:
    page = paginate(published_articles().in_section(section), request)
    teaser_cards(page)
    return {"articles": page, "page_obj": page, "breadcrumbs": [section.get_parent(), section]}
