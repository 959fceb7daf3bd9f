"""Reader requests only read renditions; saving what shows a picture makes the ones its pages ask for."""

from django.core.cache import cache
from django.test import TestCase

from newsdesk.images.models import NewsRendition
from newsdesk.sections.models import PublicationSettings
from newsdesk.testing import default_site, make_article, make_author, make_image, make_section


class ReaderRenditionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        # Making renditions consults Wagtail's rendition cache, keyed by image id: ids repeat after an earlier
        # test class rolled back, and its entries would say these images' renditions exist already.
        cache.clear()
        cls.logo = make_image("Logo", width=600, height=200)
        publication = PublicationSettings.for_site(default_site())
        publication.logo = cls.logo
        publication.save()
        cls.photo = make_image("Portrait", width=800, height=800)
        cls.author = make_author("Amina Rahman", photo=cls.photo)
        cls.article = make_article(
            make_section("Business"), "Markets steady", authors=[cls.author], hero_image=make_image("Hero")
        )

    def setUp(self):
        # Wagtail caches renditions by image id, which repeats after each test's rollback.
        cache.clear()

    def reader_urls(self):
        return [
            "/",
            self.article.url,
            self.author.get_absolute_url(),
            f"/api/v1/articles/{self.article.pk}/",
            f"/ninjs/articles/{self.article.pk}.json",
        ]

    def test_no_reader_request_writes_a_rendition(self):
        NewsRendition.objects.all().delete()
        for url in self.reader_urls():
            with self.subTest(url):
                self.assertEqual(self.client.get(url).status_code, 200)
        self.assertFalse(NewsRendition.objects.exists())

    def test_the_social_card_made_on_publish_is_in_the_head(self):
        crop = NewsRendition.objects.get(image=self.article.hero_image, filter_spec="fill-1200x675")
        self.assertContains(
            self.client.get(self.article.url), f'<meta property="og:image" content="http://testserver{crop.url}">'
        )

    def test_the_masthead_logo_is_made_when_the_settings_are_saved(self):
        logo = NewsRendition.objects.filter(image=self.logo, filter_spec="height-96").first()
        self.assertIsNotNone(logo)
        self.assertContains(self.client.get("/"), logo.url)

    def test_a_new_author_photo_is_on_their_page_before_their_next_article(self):
        photo = make_image("New portrait", width=800, height=800)
        self.author.photo = photo
        self.author.save()
        portrait = NewsRendition.objects.filter(image=photo, filter_spec="fill-400x400").first()
        self.assertIsNotNone(portrait)
        self.assertContains(self.client.get(self.author.get_absolute_url()), portrait.url)
