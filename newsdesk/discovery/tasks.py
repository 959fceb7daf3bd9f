from django_tasks import task

from newsdesk.discovery import related
from newsdesk.discovery.engine import indexing


@task()
def update_search_documents(page_ids: list[int]):
    """Rewrite the search documents of these pages (dropping those no longer articles or gone)."""
    indexing.index_pages(page_ids)


@task()
def update_search_documents_below(page_id: int):
    """Rewrite the documents of every article under a page whose slug, place or view restriction changed."""
    indexing.index_pages_below(page_id)


@task()
def refresh_related_articles(article_id: int):
    """One published article's related list, and its place in the lists of the articles it matched."""
    related.refresh_related(article_id)
