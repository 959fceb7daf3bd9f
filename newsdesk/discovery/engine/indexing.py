"""Articles into SearchDocument rows: their text by weight and their facet fields.

`index_pages` is what the task queue, the rebuild command and tests call; it writes many articles
with a fixed number of queries (bylines, tags, sections and view restrictions read once per batch).
"""

import html
import re
from collections import Counter

from django.db import transaction
from django.db.models import Prefetch
from django.utils.html import strip_tags
from wagtail.models import Page, PageViewRestriction

from newsdesk.articles.models import ArticleByline, ArticlePage
from newsdesk.discovery.engine.query import words_of
from newsdesk.discovery.models import SearchDocument, SearchTerm

# Block values that are references or layout, not words a reader would search for.
SKIPPED_KEYS = {"anchor", "level", "image", "article", "embed", "source_url", "first_row_is_table_header"}
SPACES = re.compile(r"\s+")
# Control characters and the snippet markers (backends/base.py) never reach the index.
UNINDEXED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ue000\ue001]")
MIN_VOCABULARY_WORD = 3
MAX_VOCABULARY_WORD = 64


def block_text(value) -> list[str]:
    """Every string a reader could read in a StreamField block value, HTML tags removed."""
    if isinstance(value, str):
        return [html.unescape(strip_tags(value))]
    if isinstance(value, dict):
        return [text for key, item in value.items() if key not in SKIPPED_KEYS for text in block_text(item)]
    if isinstance(value, list):
        return [text for item in value for text in block_text(item)]
    return []


def body_text(article) -> str:
    parts = [text for block in (article.body.raw_data or []) for text in block_text(block.get("value"))]
    return SPACES.sub(" ", UNINDEXED.sub(" ", " ".join(parts))).strip()


def bar_joined(slugs) -> str:
    return f"|{'|'.join(slugs)}|" if slugs else ""


def document_for(article, section_slug: str, is_public: bool) -> SearchDocument:
    authors = [byline.author for byline in article.ordered_bylines]
    tags = article.tag_list
    published_at = article.first_published_at or article.go_live_at
    return SearchDocument(
        page_id=article.pk,
        headline=article.title,
        standfirst=article.standfirst or "",
        meta=" ".join([tag.name for tag in tags] + [author.name for author in authors]),
        body=body_text(article),
        section=section_slug,
        kind=article.kind,
        authors=bar_joined([author.slug for author in authors]),
        tags=bar_joined([tag.slug for tag in tags]),
        year=published_at.year if published_at else None,
        published_at=published_at,
        live=article.live,
        is_public=is_public,
        go_live_at=article.go_live_at,
        expire_at=article.expire_at,
        owner_id=article.owner_id,
        path=article.path,
    )


def articles_for_indexing(page_ids):
    bylines = ArticleByline.objects.select_related("author")
    return ArticlePage.objects.filter(pk__in=page_ids).prefetch_related(Prefetch("bylines", bylines), "tags")


def restricted_paths() -> list[str]:
    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


def section_slugs(articles) -> dict[str, str]:
    """Parent path -> slug, for the sections above `articles`, in one query."""
    parents = {article.path[: -article.steplen] for article in articles}
    return dict(Page.objects.filter(path__in=parents).values_list("path", "slug"))


def index_pages(page_ids) -> int:
    """Write (or drop) the search documents of `page_ids`; pages that are gone or not articles are dropped."""
    page_ids = list(page_ids)
    articles = list(articles_for_indexing(page_ids))
    sections = section_slugs(articles)
    restrictions = restricted_paths()
    documents = [
        document_for(
            article,
            sections.get(article.path[: -article.steplen], ""),
            not any(article.path.startswith(path) for path in restrictions),
        )
        for article in articles
    ]
    with transaction.atomic():
        # Delete then insert: both full-text indexes follow through their triggers or generated column.
        SearchDocument.objects.filter(page_id__in=page_ids).delete()
        SearchDocument.objects.bulk_create(documents)
        add_vocabulary(documents)
    return len(documents)


def vocabulary_of(documents) -> Counter:
    counts = Counter()
    for document in documents:
        text = f"{document.headline} {document.standfirst} {document.meta}"
        counts.update(
            {
                word
                for word in words_of(text)
                if MIN_VOCABULARY_WORD <= len(word) <= MAX_VOCABULARY_WORD and not word.isdigit()
            }
        )
    return counts


def add_vocabulary(documents) -> None:
    """Count the documents' words into SearchTerm. Counts only grow between rebuilds: a word an edit
    removed stays suggestible, and a suggestion is shown only when it finds articles."""
    counts = vocabulary_of(documents)
    if not counts:
        return
    existing = SearchTerm.objects.in_bulk(list(counts))
    for term, count in counts.items():
        if term in existing:
            existing[term].documents += count
    SearchTerm.objects.bulk_update(existing.values(), ["documents"], batch_size=500)
    SearchTerm.objects.bulk_create(
        [SearchTerm(term=term, documents=count) for term, count in counts.items() if term not in existing],
        batch_size=500,
        ignore_conflicts=True,
    )


BATCH_SIZE = 500


def article_ids_below(page) -> list[int]:
    return list(ArticlePage.objects.descendant_of(page).values_list("pk", flat=True))


def index_pages_below(page_id: int) -> int:
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return 0
    ids = article_ids_below(page)
    return sum(index_pages(ids[start : start + BATCH_SIZE]) for start in range(0, len(ids), BATCH_SIZE))
