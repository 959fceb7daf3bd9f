"""Plain records the parsers produce and the loaders write: no database, no Django models.

Body blocks are plain dicts shaped like StreamField data, except that images are referred to by
where they came from (`ImageRef`) until a loader resolves them to image ids.
"""

from dataclasses import dataclass, field
from datetime import datetime


@dataclass
class Problem:
    """Something a reader of the import report should know about one item."""

    action: str  # skipped | changed | warning | error
    reason: str


@dataclass
class SiteInfo:
    title: str = ""
    link: str = ""
    base_url: str = ""
    wxr_version: str = ""


@dataclass
class AuthorRecord:
    login: str
    display_name: str
    email: str = ""
    first_name: str = ""
    last_name: str = ""
    bio: str = ""
    source_id: str = ""
    is_guest: bool = False


@dataclass
class TermRecord:
    taxonomy: str  # category | post_tag
    slug: str
    name: str
    parent_slug: str = ""
    description: str = ""


@dataclass
class ImageRef:
    """An image the body or hero points at, by attachment id and/or URL."""

    attachment_id: str = ""
    src: str = ""
    alt: str = ""
    caption: str = ""
    credit: str = ""


@dataclass
class ItemRecord:
    """One WXR <item>: a post, page, attachment or something we do not import."""

    source_id: str
    post_type: str
    title: str = ""
    slug: str = ""
    link: str = ""
    guid: str = ""
    status: str = ""
    creator: str = ""
    coauthors: list[str] = field(default_factory=list)
    content: str = ""
    excerpt: str = ""
    published_at: datetime | None = None
    modified_at: datetime | None = None
    parent_id: str = ""
    menu_order: int = 0
    is_sticky: bool = False
    password: str = ""
    categories: list[tuple[str, str]] = field(default_factory=list)  # (slug, name)
    tags: list[str] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    old_slugs: list[str] = field(default_factory=list)  # every `_wp_old_slug`, oldest first
    attachment_url: str = ""
    comment_count: int = 0
    problems: list[Problem] = field(default_factory=list)
    converted: object = None  # the body as blocks (a markup.Conversion), when it was converted ahead

    def warn(self, reason: str):
        self.problems.append(Problem("warning", reason))

    def change(self, reason: str):
        self.problems.append(Problem("changed", reason))


@dataclass
class ArticleRecord:
    """What the single-page extractor found on one news page."""

    headline: str
    standfirst: str = ""
    bylines: list[str] = field(default_factory=list)
    published_at: datetime | None = None
    updated_at: datetime | None = None
    body: list[dict] = field(default_factory=list)
    hero: ImageRef | None = None
    source_url: str = ""
    section_hint: str = ""
    tags: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
