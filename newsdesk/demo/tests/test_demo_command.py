import io
import re
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import TestCase, override_settings
from django.utils import timezone
from wagtail.models import Page, PageLogEntry, Revision, Site

from newsdesk.articles.models import ArticleKind, ArticlePage
from newsdesk.demo import artwork, content
from newsdesk.images.models import NewsImage
from newsdesk.people.models import Author
from newsdesk.sections.models import PublicationSettings, SectionPage

PASSWORD_LINE = re.compile(r'superuser "admin" with password: (\S+)')


def run_demo() -> str:
    out = io.StringIO()
    call_command("demo", stdout=out)
    return out.getvalue()


def snapshot() -> dict:
    """What a reader or an editor would notice if a rerun duplicated anything."""
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "authors": Author.objects.count(),
        "images": NewsImage.objects.count(),
        "users": get_user_model().objects.count(),
        "slugs": sorted(Page.objects.values_list("url_path", flat=True)),
        "author_slugs": sorted(Author.objects.values_list("slug", flat=True)),
        "image_titles": sorted(NewsImage.objects.values_list("title", flat=True)),
        "image_hashes": sorted(NewsImage.objects.values_list("file_hash", flat=True)),
    }


@override_settings(WAGTAILADMIN_BASE_URL="http://127.0.0.1:8000")
class DemoCommandTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.first_output = run_demo()
        cls.after_first = snapshot()
        cls.second_output = run_demo()
        cls.after_second = snapshot()

    def test_running_it_twice_gives_the_same_content_and_no_duplicates(self):
        self.assertEqual(self.after_first, self.after_second)
        self.assertEqual(self.after_first["authors"], len(content.AUTHORS))
        self.assertEqual(self.after_first["images"], len(content.IMAGES))
        self.assertEqual(ArticlePage.objects.count(), len(content.ARTICLES))

    def test_it_prints_a_working_admin_password_once(self):
        password = PASSWORD_LINE.search(self.first_output).group(1)
        admin = get_user_model().objects.get(username="admin")
        self.assertTrue(admin.is_superuser)
        self.assertTrue(admin.check_password(password))
        self.assertGreaterEqual(len(password), 20)
        self.assertIsNone(PASSWORD_LINE.search(self.second_output))
        self.assertIn('"admin" already exists', self.second_output)

    def test_it_ends_with_a_one_line_summary(self):
        first_summary = self.first_output.strip().splitlines()[-1]
        self.assertRegex(
            first_summary,
            r"^Demo desk ready: 3 sections, \d+ authors, \d+ images, \d+ articles; \d+ created, 0 already",
        )
        self.assertRegex(self.second_output.strip().splitlines()[-1], r"; 0 created, \d+ already there")

    def test_it_covers_every_kind_at_least_three_times_across_the_three_sections(self):
        self.assertGreaterEqual(ArticlePage.objects.live().count(), 18)
        for kind in ArticleKind.values:
            self.assertGreaterEqual(ArticlePage.objects.live().of_kind(kind).count(), 3, kind)
        for section in SectionPage.objects.all():
            self.assertGreaterEqual(ArticlePage.objects.live().in_section(section).count(), 3, section.title)
        self.assertEqual(
            sorted(SectionPage.objects.values_list("title", flat=True)), ["Business", "Global Affairs", "Technology"]
        )

    def test_publication_dates_are_staggered_and_the_newest_is_from_the_last_day(self):
        dates = list(ArticlePage.objects.recent().values_list("first_published_at", flat=True))
        self.assertGreater(dates[0], timezone.now() - timedelta(days=1))
        self.assertLess(dates[0], timezone.now())
        self.assertEqual(len(set(dates)), len(dates))
        self.assertGreater(dates[0] - dates[-1], timedelta(days=7))

    def test_articles_are_published_through_revisions_like_an_editors(self):
        for article in ArticlePage.objects.all():
            self.assertIsNotNone(article.live_revision_id, article.slug)
            self.assertTrue(PageLogEntry.objects.filter(page=article, action="wagtail.publish").exists(), article.slug)

    def test_every_article_has_a_byline_a_credited_hero_and_tags(self):
        for article in ArticlePage.objects.for_listing():
            self.assertTrue(article.authors, article.slug)
            self.assertTrue(article.hero_image.alt_text and article.hero_image.credit, article.slug)
            self.assertTrue(article.tags.exists(), article.slug)
        self.assertTrue(ArticlePage.objects.filter(is_featured=True).exists())
        self.assertTrue(ArticlePage.objects.filter(teaser__gt="").exists())
        with_two = [a for a in ArticlePage.objects.all() if a.bylines.count() >= 2]
        self.assertGreaterEqual(len(with_two), 3)

    def test_a_corrected_article_shows_when_it_was_updated(self):
        corrected = ArticlePage.objects.filter(corrections__isnull=False).distinct()
        self.assertTrue(corrected)
        for article in corrected:
            latest = max(c.published_at for c in article.corrections.all())
            self.assertEqual(article.updated_at, latest)
            self.assertGreater(article.updated_at, article.first_published_at)
            # What an editor would republish keeps both the correction and the time.
            draft = article.get_latest_revision_as_object()
            self.assertEqual(draft.updated_at, latest)
            self.assertEqual(draft.first_published_at, article.first_published_at)
            self.assertEqual([c.note for c in draft.corrections.all()], [c.note for c in article.corrections.all()])

    def test_images_are_drawn_at_news_size_with_alt_text_and_credit(self):
        heroes = NewsImage.objects.filter(pk__in=ArticlePage.objects.values("hero_image"))
        self.assertEqual(heroes.count(), ArticlePage.objects.count())
        for image in heroes:
            self.assertEqual((image.width, image.height), (artwork.WIDTH, artwork.HEIGHT), image.title)
            self.assertTrue(image.file.name.endswith(".jpg"), image.file.name)
            self.assertTrue(image.alt_text and image.credit and image.licence and image.default_caption, image.title)

    def test_it_names_the_publication_and_points_the_site_at_the_base_url(self):
        site = Site.objects.get(is_default_site=True)
        self.assertEqual((site.hostname, site.port), ("127.0.0.1", 8000))
        self.assertEqual(site.site_name, content.PUBLICATION["name"])
        publication = PublicationSettings.for_site(site)
        self.assertEqual(publication.name, content.PUBLICATION["name"])
        self.assertEqual(publication.language, "en")
        self.assertIsNotNone(publication.logo)
        self.assertEqual(site.root_page.specific.intro, content.PUBLICATION["tagline"])

    def test_the_desk_author_bio_names_the_beats(self):
        desk = Author.objects.get(slug="news-desk")
        self.assertTrue(desk.is_desk)
        for beat in ("global affairs", "business", "technology"):
            self.assertIn(beat, desk.bio.lower())
        self.assertGreaterEqual(Author.objects.filter(kind="person").count(), 3)

    def test_every_article_passes_the_editors_validation_and_opens_in_the_admin(self):
        for article in ArticlePage.objects.all():
            article.full_clean()
        self.client.force_login(get_user_model().objects.get(username="admin"))
        lead = ArticlePage.objects.get(slug=content.LEAD["slug"])
        response = self.client.get(f"/admin/pages/{lead.pk}/edit/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, content.LEAD["standfirst"].replace("'", "&#x27;"))

    def test_a_rerun_keeps_what_an_editor_changed(self):
        article = ArticlePage.objects.get(slug=content.LEAD["slug"])
        article.title = "An editor's better headline"
        article.save_revision().publish()
        desk = Author.objects.get(slug="news-desk")
        desk.bio = "Edited by hand."
        desk.save()

        output = run_demo()

        article.refresh_from_db()
        desk.refresh_from_db()
        self.assertEqual(article.title, "An editor's better headline")
        self.assertEqual(desk.bio, "Edited by hand.")
        self.assertIn("0 created", output)
