"""Block ids stay what they were: a re-run compares bodies and revisions by them."""

import uuid

from django.test import SimpleTestCase

from newsdesk.importers.load.import_records import block_id


class BlockIdTests(SimpleTestCase):
    def test_a_block_id_is_the_uuid5_of_its_parts_in_the_url_namespace(self):
        for parts in [
            ("https://desk.example.org", "17", 0),
            ("https://desk.example.org", 123456789, 42),
            ("export.xml", "https://old.example.org/?p=9", 3),
            ("html-page", "https://ar.example.org/العالم/خبر", 11),
            ("",),
        ]:
            with self.subTest(parts=parts):
                expected = str(uuid.uuid5(uuid.NAMESPACE_URL, "/".join(str(p) for p in parts)))
                self.assertEqual(block_id(*parts), expected)
