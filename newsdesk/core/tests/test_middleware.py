import gzip

from django.test import TestCase

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
