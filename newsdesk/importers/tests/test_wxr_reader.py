"""The streaming WXR reader on its own: no database."""

from django.test import SimpleTestCase

from newsdesk.importers.read.records import AuthorRecord, ItemRecord
from newsdesk.importers.read.wxr import WXRError, WXRReader, parse_date
from newsdesk.importers.tests.material import own, shared_wxr


def read(path):
    return list(WXRReader(path).records())


class WXRReaderTests(SimpleTestCase):
    def test_it_reads_every_version_and_both_namespace_spellings(self):
        for name, version in (
            ("wordpress-importer-phpunit/valid-wxr-1.0.xml", "1.0"),
            ("wordpress-importer-phpunit/valid-wxr-1.1.xml", "1.1"),
            ("64-block-test-data.xml", "1.2"),  # http://wordpress.org/export/1.2/
            ("theme-preview.xml", "1.2"),  # https://wordpress.org/export/1.2/
        ):
            with self.subTest(name):
                reader = WXRReader(shared_wxr(name))
                items = [r for r in reader.records() if isinstance(r, ItemRecord)]
                self.assertEqual(reader.site.wxr_version, version)
                self.assertTrue(items and all(item.post_type for item in items))

    def test_the_theme_unit_test_counts_match_the_export(self):
        records = read(shared_wxr("themeunittestdata.wordpress.xml"))
        types = [r.post_type for r in records if isinstance(r, ItemRecord)]
        self.assertEqual(
            (types.count("post"), types.count("page"), types.count("attachment"), types.count("nav_menu_item")),
            (58, 21, 37, 70),
        )
        self.assertEqual(len([r for r in records if isinstance(r, AuthorRecord)]), 2)

    def test_missing_and_invalid_versions_are_refused(self):
        for name in ("missing-version-tag.xml", "invalid-version-tag.xml", "malformed.xml"):
            with self.subTest(name), self.assertRaisesMessage(WXRError, "This does not appear to be a WXR file"):
                read(shared_wxr(f"wordpress-importer-phpunit/{name}"))

    def test_co_authors_come_in_byline_order(self):
        post = next(
            r for r in read(own("wxr/newsroom-edge-cases.xml")) if isinstance(r, ItemRecord) and r.source_id == "101"
        )
        self.assertEqual(post.coauthors, ["jo-mendes", "amina"])
        self.assertEqual(post.meta["_thumbnail_id"], "501")

    def test_dates_in_odd_shapes(self):
        self.assertEqual(parse_date("2024-02-06 09:30:00").isoformat(), "2024-02-06T09:30:00+00:00")
        self.assertEqual(parse_date("Tue, 05 Mar 2019 08:00:00 +0000").isoformat(), "2019-03-05T08:00:00+00:00")
        self.assertEqual(parse_date("2024-02-06T09:30:00+05:00").isoformat(), "2024-02-06T09:30:00+05:00")
        self.assertIsNone(parse_date("0000-00-00 00:00:00"))
        self.assertIsNone(parse_date("sometime in March"))
