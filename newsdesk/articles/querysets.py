from django.db.models import Prefetch, Q
from django.utils import timezone

from newsdesk.core.restrictions import ReaderPageQuerySet
from newsdesk.images.renditions import prefetch_renditions


class ArticlePageQuerySet(ReaderPageQuerySet):
    """Listings over many articles: `ArticlePage.objects.published().in_section(s).recent()`."""

    def published(self):
        """What readers and every output may see: live, public, past any go-live time and before any expiry.

        The one definition of "published": reader pages, listings, Also See, search, feeds, sitemaps,
        the API and ninjs all start here. Ordering is left to `.recent()` (or the caller), because
        sitemaps and aggregates want none or another. A page scheduled for later is not live, but the
        explicit go-live guard keeps an embargoed piece out even if its live flag was set early; the
        expiry guard takes a piece out at its expiry, before the scheduler's pass unpublishes it (or
        while no scheduler runs). The article page itself follows the same rule (ArticlePage.serve).
        """
        now = timezone.now()
        return (
            self.live()
            .public()
            .filter(Q(go_live_at__isnull=True) | Q(go_live_at__lte=now))
            .filter(Q(expire_at__isnull=True) | Q(expire_at__gt=now))
        )

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

    def teasers(self):
        """Published articles, newest first, ready for teaser cards: what every reader listing starts from."""
        return self.published().recent().for_teasers()

    def for_listing(self):
        """What a teaser card shows: hero image, bylines with authors and tags, in a fixed number of queries."""
        # The byline model is read off the relation: querysets.py sits below models.py and must not import it.
        bylines = self.model._meta.get_field("bylines").related_model.objects.select_related("author")
        return self.select_related("hero_image").prefetch_related(
            Prefetch("bylines", queryset=bylines.order_by("sort_order")), "tags"
        )


def teaser_cards(articles, pictures=("teaser",)) -> list:
    """`articles` as a list, with the renditions of the pictures their cards show loaded in one query."""
    articles = list(articles)
    prefetch_renditions([article.hero_image for article in articles], pictures)
    return articles
