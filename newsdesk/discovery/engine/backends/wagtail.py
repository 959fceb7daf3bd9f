"""OpenSearch or Elasticsearch through Wagtail's search backend (NEWSDESK_SEARCH_BACKEND=opensearch|elasticsearch).

The engine ranks, with Wagtail's query classes built from the ParsedQuery's plain words; facet fields
and text for snippets come from SearchDocument rows for the returned ids, so the query layer above
works unchanged. Prefixes are matched as whole words here (Wagtail's `autocomplete` needs its own
field set). Tests run this module against Wagtail's database backend, as no engine server runs here.
"""

import re

from django.db.models import Q
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Not, Phrase, PlainText

from newsdesk.articles.models import ArticlePage
from newsdesk.discovery.engine.backends.base import MARK_END, MARK_START, Candidate, Candidates, SearchBackend
from newsdesk.discovery.models import SearchDocument

SNIPPET_CHARS = 220


def wagtail_query(parsed):
    parts = [PlainText(term) for term in parsed.terms] + [Phrase(" ".join(phrase)) for phrase in parsed.phrases]
    if parsed.prefix:
        parts.append(PlainText(parsed.prefix))
    parts += [Not(Phrase(excluded) if " " in excluded else PlainText(excluded)) for excluded in parsed.excluded]
    return parts[0] if len(parts) == 1 else And(parts)


def visible_documents(filters):
    documents = SearchDocument.objects.all()
    if filters.readers:
        documents = documents.filter(live=True, is_public=True).filter(
            Q(go_live_at__isnull=True) | Q(go_live_at__lte=filters.now),
            Q(expire_at__isnull=True) | Q(expire_at__gt=filters.now),
        )
    return documents


class WagtailBackend(SearchBackend):
    name = "opensearch"

    def candidates(self, parsed, filters, limit, *, ranked=True):
        pages = ArticlePage.objects.published() if filters.readers else ArticlePage.objects.all()
        found = get_search_backend().search(wagtail_query(parsed), pages.only("pk"), operator="and")
        scores = {page.pk: float(page.score or 0) for page in found.annotate_score("score")[:limit]}
        rows = visible_documents(filters).filter(page_id__in=list(scores))
        return Candidates(
            Candidate(
                row.page_id,
                scores[row.page_id],
                row.headline,
                row.section,
                row.kind,
                row.authors,
                row.tags,
                row.year,
                row.published_at.timestamp() if row.published_at else None,
                row.entities,
            )
            for row in rows.defer("body", "standfirst", "meta")
        )

    def snippets(self, parsed, page_ids):
        words = [word for word in parsed.positive_words if word]
        bodies = SearchDocument.objects.filter(page_id__in=page_ids).values_list("page_id", "body")
        return {page_id: marked_extract(body, words) for page_id, body in bodies}


def marked_extract(body: str, words: list[str]) -> str:
    """About SNIPPET_CHARS of `body` around the first matched word, every matched word between markers."""
    if not words:
        return body[:SNIPPET_CHARS]
    pattern = re.compile(r"\b(" + "|".join(re.escape(word) for word in words) + r")\w*", re.IGNORECASE)
    first = pattern.search(body)
    start = max(0, (first.start() if first else 0) - SNIPPET_CHARS // 3)
    extract = body[start : start + SNIPPET_CHARS]
    extract = pattern.sub(lambda match: f"{MARK_START}{match.group(0)}{MARK_END}", extract)
    return ("…" if start else "") + extract + ("…" if start + SNIPPET_CHARS < len(body) else "")
