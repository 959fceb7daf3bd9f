"""Ids too long for the database's integers are unknown ids (404), never an overflow (500)."""

from django.test import SimpleTestCase, TestCase

from newsdesk.core.ids import row_id
from newsdesk.testing import make_article, make_editor, make_section

TWENTY_DIGITS = "99999999999999999999"


class RowIdTests(SimpleTestCase):
    def test_only_numbers_a_row_can_have_are_ids(self):
        self.assertEqual(row_id("42"), 42)
        self.assertEqual(row_id(" 7 "), 7)
        self.assertEqual(row_id("9" * 18), int("9" * 18))
        for value in (TWENTY_DIGITS, "-1", "1e5", "", None, "４２", "abc"):
            with self.subTest(value=value):
                self.assertIsNone(row_id(value))


class AdminAddressesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_editor()
        cls.article = make_article(make_section("World"), "A story")

    def setUp(self):
        self.client.force_login(self.editor)

    def test_our_admin_views_answer_404_for_an_id_no_row_can_have(self):
        for method, url in [
            ("get", f"/admin/related/{TWENTY_DIGITS}/"),
            ("post", f"/admin/related/{TWENTY_DIGITS}/change/"),
            ("get", f"/admin/entities/article/{TWENTY_DIGITS}/"),
            ("post", f"/admin/entities/article/{TWENTY_DIGITS}/add/"),
            ("post", f"/admin/entities/article/{self.article.pk}/links/{TWENTY_DIGITS}/"),
            ("post", f"/admin/entities/entity/{TWENTY_DIGITS}/merge/"),
        ]:
            with self.subTest(url=url):
                self.assertEqual(getattr(self.client, method)(url).status_code, 404)
        self.assertEqual(self.client.get(f"/admin/related/{self.article.pk}/").status_code, 200)

    def test_a_bulk_action_naming_such_an_id_is_no_error(self):
        for method in ("get", "post"):
            for query in (f"id={TWENTY_DIGITS}", f"id=all&childOf={TWENTY_DIGITS}", "id=all&childOf=abc"):
                with self.subTest(method=method, query=query):
                    response = getattr(self.client, method)(f"/admin/bulk/wagtailcore/page/delete/?{query}")
                    self.assertLess(response.status_code, 500)
        self.assertTrue(type(self.article).objects.filter(pk=self.article.pk).exists())
