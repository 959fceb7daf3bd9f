"""Everything the demo desk publishes, as data: the loader reads it, nothing here touches the database."""

from newsdesk.demo.content import business, global_affairs, technology
from newsdesk.demo.content.desk import ABOUT_PAGE, AUTHORS, PUBLICATION, PUBLICATION_LOGO, SECTIONS
from newsdesk.demo.content.entities import ENTITIES
from newsdesk.demo.content.images import IMAGES
from newsdesk.demo.content.lead import LEAD

ARTICLES = [LEAD, *global_affairs.ARTICLES, *business.ARTICLES, *technology.ARTICLES]

__all__ = [
    "ABOUT_PAGE",
    "ARTICLES",
    "AUTHORS",
    "ENTITIES",
    "IMAGES",
    "LEAD",
    "PUBLICATION",
    "PUBLICATION_LOGO",
    "SECTIONS",
]
