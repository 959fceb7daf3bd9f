"""Every change a reader could see leaves no stale bytes on any channel, through the page cache in front of Django.

Each test warms the cache by crawling every channel through newsdesk.wsgi.application (as granian
calls it), makes one change, crawls again, and compares each answer with what Django renders
uncached now. A recording frontend-cache backend checks that Varnish/CDN purges cover every address
whose bytes changed: by path, by the article tag (all article pages) or by a ban of everything.
"""

from datetime import timedelta

from django.core.management import call_command
from django.test import TestCase, override_settings
from django.utils import timezone
from wagtail.contrib.frontend_cache.backends import BaseBackend

from newsdesk.articles.models import ArticlePage
from newsdesk.core.pagecache import ARTICLE_TAG
from newsdesk.entities.extraction import Found
from newsdesk.entities.linking import save_links
from newsdesk.entities.merging import merge
from newsdesk.entities.models import ArticleEntity, LinkStatus
from newsdesk.sections.models import PublicationSettings
from newsdesk.testing import (
    call_wsgi,
    default_site,
    link_entity,
    make_article,
    make_author,
    make_entity,
    make_image,
    make_section,
    minutes_ago,
)
from newsdesk.wsgi import application, django_application

FORMATS = ("rss", "atom", "json")


class RecordingBackend(BaseBackend):
    """A frontend cache (like Varnish) that remembers what it was told to drop."""

    paths, tags, everything = set(), set(), []

    def purge(self, url):
        RecordingBackend.paths.add("/" + url.split("/", 3)[3])

    def ban(self, *, tags=(), everything=False):
        RecordingBackend.tags.update(tags)
        RecordingBackend.everything.append(everything)

    @classmethod
    def forget(cls):
        cls.paths, cls.tags, cls.everything = set(), set(), []


@override_settings(WAGTAILFRONTENDCACHE={"edge": {"BACKEND": f"{__name__}.RecordingBackend"}})
class PurgeOnEveryChangeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        PublicationSettings.objects.update_or_create(site=default_site(), defaults={"name": "The Meridian"})
        cls.world = make_section("Global Affairs", slug="global-affairs")
        cls.business = make_section("Business", slug="business")
        cls.person = make_author("Amina Rahman")
        cls.hero = make_image("Leaders shake hands", credit="Reuters")
        cls.target = make_article(
            cls.world,
            "Corridor talks open in Beijing",
            authors=[cls.person],
            tags=["CPEC"],
            hero_image=cls.hero,
            published_at=minutes_ago(30),
        )
        cls.older = make_article(
            cls.world, "Background to the corridor", authors=[cls.person], tags=["CPEC"], published_at=minutes_ago(300)
        )
        cls.elsewhere = make_article(
            cls.business,
            "Markets steady",
            authors=[make_author("News Desk", kind="desk")],
            body=[("also_see", {"article": cls.target, "label": "Also see"})],
            published_at=minutes_ago(200),
        )
        # Hubs: CPEC on both corridor stories, Gwadar named in the newer one only.
        cls.cpec = make_entity("CPEC", "project", description="The corridor.")
        cls.gwadar = make_entity("Gwadar", "place")
        link_entity(cls.target, cls.cpec, "about")
        link_entity(cls.older, cls.cpec, "about")
        link_entity(cls.target, cls.gwadar, "mentions")

    def setUp(self):
        application.store.clear()
        RecordingBackend.forget()

    def channels(self) -> list[str]:
        """Every address a reader, crawler or partner reads, for the desk as it is now."""
        articles = list(ArticlePage.objects.live())
        paths = [
            "/",
            "/robots.txt",
            "/sitemap.xml",
            "/sitemap-news.xml",
            "/sitemap-articles-1.xml",
            "/sitemap-pages-1.xml",
            "/api/v1/articles/",
            "/api/v1/sections/",
            "/api/v1/authors/",
            "/api/v1/images/",
            "/api/v1/articles/?section=global-affairs",
            "/tags/cpec/",
            "/search/?q=corridor",
            "/api/v1/entities/",
            "/api/v1/articles/?entity=cpec",
        ]
        for slug in ("cpec", "gwadar"):
            paths += [f"/topics/{slug}/", f"/api/v1/entities/{slug}/"] + [
                f"/topics/{slug}/feed/{fmt}/" for fmt in FORMATS
            ]
        paths += [f"/feed/{fmt}/" for fmt in FORMATS]
        for section in (self.world, self.business):
            paths += [f"/{section.slug}/", f"/api/v1/sections/{section.slug}/"] + [
                f"/{section.slug}/feed/{fmt}/" for fmt in FORMATS
            ]
        paths += [f"/tags/cpec/feed/{fmt}/" for fmt in FORMATS]
        for author in (self.person, self.elsewhere.authors[0]):
            paths += [f"/authors/{author.slug}/", f"/api/v1/authors/{author.slug}/"] + [
                f"/authors/{author.slug}/feed/{fmt}/" for fmt in FORMATS
            ]
        paths += [f"/api/v1/images/{self.hero.pk}/"]
        for article in {*articles, self.target}:
            paths += [
                article.url or f"/global-affairs/{article.slug}/",
                f"/api/v1/articles/{article.pk}/",
                f"/ninjs/articles/{article.pk}.json",
            ]
        return sorted(set(paths))

    def crawl(self, paths) -> dict:
        return {path: call_wsgi(application, path) for path in paths}

    def assert_warm(self):
        self.assertEqual(self.crawl(["/", self.target.url])["/"].headers["x-page-cache"], "hit")

    def render_fresh(self, path):
        return call_wsgi(django_application, path)

    def assert_fresh_everywhere_after(self, change, *, shows):
        """Warm every channel, make `change`, then no channel may answer with bytes Django would not render now."""
        before_paths = self.channels()
        before = self.crawl(before_paths)
        self.assert_warm()
        with self.captureOnCommitCallbacks(execute=True):
            change()
        paths = sorted(set(before_paths) | set(self.channels()))
        after = self.crawl(paths)
        changed = []
        for path in paths:
            fresh = self.render_fresh(path)
            self.assertEqual(
                (after[path].status_code, after[path].content),
                (fresh.status_code, fresh.content),
                f"{path} answered stale bytes after the change",
            )
            if path in before and (before[path].status_code, before[path].content) != (
                fresh.status_code,
                fresh.content,
            ):
                changed.append(path)
        for path in shows:
            self.assertIn(path, changed, f"the change should show on {path}")
        self.assert_frontend_caches_told(changed, before)
        return after

    def assert_frontend_caches_told(self, changed, before):
        if any(RecordingBackend.everything):
            return
        for path in changed:
            covered = path.split("?")[0] in RecordingBackend.paths or (
                ARTICLE_TAG in RecordingBackend.tags and before[path].headers.get("x-cache-tags") == ARTICLE_TAG
            )
            if path.startswith("/search/"):
                continue  # never cached
            self.assertTrue(covered, f"{path} changed but no frontend-cache purge covers it")

    # -- article events -----------------------------------------------------------------------

    def test_publishing_a_new_article(self):
        def publish():
            self.new = make_article(self.world, "Railway deal signed", authors=[self.person], tags=["CPEC"])

        after = self.assert_fresh_everywhere_after(
            publish, shows=["/", "/feed/rss/", "/tags/cpec/", self.older.url, f"/authors/{self.person.slug}/feed/atom/"]
        )
        self.assertIn(b"Railway deal signed", after[self.elsewhere.url].content)  # in Recent

    def test_unpublishing(self):
        after = self.assert_fresh_everywhere_after(
            self.target.unpublish,
            shows=[
                "/",
                self.target.url,
                "/global-affairs/feed/json/",
                "/sitemap-news.xml",
                self.elsewhere.url,
                f"/ninjs/articles/{self.target.pk}.json",
                "/api/v1/articles/",
                "/topics/cpec/",
                "/topics/cpec/feed/rss/",
                "/topics/gwadar/",
                "/api/v1/entities/",
            ],
        )
        self.assertEqual(after["/topics/gwadar/"].status_code, 404)  # its only article left
        self.assertEqual(after[self.target.url].status_code, 404)
        self.assertNotIn(b"Corridor talks open in Beijing", after["/tags/cpec/feed/rss/"].content)

    def test_changing_the_slug(self):
        old_url = self.target.url

        def rename():
            self.target.slug = "corridor-talks"
            self.target.save_revision().publish()

        after = self.assert_fresh_everywhere_after(rename, shows=[old_url, "/feed/atom/", "/sitemap-articles-1.xml"])
        self.assertNotEqual(after[old_url].status_code, 200)
        self.assertIn(b"/global-affairs/corridor-talks/", after["/feed/rss/"].content)

    def test_moving_to_another_section(self):
        old_url = self.target.url

        def move():
            self.target.move(self.business, pos="last-child")

        after = self.assert_fresh_everywhere_after(
            move, shows=[old_url, "/business/", "/global-affairs/", "/business/feed/rss/"]
        )
        self.assertIn(b"Corridor talks open in Beijing", after["/business/"].content)

    def test_deleting(self):
        old_url = self.target.url
        after = self.assert_fresh_everywhere_after(
            self.target.delete, shows=[old_url, "/", "/feed/rss/", self.elsewhere.url]
        )
        self.assertEqual(after[old_url].status_code, 404)

    def test_a_schedule_going_live(self):
        scheduled = make_article(
            self.world,
            "Embargoed budget story",
            authors=[self.person],
            publish=False,
            go_live_at=timezone.now() + timedelta(hours=1),
        )
        scheduled.save_revision().publish()

        def go_live():
            # The clock reaches the go-live time: moved back instead of waiting an hour.
            past = timezone.now() - timedelta(minutes=1)
            ArticlePage.objects.filter(pk=scheduled.pk).update(go_live_at=past)
            revision = scheduled.latest_revision
            revision.content["go_live_at"] = past.isoformat()
            revision.approved_go_live_at = past
            revision.save()
            call_command("publish_scheduled", verbosity=0)

        after = self.assert_fresh_everywhere_after(go_live, shows=["/", "/feed/rss/", self.older.url])
        self.assertIn(b"Embargoed budget story", after["/"].content)

    def test_expiry(self):
        def expire():
            ArticlePage.objects.filter(pk=self.target.pk).update(expire_at=timezone.now() - timedelta(minutes=1))
            call_command("publish_scheduled", verbosity=0)

        after = self.assert_fresh_everywhere_after(expire, shows=[self.target.url, "/", "/feed/rss/"])
        self.assertEqual(after[self.target.url].status_code, 404)

    # -- edits to what articles show ------------------------------------------------------------

    def test_editing_an_author(self):
        def rename():
            self.person.name = "Amina R. Rahman"
            self.person.save()

        after = self.assert_fresh_everywhere_after(
            rename, shows=[self.target.url, f"/authors/{self.person.slug}/", "/feed/json/"]
        )
        self.assertIn(b"Amina R. Rahman", after[self.target.url].content)

    def test_editing_an_image_credit_and_alt_text(self):
        def recredit():
            self.hero.credit = "AFP"
            self.hero.alt_text = "Two leaders on a red carpet"
            self.hero.save()

        after = self.assert_fresh_everywhere_after(recredit, shows=[self.target.url, f"/api/v1/images/{self.hero.pk}/"])
        self.assertIn(b"Two leaders on a red carpet", after[self.target.url].content)

    def test_editing_a_section(self):
        def rename():
            self.world.title = "World"
            self.world.save_revision().publish()

        after = self.assert_fresh_everywhere_after(
            rename, shows=["/global-affairs/", self.elsewhere.url, "/global-affairs/feed/rss/"]
        )
        self.assertIn(b"World", after["/global-affairs/"].content)

    def test_editing_the_publication_settings(self):
        def rename():
            PublicationSettings.objects.update_or_create(site=default_site(), defaults={"name": "The Evening Meridian"})

        after = self.assert_fresh_everywhere_after(rename, shows=["/", self.target.url, "/feed/rss/"])
        self.assertIn(b"The Evening Meridian", after["/"].content)

    # -- entities and their hubs --------------------------------------------------------------------

    def test_publishing_an_article_about_an_entity(self):
        def publish():
            new = make_article(self.business, "Gwadar port opens", authors=[self.person], publish=False)
            link_entity(new, self.gwadar, "about")
            new.save_revision().publish()

        after = self.assert_fresh_everywhere_after(
            publish, shows=["/topics/gwadar/", "/topics/gwadar/feed/json/", "/api/v1/entities/gwadar/"]
        )
        self.assertIn(b"Gwadar port opens", after["/topics/gwadar/"].content)

    def test_editing_an_entity(self):
        def rename():
            self.cpec.name = "China-Pakistan Economic Corridor"
            self.cpec.save()

        after = self.assert_fresh_everywhere_after(
            rename,
            shows=["/topics/cpec/", "/topics/gwadar/", self.target.url, f"/ninjs/articles/{self.target.pk}.json"],
        )
        self.assertIn(b"China-Pakistan Economic Corridor", after[self.target.url].content)

    def test_confirming_a_link(self):
        suggestion = ArticleEntity.objects.create(
            article=self.older, entity=self.gwadar, role="about", status=LinkStatus.SUGGESTED, confidence=0.5
        )

        def confirm():
            suggestion.status = LinkStatus.CONFIRMED
            suggestion.save()

        after = self.assert_fresh_everywhere_after(
            confirm, shows=["/topics/gwadar/", "/topics/cpec/", self.older.url, "/topics/gwadar/feed/atom/"]
        )
        self.assertIn(b"Background to the corridor", after["/topics/gwadar/"].content)

    @override_settings(ENTITIES_SHOW_SUGGESTIONS_ABOVE=0.4)
    def test_an_extraction_whose_suggestions_show(self):
        # The extractor writes links in bulk: its one signal per article purges as a save per link would.
        def extract():
            found = [
                Found(
                    key=name, name=name, kind="place", entry=None, offsets=[0], snippet=name, role=role, confidence=0.9
                )
                for name, role in (("Gwadar", "about"), ("CPEC", "mentions"))
            ]
            save_links(self.older, found)

        after = self.assert_fresh_everywhere_after(extract, shows=["/topics/gwadar/", self.older.url])
        self.assertIn(b"Background to the corridor", after["/topics/gwadar/"].content)

    def test_merging_entities(self):
        duplicate = make_entity("China-Pakistan Economic Corridor", "project")
        link_entity(self.elsewhere, duplicate, "about")
        old_hub = f"/topics/{duplicate.slug}/"

        before = self.crawl([old_hub])
        after = self.assert_fresh_everywhere_after(
            lambda: merge(duplicate, into=self.cpec), shows=["/topics/cpec/", "/topics/cpec/feed/rss/"]
        )
        self.assertEqual(before[old_hub].status_code, 200)
        self.assertIn(b"Markets steady", after["/topics/cpec/"].content)
        self.assertEqual(call_wsgi(application, old_hub).status_code, 301)

    # -- and what readers cannot see yet keeps the cache ----------------------------------------------

    def test_an_upload_or_a_new_author_keeps_every_cached_page(self):
        call_wsgi(application, self.target.url)
        with self.captureOnCommitCallbacks(execute=True):
            make_image("Not used yet")
            make_author("Not yet on a byline")
        again = call_wsgi(application, self.target.url)
        self.assertEqual(again.headers["x-page-cache"], "hit")
        self.assertEqual((RecordingBackend.paths, RecordingBackend.everything), (set(), []))
