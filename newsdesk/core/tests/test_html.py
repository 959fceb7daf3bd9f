from django.test import SimpleTestCase

from newsdesk.core.html import with_auto_direction


class AutoDirectionTests(SimpleTestCase):
    def test_it_marks_text_blocks_for_automatic_direction(self):
        html = '<p data-block-key="a">سلام</p><ul><li>one</li></ul><h2>Title</h2>'
        self.assertEqual(
            with_auto_direction(html),
            '<p dir="auto" data-block-key="a">سلام</p><ul><li dir="auto">one</li></ul><h2 dir="auto">Title</h2>',
        )

    def test_it_keeps_an_explicit_direction_and_leaves_other_tags_alone(self):
        html = '<p dir="rtl">x</p><pre>y</pre><picture></picture>'
        self.assertEqual(with_auto_direction(html), html)
