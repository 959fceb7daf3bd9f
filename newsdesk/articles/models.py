from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.http import Http404
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.functional import SimpleLazyObject, cached_property
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, TitleFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index

from newsdesk.articles.blocks import ArticleBodyBlock, heading_anchor
from newsdesk.articles.forms import ArticlePageForm
from newsdesk.articles.querysets import ArticlePageQuerySet
from newsdesk.articles.text import stream_text
from newsdesk.core import memo
from newsdesk.core.languages import language_code_validator
from newsdesk.core.pagecache.policy import ARTICLE_TAG, CACHE_TAGS_HEADER
from newsdesk.core.slugs import unused_slug
from newsdesk.entities.panels import EntitiesPanel
from newsdesk.images.renditions import prefetch_renditions


class ArticleKind(models.TextChoices):
    NEWS = "news", "News"
    ANALYSIS = "analysis", "Analysis"
    OPINION = "opinion", "Opinion"
    EXPLAINER = "explainer", "Explainer"
    INTERVIEW = "interview", "Interview"


class ArticleTag(TaggedItemBase):
    content_object = ParentalKey("articles.ArticlePage", related_name="tagged_items", on_delete=models.CASCADE)


ArticlePageManager = PageManager.from_queryset(ArticlePageQuerySet)

RECENT_COUNT = 5
TOC_MIN_HEADINGS = 3
# Ids the page layout itself uses; a heading called "Main" must not steal the skip link's target.
RESERVED_IDS = {"main", "site-search", "toc", "recent", "related"}


def unique_anchor(anchor: str, taken: set) -> str:
    candidate = unused_slug(anchor, taken.__contains__)
    taken.add(candidate)
    return candidate


class ArticlePage(Page):
    """One piece of journalism: headline (the page title), standfirst, hero, body, bylines."""

    standfirst = models.CharField(
        max_length=300, help_text="The one- or two-sentence summary under the headline (at most 300 characters)."
    )
    kind = models.CharField(max_length=12, choices=ArticleKind.choices, default=ArticleKind.NEWS)
    dateline = models.CharField(max_length=80, blank=True, help_text='Where the story was filed, e.g. "BEIJING".')
    hero_image = models.ForeignKey(
        "images.NewsImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hero_caption = models.CharField(max_length=300, blank=True, help_text="Leave empty to use the image's own caption.")
    body = StreamField(ArticleBodyBlock(), blank=True)
    teaser = models.TextField(
        max_length=600, blank=True, help_text="Two to four sentences for lists. Falls back to the standfirst."
    )
    tags = ClusterTaggableManager(through=ArticleTag, blank=True)
    is_featured = models.BooleanField(
        default=False, help_text="Featured pieces lead the home page (newest featured first)."
    )
    updated_at = models.DateTimeField(
        null=True, blank=True, help_text='Shown as "Updated" on the page. Corrections set it automatically.'
    )
    language = models.CharField(
        max_length=16,
        blank=True,
        default="",
        db_default="",  # rows written in bulk outside the ORM (benchmarks, older scripts) need not name it
        validators=[language_code_validator],
        help_text="Only when this piece is written in another language than the publication's: a BCP 47 code "
        "such as ko, ar or ur. Readers' browsers, screen readers and search engines are told so.",
    )

    objects = ArticlePageManager()

    content_panels = [
        TitleFieldPanel("title", heading="Headline"),
        FieldPanel("standfirst"),
        FieldPanel("kind"),
        InlinePanel("bylines", label="Bylines", min_num=0, heading="Bylines"),
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_caption")], "Hero image"),
        FieldPanel("dateline"),
        FieldPanel("language"),
        FieldPanel("body"),
        FieldPanel("tags"),
        InlinePanel("corrections", label="Corrections", heading="Corrections"),
        FieldPanel("substantive_change"),  # a form-only field: see editorial.page_forms
        EntitiesPanel(heading="Entities"),  # suggestions to review: see entities/panels.py
    ]
    promote_panels = Page.promote_panels + [FieldPanel("teaser"), FieldPanel("is_featured")]
    search_fields = Page.search_fields + [
        index.SearchField("standfirst", boost=2),
        index.SearchField("body_text"),  # the body's words, read once a page (see `body_text`)
        index.FilterField("kind"),
        index.FilterField("go_live_at"),  # search results pass through ArticlePage.objects.published()
        index.FilterField("expire_at"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]
    base_form_class = ArticlePageForm
    parent_page_types = ["sections.SectionPage"]
    subpage_types = []
    template = "articles/article_page.html"

    class Meta:
        verbose_name = "article"

    def body_text(self) -> str:
        """The body's words as plain text: what Wagtail's search backends (the admin's) index of it.

        Wagtail's own reading of a StreamField for its index parses each paragraph with an HTML parser,
        reads the body's images from the database, and does so again for each part of an index entry
        (title, body, autocomplete): after an import, indexing took three times as long as importing.
        Read from the stored blocks once for each body the page is given.
        """
        body = self.body
        cached = self.__dict__.get("_body_text")
        if cached is None or cached[0] is not body:
            cached = self._body_text = (body, stream_text(body.raw_data))
        return cached[1]

    # -- what readers see -------------------------------------------------------------------

    @property
    def headline(self) -> str:
        return self.title

    @property
    def published_at(self):
        return self.first_published_at or self.go_live_at or self.latest_revision_created_at or timezone.now()

    @property
    def kind_label(self) -> str:
        return ArticleKind(self.kind).label

    @property
    def teaser_text(self) -> str:
        return self.teaser or self.standfirst or self.search_description

    @property
    def caption(self) -> str:
        if self.hero_caption:
            return self.hero_caption
        return self.hero_image.default_caption if self.hero_image else ""

    @property
    def modified_at(self):
        """When the article last changed for machines (feeds, sitemaps, API): a stated update, else its last publication."""
        stamps = [stamp for stamp in (self.updated_at, self.last_published_at, self.first_published_at) if stamp]
        return max(stamps) if stamps else self.published_at

    @cached_property
    def tag_list(self) -> list:
        """The tags in the order they were made, read once per instance (page, head, JSON-LD, feeds, API, ninjs).

        Sorted here rather than in SQL so a prefetch still serves it; PostgreSQL returns the tag join in no fixed order.
        """
        return sorted(self.tags.all(), key=lambda tag: tag.pk)

    @property
    def tag_names(self) -> list[str]:
        return [tag.name for tag in self.tag_list]

    @cached_property
    def section(self):
        """The live section the article sits in, or None; `attach_sections` fills it for a list in one query."""
        # The parent: routing to this page has usually read it already, so a page view pays nothing for it.
        parent = self.get_parent().specific
        return parent if isinstance(parent, apps.get_model("sections", "SectionPage")) and parent.live else None

    @classmethod
    def attach_sections(cls, articles) -> list:
        """`articles` as a list, each with its `section` set, from one query for the whole list."""
        articles = list(articles)
        sections = _live_sections_by_path({article.path[: -article.steplen] for article in articles})
        for article in articles:
            article.__dict__["section"] = sections.get(article.path[: -article.steplen])
        return articles

    @property
    def updated_time(self):
        """When readers are told the piece changed: the later of the editor's stamp and the newest correction."""
        stamps = [self.updated_at] + [c.published_at for c in self.newest_corrections[:1]]
        latest = max((stamp for stamp in stamps if stamp), default=None)
        return latest if latest and latest > self.published_at else None

    @cached_property
    def ordered_bylines(self):
        # Reads prefetched bylines when the page view loaded them (on first use, so a page whose head and
        # body come from kept fragments never reads them), and an unsaved preview's in-memory bylines otherwise.
        if self.__dict__.pop("_prefetch_bylines_when_shown", False):
            self.prefetch_bylines()
        bylines = sorted(self.bylines.all(), key=lambda byline: byline.sort_order or 0)
        return [byline for byline in bylines if byline.author_id]

    @property
    def authors(self):
        return [byline.author for byline in self.ordered_bylines]

    @cached_property
    def body_parts(self) -> list[tuple]:
        """(block, anchor) for every body block; anchors are unique on the page, None for non-headings."""
        taken = set(RESERVED_IDS)
        parts = []
        for block in self.body:
            anchor = None
            if block.block_type == "heading":
                anchor = unique_anchor(heading_anchor(block.value), taken)
            parts.append((block, anchor))
        return parts

    @cached_property
    def table_of_contents(self) -> list[dict]:
        """(anchor, text, level) for every heading; shown when there are enough to navigate."""
        headings = [
            {"anchor": anchor, "text": block.value["text"], "level": block.value["level"]}
            for block, anchor in self.body_parts
            if anchor
        ]
        return headings if len(headings) >= TOC_MIN_HEADINGS else []

    @cached_property
    def newest_corrections(self):
        return sorted(self.corrections.all(), key=lambda c: c.published_at, reverse=True)

    def body_values(self, block_type: str) -> list:
        return [block.value for block in self.body if block.block_type == block_type]

    def also_see_targets(self) -> list:
        return [value["article"] for value in self.body_values("also_see") if value["article"]]

    def body_images(self) -> list:
        return [value["image"] for value in self.body_values("image") if value["image"]]

    def also_see_ids(self, published) -> set:
        """Ids of the Also See targets readers may follow (`published` is that queryset); the block shows only these."""
        ids = [target.pk for target in self.also_see_targets()]
        return set(published.filter(pk__in=ids).values_list("pk", flat=True)) if ids else set()

    # -- rules ------------------------------------------------------------------------------

    def clean(self):
        super().clean()
        if self.hero_caption and not self.hero_image_id:
            raise ValidationError({"hero_caption": "A caption needs a hero image to go with."})

    def serve(self, request, *args, **kwargs):
        now = timezone.now()
        # The same rule as published(): expired is unpublished from that moment, whether or not the
        # scheduler has taken it down yet (its next pass, or never while no scheduler runs), and a
        # go-live time ahead keeps a live flag set early (an import, a hand edit) from showing it.
        if self.expire_at is not None and self.expire_at <= now:
            raise Http404("This article has expired.")
        if self.go_live_at is not None and self.go_live_at > now:
            raise Http404("This article is not published yet.")
        response = super().serve(request, *args, **kwargs)
        # Every article page shows Recent: Varnish drops them all with one ban of this tag on publish.
        response[CACHE_TAGS_HEADER] = ARTICLE_TAG
        if self.expire_at is not None:
            # Shared caches keep the page no longer than it may be shown.
            left = int((self.expire_at - now).total_seconds())
            if left < settings.NEWSDESK_PAGE_CACHE_SECONDS:
                patch_cache_control(response, public=True, max_age=0, s_maxage=max(left, 1))
        return response

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        self._prefetch_bylines_when_shown = True
        # Read only when a fragment that shows them is rendered, not when it comes from the fragment cache
        # (core/fragments.py). One published() queryset for Recent and Also See: building it reads the view
        # restrictions once.
        published = SimpleLazyObject(ArticlePage.objects.published)
        context.update(
            published_articles=published,  # also for the Related list (discovery's template tag)
            also_see_ids=SimpleLazyObject(lambda: self.also_see_ids(published)),
            # Shown inside the article's fragment: not even built when that comes from the cache.
            breadcrumbs=SimpleLazyObject(lambda: list(self.get_ancestors().filter(depth__gt=1))),
        )
        return context

    def prefetch_images(self) -> None:
        """The renditions of every image the article itself shows (hero, body, bylines), in one query."""
        prefetch_renditions([self.hero_image] + self.body_images() + [author.photo for author in self.authors])

    def prefetch_bylines(self) -> None:
        """Bylines with their authors, photos and links in fixed queries, for the page and its metadata."""
        bylines = ArticleByline.objects.select_related("author__photo").prefetch_related("author__links")
        prefetch_related_objects([self], Prefetch("bylines", queryset=bylines))


def recent_articles(exclude=None, count: int = RECENT_COUNT, published=None) -> list:
    """The newest published articles for a Recent list, leaving out `exclude` (the page showing it)."""
    published = ArticlePage.objects.published() if published is None else published
    articles = published.recent().for_teasers()
    if exclude is not None and exclude.pk:
        articles = articles.exclude(pk=exclude.pk)
    return list(articles[:count])


def _live_sections_by_path(paths) -> dict:
    # A desk has tens of sections, and every list of articles (search hits, feeds, the API) names theirs: read
    # them all once per purge generation (core/memo.py; publishing or unpublishing a section purges).
    every = memo.current(LIVE_SECTIONS_KEY, _read_live_sections)
    return {path: every[path] for path in paths if path in every}


LIVE_SECTIONS_KEY = ("articles", "live sections by path")


def _read_live_sections() -> dict:
    # Sections sit above articles (their pages list articles), so the model is looked up by name, not imported.
    # No public() filter: a section above a published article is public, since privacy is inherited.
    section_model = apps.get_model("sections", "SectionPage")
    return {section.path: section for section in section_model.objects.live().order_by()}


class ArticleByline(Orderable):
    article = ParentalKey(ArticlePage, related_name="bylines", on_delete=models.CASCADE)
    author = models.ForeignKey("people.Author", on_delete=models.CASCADE, related_name="bylines")

    panels = [FieldPanel("author")]

    def __str__(self):
        return str(self.author)


class ArticleCorrection(Orderable):
    """A dated note telling readers what was wrong and what changed."""

    article = ParentalKey(ArticlePage, related_name="corrections", on_delete=models.CASCADE)
    published_at = models.DateTimeField(default=timezone.now)
    note = models.TextField(max_length=1000)

    panels = [FieldPanel("published_at"), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = "correction"

    def __str__(self):
        return f"{self.published_at:%Y-%m-%d}: {self.note[:60]}"
