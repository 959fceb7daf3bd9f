"""A small published desk for the distribution tests: every kind, a desk and a person, images, tags,
corrections — and a draft, a private and a scheduled article that must never leak."""

from datetime import timedelta

from django.core.cache import cache
from django.utils import timezone
from wagtail.models import PageViewRestriction

from newsdesk.core.testing import default_site, make_article, make_author, make_image, make_section, minutes_ago


def rich_body(image, also_see):
    return [
        ("paragraph", '<p>The talks opened in <a href="https://example.org/briefing">Beijing</a> on Tuesday.</p>'),
        ("heading", {"text": "What was agreed", "level": "h2", "anchor": ""}),
        ("paragraph", "<p>Both sides signed a dozen memoranda.</p>"),
        ("quote", {"text": "An iron-clad partnership.", "attribution": "Joint statement", "source_url": "https://example.org/statement"}),
        ("image", {"image": image, "caption": "Delegates at the signing", "credit": ""}),
        ("heading", {"text": "What comes next", "level": "h3", "anchor": ""}),
        ("also_see", {"article": also_see, "label": "Also see"}),
        ("fact_box", {"title": "Key numbers", "body": "<p>Five corridors, one railway.</p>"}),
        ("table", {"caption": "Projects", "table": {"data": [["Project", "Stage"], ["ML-1", "Design"]],
                                                    "first_row_is_table_header": True, "first_col_is_header": False}}),
        ("pull_quote", {"text": "Growth, livelihood, innovation.", "attribution": "A minister"}),
    ]


class Newsroom:
    """Builds the desk once per TestCase (call from setUpTestData)."""

    def __init__(self):
        from newsdesk.articles.models import ArticleCorrection
        from newsdesk.sections.models import PublicationSettings

        # Renditions are cached by image id, and ids come round again after each test class rolls back:
        # without this, a logo drawn by an earlier class could stand in for ours.
        cache.clear()
        site = default_site()
        self.logo = make_image("Meridian logo", width=800, height=200, credit="")
        PublicationSettings.objects.update_or_create(
            site=site,
            defaults={"name": "The Meridian", "language": "en", "logo": self.logo, "twitter_handle": "meridian",
                      "about": "Global affairs, business and technology."},
        )
        self.world = make_section("Global Affairs", slug="global-affairs", description="Diplomacy and security.")
        self.business = make_section("Business", slug="business")
        self.person = make_author("Amina Rahman", role="Diplomatic correspondent")
        self.desk = make_author("News Desk", kind="desk")
        self.hero = make_image("Leaders shake hands", width=1600, height=900, credit="Reuters",
                               default_caption="The two presidents in Beijing.",
                               licence="Licensed from Reuters", source_url="https://example.org/photo")
        self.body_image = make_image("Signing table", width=1200, height=800, credit="AP")
        self.background = make_article(self.world, "Background to the corridor", kind="explainer", authors=[self.desk],
                                       tags=["CPEC"], published_at=minutes_ago(600))
        self.by_kind = {"explainer": self.background}
        for offset, kind in enumerate(["analysis", "opinion", "interview"]):
            self.by_kind[kind] = make_article(
                self.world if kind != "interview" else self.business, f"A piece of {kind}", kind=kind,
                authors=[self.person], tags=["Trade"], hero_image=self.hero, published_at=minutes_ago(400 - offset * 60),
            )
        self.lead = make_article(
            self.world, "Zardari in Beijing: corridor, security and a renewed alliance", kind="news",
            authors=[self.person, self.desk], tags=["CPEC", "China", "Pakistan"], hero_image=self.hero,
            dateline="BEIJING", body=rich_body(self.body_image, self.background), published_at=minutes_ago(30),
            updated_at=minutes_ago(10),
        )
        ArticleCorrection.objects.create(
            article=self.lead, published_at=minutes_ago(12), note="An earlier version misspelt a minister's name."
        )
        self.by_kind["news"] = self.lead
        self.published = [self.lead, *reversed([self.by_kind[k] for k in ("analysis", "opinion", "interview")]), self.background]
        self._hidden()
        self._warm()

    def _warm(self):
        """Render the reader pages once, so the image renditions they need are class-level data shared by every test."""
        from django.test import Client

        client = Client()
        for url in ["/", self.world.url, self.business.url, f"/authors/{self.person.slug}/", f"/authors/{self.desk.slug}/",
                    "/tags/cpec/", *(article.url for article in self.published)]:
            client.get(url)

    def _hidden(self):
        self.draft = make_article(self.world, "Secret draft headline", authors=[self.person], tags=["CPEC"], publish=False)
        self.private = make_article(self.world, "Private members-only headline", authors=[self.person], tags=["CPEC"])
        PageViewRestriction.objects.create(page=self.private, restriction_type=PageViewRestriction.PASSWORD, password="x")
        # Scheduled through Wagtail: approved to go live tomorrow, so not live yet.
        self.scheduled = make_article(self.world, "Embargoed until tomorrow headline", authors=[self.person], tags=["CPEC"],
                                      publish=False, go_live_at=timezone.now() + timedelta(days=1))
        self.scheduled.save_revision().publish()
        self.hidden_titles = ["Secret draft headline", "Private members-only headline", "Embargoed until tomorrow headline"]
