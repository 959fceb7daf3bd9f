from datetime import UTC, datetime

from django.test import SimpleTestCase, override_settings

from newsdesk.core.dates import iso_datetime


class IsoDatetimeTests(SimpleTestCase):
    def test_it_drops_microseconds_and_keeps_the_offset(self):
        value = datetime(2025, 2, 4, 9, 30, 15, 123456, tzinfo=UTC)
        self.assertEqual(iso_datetime(value), "2025-02-04T09:30:15+00:00")

    @override_settings(TIME_ZONE="Asia/Karachi")
    def test_it_shows_the_site_time_zone(self):
        value = datetime(2025, 2, 4, 9, 30, tzinfo=UTC)
        self.assertEqual(iso_datetime(value), "2025-02-04T14:30:00+05:00")

    def test_it_is_empty_for_no_date(self):
        self.assertEqual(iso_datetime(None), "")
