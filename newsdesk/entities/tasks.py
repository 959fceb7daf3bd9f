from django_tasks import task

from newsdesk.articles.models import ArticlePage
from newsdesk.entities.linking import extract_and_link


@task()
def extract_article_entities(article_id: int):
    """Find the entities of one article's latest text and refresh its suggestions (off the editor's request)."""
    article = ArticlePage.objects.filter(pk=article_id).first()
    if article is not None:
        extract_and_link([article])
