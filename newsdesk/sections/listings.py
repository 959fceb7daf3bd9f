"""The listings shown on the home page and section pages."""

from newsdesk.core.pagination import paginate

LATEST_PER_SECTION = 4
HOME_RECENT = 8


def _articles():
    from newsdesk.articles.models import ArticlePage

    return ArticlePage.objects.live().public().recent().for_listing()


def home_context(home) -> dict:
    from newsdesk.sections.models import SectionPage

    lead = home.lead_article if home.lead_article_id and home.lead_article and home.lead_article.live else None
    recent = list(_articles()[: HOME_RECENT + 1])
    if lead is None and recent:
        lead = recent[0]
    recent = [a for a in recent if lead is None or a.pk != lead.pk][:HOME_RECENT]
    sections = list(SectionPage.objects.live().public().child_of(home).order_by("path"))
    per_section = [(section, list(_articles().in_section(section)[:LATEST_PER_SECTION])) for section in sections]
    return {"lead_article": lead, "recent_articles": recent, "sections": sections, "section_listings": per_section}


def section_context(section, request) -> dict:
    page = paginate(_articles().in_section(section), request)
    return {"articles": page, "page_obj": page}
