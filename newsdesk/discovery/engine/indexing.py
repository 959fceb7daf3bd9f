"""Articles into SearchDocument rows: their text by weight and their facet fields.

`index_pages` is what the task queue, the rebuild command and tests call; it writes many articles
with a fixed number of queries (bylines, tags, entities, sections and view restrictions read once per batch).
"""

import queue
import re
import threading
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import connection, connections, models, transaction
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from newsdesk.articles.models import ArticleByline, ArticlePage, ArticleTag
from newsdesk.articles.text import collapse_spaces
from newsdesk.discovery.engine.query import words_of
from newsdesk.discovery.models import SearchDocument, SearchTerm
from newsdesk.entities.models import ArticleEntity

# Control characters and the snippet markers (backends/base.py) never reach the index.
UNINDEXED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ue000\ue001]")
MIN_VOCABULARY_WORD = 3
MAX_VOCABULARY_WORD = 64


def body_text(article) -> str:
    text = article.body_text()  # spaces already collapsed: again only where a character is taken out
    return collapse_spaces(UNINDEXED.sub(" ", text)) if UNINDEXED.search(text) else text


def bar_joined(slugs) -> str:
    return f"|{'|'.join(slugs)}|" if slugs else ""


@dataclass
class Batch:
    """What a batch of articles needs besides their own rows, each read in one query for the batch."""

    bylines: dict = field(default_factory=dict)  # page id -> [(name, slug)] in byline order
    tags: dict = field(default_factory=dict)  # page id -> [(name, slug)] in the order tags were made
    entities: dict = field(default_factory=dict)  # page id -> [slug] of the links readers see, by name
    sections: dict = field(default_factory=dict)  # parent path -> slug
    restrictions: list = field(default_factory=list)  # paths of pages with a view restriction

    @classmethod
    def read(cls, articles) -> "Batch":
        ids = [article.pk for article in articles]
        batch = cls(restrictions=list(PageViewRestriction.objects.values_list("page__path", flat=True)))
        bylines = ArticleByline.objects.filter(article_id__in=ids, author__isnull=False).order_by("sort_order", "pk")
        for page_id, name, slug in bylines.values_list("article_id", "author__name", "author__slug"):
            batch.bylines.setdefault(page_id, []).append((name, slug))
        tags = ArticleTag.objects.filter(content_object_id__in=ids).order_by("tag_id")
        for page_id, name, slug in tags.values_list("content_object_id", "tag__name", "tag__slug"):
            batch.tags.setdefault(page_id, []).append((name, slug))
        # The link rule readers see (confirmed, or confident per setting); the article rule is applied at query time.
        links = ArticleEntity.objects.shown().filter(article_id__in=ids).order_by("entity__name", "entity_id")
        for page_id, slug in links.values_list("article_id", "entity__slug"):
            batch.entities.setdefault(page_id, []).append(slug)
        parents = {article.path[: -article.steplen] for article in articles}
        batch.sections = dict(Page.objects.filter(path__in=parents).values_list("path", "slug"))
        return batch

    def is_public(self, article) -> bool:
        return not any(article.path.startswith(path) for path in self.restrictions)


def document_for(article, batch: Batch) -> SearchDocument:
    authors = batch.bylines.get(article.pk, [])
    tags = batch.tags.get(article.pk, [])
    published_at = article.first_published_at or article.go_live_at
    return SearchDocument(
        page_id=article.pk,
        headline=article.title,
        standfirst=article.standfirst or "",
        meta=" ".join(name for name, _ in tags + authors),
        body=body_text(article),
        section=batch.sections.get(article.path[: -article.steplen], ""),
        kind=article.kind,
        authors=bar_joined([slug for _, slug in authors]),
        tags=bar_joined([slug for _, slug in tags]),
        entities=bar_joined(batch.entities.get(article.pk, [])),
        year=published_at.year if published_at else None,
        published_at=published_at,
        live=article.live,
        is_public=batch.is_public(article),
        go_live_at=article.go_live_at,
        expire_at=article.expire_at,
        owner_id=article.owner_id,
        path=article.path,
    )


INDEXED_FIELDS = ["title", "standfirst", "kind", "body", "first_published_at", "go_live_at", "expire_at", "live"]
INDEXED_FIELDS += ["owner_id", "path", "depth"]


def index_pages(page_ids, *, vocabulary: bool = True) -> list:
    """Write (or drop) the search documents of `page_ids`; pages that are gone or not articles are dropped.

    With `vocabulary` False the caller counts the words itself (the rebuild does, and swaps them in at the end).
    """
    page_ids = list(page_ids)
    articles = list(ArticlePage.objects.filter(pk__in=page_ids).only(*INDEXED_FIELDS))
    return index_articles(articles, gone=page_ids, vocabulary=vocabulary)


def index_articles(articles, *, gone=(), vocabulary: bool = True) -> list:
    """Write the search documents of `articles`, pages already loaded with at least INDEXED_FIELDS (an import
    loads each page once for both search indexes, and each body's text is read once); the documents of
    the ids in `gone` that are not among them are dropped."""
    page_ids = {article.pk for article in articles}.union(gone)
    batch = Batch.read(articles)
    documents = [document_for(article, batch) for article in articles]
    with transaction.atomic():
        # Delete then insert: both full-text indexes follow through their triggers or generated column.
        stale = SearchDocument.objects.filter(page_id__in=page_ids)
        known = set(stale.values_list("page_id", flat=True)) if vocabulary else set()
        stale.delete()
        insert_documents(documents)
        if vocabulary:
            add_vocabulary(documents, already_counted=known)
    return documents


def insert_documents(documents) -> None:
    """Insert new SearchDocument rows in one executemany: bulk_create's per-value SQL compiling cost a
    quarter of a rebuild, and these rows need none of it (no signals, no defaults besides the time)."""
    if not documents:
        return
    fields = SearchDocument._meta.concrete_fields
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    now = timezone.now()
    dated = {field.attname for field in fields if isinstance(field, models.DateTimeField)}
    adapt = connection.ops.adapt_datetimefield_value
    rows = []
    for document in documents:
        document.indexed_at = now
        rows.append([adapt(getattr(document, name)) if name in dated else getattr(document, name) for name in ATTNAMES])
    table = connection.ops.quote_name(SearchDocument._meta.db_table)
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({', '.join(['%s'] * len(fields))})", rows)


ATTNAMES = [field.attname for field in SearchDocument._meta.concrete_fields]


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


def add_vocabulary(documents, already_counted=frozenset()) -> None:
    """Count new documents' words into SearchTerm; a re-indexed document (its page id in `already_counted`)
    adds only words the vocabulary lacks. Counts are exact again after a rebuild; meanwhile a word an edit
    removed stays suggestible, and a suggestion is shown only when it finds articles."""
    counts = vocabulary_of(documents)
    if not counts:
        return
    fresh = vocabulary_of([document for document in documents if document.page_id not in already_counted])
    existing = SearchTerm.objects.in_bulk(list(counts))
    for term, count in fresh.items():
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
    # Inclusive: a view restriction set on an article itself must take it out of the index too.
    return list(ArticlePage.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True))


def replace_vocabulary(counts: Counter) -> None:
    """Swap in a freshly counted vocabulary in one transaction (suggestions keep working meanwhile)."""
    with transaction.atomic():
        SearchTerm.objects.all().delete()
        SearchTerm.objects.bulk_create(
            [SearchTerm(term=term, documents=count) for term, count in counts.items()], batch_size=2000
        )


# A rebuild's GIN pending list: merged into the index in fewer, larger sorted runs (64 MB wrote 2,000
# documents 1.4 times faster than the 4 MB default); searches meanwhile scan at most this much unmerged.
REBUILD_PENDING_LIST = "32MB"


def _set_bulk_session() -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"SET gin_pending_list_limit = '{REBUILD_PENDING_LIST}'")


@contextmanager
def bulk_indexing():
    """Session settings for writing many documents (PostgreSQL), the pending entries merged at the end."""
    if connection.vendor != "postgresql":
        yield
        return
    _set_bulk_session()
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("RESET gin_pending_list_limit")
            cursor.execute(
                "SELECT gin_clean_pending_list(indexrelid::regclass) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                "JOIN pg_am a ON a.oid = c.relam WHERE i.indrelid = 'discovery_searchdocument'::regclass AND a.amname = 'gin'"
            )


def parallel_jobs(requested: int) -> int:
    """How many connections a rebuild may write through at once.

    PostgreSQL turns each document's text into its tsvector and GIN entries in the server process of
    the connection that inserts it: four fifths of a rebuild's time, on one core when one connection
    writes. Several connections use several cores (2 wrote 20,000 articles 1.6 times faster than 1 on
    2 cores). SQLite has one writer at a time; and inside a transaction, other connections would not
    see its uncommitted articles, so both keep to one."""
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        return 1
    return max(1, requested)


def index_in_batches(ids, *, batch_size: int = BATCH_SIZE, jobs: int = 1, progress=None) -> tuple[int, Counter]:
    """Index `ids` batch by batch through up to `jobs` connections (see parallel_jobs); returns how many
    documents were written and the vocabulary of those documents. `progress(n)` is told of each batch."""
    batches = queue.SimpleQueue()
    for start in range(0, len(ids), batch_size):
        batches.put(ids[start : start + batch_size])
    totals, vocabulary, lock, failures = [0], Counter(), threading.Lock(), []

    def work(own_connection: bool):
        try:
            if own_connection:
                _set_bulk_session()
            while not failures:
                try:
                    batch = batches.get_nowait()
                except queue.Empty:
                    return
                documents = index_pages(batch, vocabulary=False)
                counted = vocabulary_of(documents)
                with lock:
                    totals[0] += len(documents)
                    vocabulary.update(counted)
                if progress is not None:
                    progress(len(batch))
        except BaseException as exc:  # the caller raises it; the other workers stop at their next batch
            failures.append(exc)
        finally:
            if own_connection:
                connections.close_all()  # this thread's connection

    jobs = parallel_jobs(jobs)
    if jobs == 1:
        work(own_connection=False)
    else:
        workers = [threading.Thread(target=work, args=(True,), name=f"index-{n}") for n in range(jobs)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
    if failures:
        raise failures[0]
    return totals[0], vocabulary


def refresh_statistics() -> None:
    """Fresh planner statistics after bulk writes: PostgreSQL then picks the GIN index for rare words and the
    date index for common ones (see backends/postgres.py); SQLite's planner needs none for FTS5."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE discovery_searchdocument")


def drop_orphans() -> int:
    """Documents whose page is no longer an article (its type changed, or rows written behind the ORM's back)."""
    return SearchDocument.objects.exclude(page_id__in=ArticlePage.objects.values("pk")).delete()[0]


def index_pages_below(page_id: int) -> int:
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return 0
    ids = article_ids_below(page)
    return sum(len(index_pages(ids[start : start + BATCH_SIZE])) for start in range(0, len(ids), BATCH_SIZE))
