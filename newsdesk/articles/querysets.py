from django.db.models import Prefetch
from wagtail.query import PageQuerySet


class ArticlePageQuerySet(PageQuerySet):
    """Listings over many articles: `ArticlePage.objects.live().public().in_section(s).recent()`."""

    def in_section(self, section):
        return self.child_of(section)

    def recent(self):
        # One column, so the database walks Page's first_published_at index and stops at the LIMIT;
        # a tie-breaker column makes SQLite sort every article first (the index itself orders ties).
        return self.order_by("-first_published_at")

    def by_author(self, author):
        return self.filter(bylines__author=author).distinct()

    def tagged(self, tag_slug: str):
        return self.filter(tags__slug=tag_slug).distinct()

    def of_kind(self, kind: str):
        return self.filter(kind=kind)

    def featured(self):
        return self.filter(is_featured=True)

    def for_teasers(self):
        """What a teaser card shows (kind, headline, teaser, thumbnail): the image comes in the same query.

        Bodies stay in the database: sorting thousands of rows with their StreamField JSON attached
        made the Recent list the slowest query of an article page.
        """
        return self.defer_streamfields().select_related("hero_image")

    def for_listing(self):
        """What a teaser card shows: hero image, bylines with authors and tags, in a fixed number of queries."""
        from newsdesk.articles.models import ArticleByline

        return self.select_related("hero_image").prefetch_related(
            Prefetch("bylines", queryset=ArticleByline.objects.select_related("author").order_by("sort_order")),
            "tags",
        )
