from django_tasks import task

from newsdesk.discovery import related


@task()
def refresh_related_articles(article_id: int):
    """One published article's related list, and its place in the lists of the articles it matched."""
    related.refresh_related(article_id)
