"""The admin's "Import from HTML" page."""

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse
from lxml import html as lxml_html

from newsdesk.articles.models import ArticlePage
from newsdesk.importers.tests.material import own
from newsdesk.testing import make_section


class ImportHTMLViewTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.section = make_section("Global Affairs")
        cls.editor = get_user_model().objects.create_superuser("chief", "chief@example.org", "a-long-password-1")
        cls.url = reverse("importers_import_html")

    def test_it_is_in_the_admin_menu_and_shows_a_form(self):
        self.client.force_login(self.editor)
        response = self.client.get(self.url)
        self.assertEqual(response.status_code, 200)
        tree = lxml_html.fromstring(response.content)
        self.assertEqual(tree.xpath("//form//input[@type='file']/@name"), ["page"])
        self.assertIn(self.section.title, tree.xpath("string(//select[@name='section'])"))
        self.assertContains(self.client.get(reverse("wagtailadmin_home")), "Import from HTML")

    def test_posting_a_page_creates_a_draft_and_opens_it_for_editing(self):
        self.client.force_login(self.editor)
        upload = SimpleUploadedFile("microdata.html", own("html/microdata.html").read_bytes(), content_type="text/html")
        response = self.client.post(
            self.url, {"page": upload, "url": "https://coastline.example/rail/", "section": self.section.pk}
        )
        draft = ArticlePage.objects.get(title="Rail freight doubles on the northern line")
        self.assertRedirects(
            response, reverse("wagtailadmin_pages:edit", args=[draft.pk]), fetch_redirect_response=False
        )
        self.assertFalse(draft.live)
        self.assertEqual(draft.get_parent().pk, self.section.pk)

    def test_it_rejects_a_file_that_is_not_html(self):
        self.client.force_login(self.editor)
        upload = SimpleUploadedFile("notes.txt", b"just some words", content_type="text/plain")
        response = self.client.post(self.url, {"page": upload, "section": self.section.pk})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "does not look like an HTML page")
        self.assertFalse(ArticlePage.objects.exists())

    def test_anonymous_visitors_are_sent_to_log_in(self):
        response = self.client.get(self.url)
        self.assertEqual(response.status_code, 302)
        self.assertIn(reverse("wagtailadmin_login"), response["Location"])

    def test_a_page_without_article_text_shows_an_error_and_saves_nothing(self):
        self.client.force_login(self.editor)
        page = (
            b"<html><head><title>Gallery</title></head><body><h1>Gallery: the flood</h1><img src='a.jpg'></body></html>"
        )
        upload = SimpleUploadedFile("gallery.html", page, content_type="text/html")
        response = self.client.post(self.url, {"page": upload, "section": self.section.pk})
        self.assertEqual(response.status_code, 200)
        errors = lxml_html.fromstring(response.content).xpath("string(//form)")
        self.assertIn("No article text found on the page, so no draft was made", errors)
        self.assertFalse(ArticlePage.objects.exists())
