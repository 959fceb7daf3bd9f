"""Texts already cleaned by the rich-text rules (by the process that reads an import ahead) are not cleaned
again, and no other text escapes cleaning."""

from types import SimpleNamespace
from unittest import mock

from django.test import SimpleTestCase

from newsdesk.editorial import html_cleaning
from newsdesk.editorial.sanitise import clean_html, known_clean


class KnownCleanTests(SimpleTestCase):
    def counted(self):
        """`html_cleaning`'s cleaner, counting the texts it is given."""
        calls, real = [], html_cleaning._CLEANER.clean

        def clean(text):
            calls.append(text)
            return real(text)

        return calls, mock.patch.object(html_cleaning, "_CLEANER", SimpleNamespace(clean=clean))

    def test_a_text_named_known_clean_is_given_back_as_it_is_inside_the_block_only(self):
        cleaned = clean_html('<p>Bell\x07 rang <a href="/x" onclick="steal()">here</a><script>x()</script></p>')
        self.assertEqual(cleaned, '<p>Bell rang <a href="/x">here</a></p>')
        calls, cleaner = self.counted()
        with cleaner:
            with known_clean([cleaned]):
                self.assertEqual(clean_html(cleaned), cleaned)
                self.assertEqual(calls, [])  # not cleaned a second time
                # Any other text is cleaned as ever, a text merely like a known one included.
                self.assertEqual(clean_html(cleaned + "<script>x()</script>"), cleaned)
                self.assertEqual(clean_html("<p>Bell\x07</p>"), "<p>Bell</p>")
                self.assertEqual(len(calls), 2)
            self.assertEqual(clean_html(cleaned), cleaned)  # after the block, cleaned again
            self.assertEqual(len(calls), 3)
