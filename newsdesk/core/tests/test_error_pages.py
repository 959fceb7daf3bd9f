from django.test import RequestFactory, SimpleTestCase

from newsdesk.core.views import server_error
from newsdesk.testing import parse_html, text_of


class ServerErrorPageTests(SimpleTestCase):
    def test_it_answers_server_errors_with_a_page_that_needs_no_database(self):
        response = server_error(RequestFactory().get("/"))
        self.assertEqual(response.status_code, 500)
        self.assertEqual(text_of(parse_html(response).xpath("//h1")[0]), "Something went wrong")
