from django.db import models


class DemoArticle(models.Model):
    """An article the demo loader published, with the revision it left.

    While that revision is still the article's latest, no editor has saved, published or scheduled it
    (each of those makes a revision), so the loader may keep its dates recent; once an editor has
    touched it, the article is theirs and its dates are left alone.
    """

    article = models.OneToOneField("articles.ArticlePage", on_delete=models.CASCADE, related_name="+")
    revision = models.ForeignKey("wagtailcore.Revision", on_delete=models.CASCADE, related_name="+")

    def __str__(self):
        return f"Demo article {self.article_id} (revision {self.revision_id})"
