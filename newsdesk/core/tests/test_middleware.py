import gzip

from django.test import TestCase
from django.urls import reverse
from wagtail.models import PageViewRestriction

from newsdesk.testing import make_article, make_section, parse_html, text_of


class ReaderPagesGZipTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.article = make_article(make_section("Business"), "Compressed story")

    def test_it_compresses_reader_pages(self):
        response = self.client.get(self.article.url, headers={"accept-encoding": "gzip"})
        self.assertEqual(response["Content-Encoding"], "gzip")
        html = gzip.decompress(response.content)
        self.assertIn(b"Compressed story", html)

    def test_it_never_compresses_pages_with_a_csrf_token(self):
        response = self.client.get("/admin/login/", headers={"accept-encoding": "gzip"})
        self.assertEqual(response.status_code, 200)
        self.assertFalse(response.has_header("Content-Encoding"))
        self.assertTrue(parse_html(response).xpath('//input[@name="csrfmiddlewaretoken"]'))

    def test_it_keeps_uncompressed_pages_for_clients_that_do_not_ask(self):
        response = self.client.get(self.article.url)
        self.assertFalse(response.has_header("Content-Encoding"))
        self.assertEqual(text_of(parse_html(response).xpath("//h1")[0]), "Compressed story")


class ReadOnlyReaderTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.section = make_section("Business")
        cls.article = make_article(cls.section, "Read-only story", tags=["Trade"])
        cls.reader_urls = [
            "/",
            cls.section.url,
            cls.article.url,
            "/tags/trade/",
            "/feed/rss/",
            "/sitemap.xml",
            "/search/",
        ]

    def test_trace_and_writes_on_reader_addresses_are_refused_with_the_methods_they_allow(self):
        for method in ("TRACE", "PUT", "PATCH", "DELETE", "POST", "PROPFIND"):
            for url in self.reader_urls:
                with self.subTest(method=method, url=url):
                    response = self.client.generic(method, url)
                    self.assertEqual(response.status_code, 405)
                    self.assertEqual(response["Allow"], "GET, HEAD, OPTIONS")
                    self.assertNotIn(b"Read-only story", response.content)

    def test_options_names_the_methods_without_the_page(self):
        response = self.client.options(self.article.url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Allow"], "GET, HEAD, OPTIONS")
        self.assertEqual(response.content, b"")

    def test_reading_still_works(self):
        self.assertEqual(text_of(parse_html(self.client.get(self.article.url)).xpath("//h1")[0]), "Read-only story")
        self.assertEqual(self.client.head(self.article.url).status_code, 200)

    def test_the_password_form_of_a_restricted_page_still_takes_posts(self):
        restriction = PageViewRestriction.objects.create(
            page=self.article, restriction_type=PageViewRestriction.PASSWORD, password="open sesame"
        )
        url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, self.article.pk])
        response = self.client.post(url, {"password": "open sesame", "return_url": self.article.url})
        self.assertRedirects(response, self.article.url, fetch_redirect_response=False)
        self.assertEqual(text_of(parse_html(self.client.get(self.article.url)).xpath("//h1")[0]), "Read-only story")
