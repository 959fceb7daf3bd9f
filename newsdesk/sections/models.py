import copy

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page, PageManager, Site
from wagtail.search import index

from newsdesk.articles.models import ArticlePage
from newsdesk.articles.querysets import teaser_cards
from newsdesk.core import memo
from newsdesk.core.pagination import paginate
from newsdesk.core.restrictions import ReaderPageQuerySet

LATEST_PER_SECTION = 4
HOME_RECENT = 6


class HomePage(Page):
    """The front page: a lead story, the latest from each section, and recent pieces."""

    intro = models.CharField(max_length=300, blank=True, help_text="A line about the publication.")
    lead_article = models.ForeignKey(
        "articles.ArticlePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Pinned lead story. Leave empty to lead with the newest article.",
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("lead_article")]
    subpage_types = ["sections.SectionPage", "sections.StandardPage"]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        lead = self.lead()
        shown = {lead.pk} if lead else set()
        sections = list(SectionPage.objects.live().public().child_of(self).order_by("path"))
        per_section = []
        for section in sections:
            latest = list(ArticlePage.objects.teasers().in_section(section).exclude(pk__in=shown)[:LATEST_PER_SECTION])
            shown.update(article.pk for article in latest)
            per_section.append((section, latest))
        recent = list(ArticlePage.objects.teasers().exclude(pk__in=shown)[:HOME_RECENT])
        # The lead shows the "lead" picture; an image may be both a lead and a teaser elsewhere on the page.
        teaser_cards(
            ([lead] if lead else []) + recent + [a for _, latest in per_section for a in latest], ("teaser", "lead")
        )
        context.update(lead_article=lead, recent_articles=recent, sections=sections, section_listings=per_section)
        return context

    def lead(self):
        """The pinned lead if readers may see it, else the newest featured piece, else the newest piece."""
        published = ArticlePage.objects.teasers()
        pinned = published.filter(pk=self.lead_article_id).first() if self.lead_article_id else None
        return pinned or published.featured().first() or published.first()


class SectionPage(Page):
    """A beat of the desk (Global Affairs, Business…): its own listing, feed and sitemap entries."""

    description = models.CharField(max_length=300, blank=True, help_text="Shown under the section name.")
    body = RichTextField(blank=True, features=["bold", "italic", "link"], help_text="Optional longer introduction.")

    content_panels = Page.content_panels + [FieldPanel("description"), FieldPanel("body")]
    parent_page_types = ["sections.HomePage"]
    subpage_types = ["articles.ArticlePage"]

    objects = PageManager.from_queryset(ReaderPageQuerySet)()  # the navigation on every page asks public()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        page = paginate(ArticlePage.objects.teasers().in_section(self), request)
        teaser_cards(page)
        context.update(articles=page, page_obj=page, breadcrumbs=[self.get_parent(), self])
        return context


class StandardPage(Page):
    """A plain page outside the news flow: About, Contact, Corrections policy, imported WordPress pages."""

    body = RichTextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("body")]
    parent_page_types = ["sections.HomePage", "sections.StandardPage"]
    subpage_types = ["sections.StandardPage"]
    search_fields = Page.search_fields + [index.SearchField("body")]


@register_setting(icon="site")
class PublicationSettings(BaseSiteSetting):
    """Who publishes the site: name, logo, language and social accounts."""

    name = models.CharField(max_length=120, default="Newsdesk", help_text="The publication's name.")
    tagline = models.CharField(max_length=200, blank=True)
    logo = models.ForeignKey("images.NewsImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    language = models.CharField(max_length=12, default="en", help_text="BCP 47 language code, e.g. en, ur, zh-cn.")
    about = models.TextField(blank=True, help_text="Short description of the publication.")
    contact_email = models.EmailField(blank=True)
    twitter_handle = models.CharField(max_length=60, blank=True, help_text="Without the @.")
    facebook_url = models.URLField(blank=True)
    mastodon_url = models.URLField(blank=True)
    linkedin_url = models.URLField(blank=True)

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("tagline"), FieldPanel("logo"), FieldPanel("language")], "Identity"
        ),
        FieldPanel("about"),
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldPanel("twitter_handle"),
                FieldPanel("facebook_url"),
                FieldPanel("mastodon_url"),
                FieldPanel("linkedin_url"),
            ],
            "Contact and social",
        ),
    ]

    class Meta:
        verbose_name = "publication settings"

    @classmethod
    def for_request(cls, request):
        """Wagtail's, read once per purge generation in each process rather than once per request (core/memo.py)."""
        attribute = cls.get_cache_attr_name()
        if not hasattr(request, attribute) and memo.generation_of(request) is not None:
            site = Site.find_for_request(request)
            kept = memo.get(request, ("publication", site.pk if site else None), lambda: cls._with_logo(site))
            instance = copy.copy(kept)  # Wagtail notes the request on it
            instance._request = request
            setattr(request, attribute, instance)
        return super().for_request(request)

    @classmethod
    def _with_logo(cls, site):
        instance = cls.for_site(site)
        instance.logo  # noqa: B018 - read now, kept with the settings
        return instance

    def social_links(self) -> list[tuple[str, str]]:
        links = [
            ("X / Twitter", f"https://x.com/{self.twitter_handle}" if self.twitter_handle else ""),
            ("Facebook", self.facebook_url),
            ("Mastodon", self.mastodon_url),
            ("LinkedIn", self.linkedin_url),
        ]
        return [(label, url) for label, url in links if url]
