from django.test import SimpleTestCase

from newsdesk.core.slugs import unused_slug


class UnusedSlugTests(SimpleTestCase):
    def test_a_free_slug_is_kept(self):
        self.assertEqual(unused_slug("budget", set().__contains__), "budget")

    def test_a_taken_slug_gets_the_first_free_number(self):
        self.assertEqual(unused_slug("budget", {"budget", "budget-2", "budget-4"}.__contains__), "budget-3")
