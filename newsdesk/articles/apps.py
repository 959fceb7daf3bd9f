from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    """Article pages, their blocks, kinds and corrections."""

    name = "newsdesk.articles"
    label = "articles"
    verbose_name = "Articles"
