"""A batch's new tags are made in one INSERT, with what making them one by one would give."""

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag

from newsdesk.importers.load.tags import ensure_tags, make_tags_ahead


class MakeTagsAheadTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.harbour = Tag.objects.create(name="Harbour", slug="harbour")
        Tag.objects.create(name="Old ports", slug="ports")  # holds the slug "Ports" would take
        cls.athens = Tag.objects.create(name="Αθήνα", slug="athens")  # SQLite's lower() leaves it as it is

    def test_tags_are_read_in_one_query_and_new_ones_made_in_one_insert(self):
        names = ["harbour", "Café", "cafe", "Ελλάδα", "Ports", "Shipping\x07 lanes", "Café", "Αθήνα"]
        known = {}
        with CaptureQueriesContext(connection) as queries:
            make_tags_ahead(names, known)
        self.assertEqual(len(queries), 3)  # the existing tags, the slugs taken, the INSERT
        self.assertEqual(known["harbour"], self.harbour)
        self.assertEqual(known["αθήνα"], self.athens)
        inserts = [q["sql"] for q in queries if q["sql"].startswith('INSERT INTO "taggit_tag"')]
        self.assertEqual(len(inserts), 1)
        made = {tag.name: tag.slug for tag in Tag.objects.exclude(slug__in=["harbour", "ports", "athens"])}
        # "cafe" slugs like "Café" and "Ports" like a tag already there: those are numbered one by one.
        self.assertEqual(made, {"Café": "cafe", "Ελλάδα": "ellada", "Shipping lanes": "shipping-lanes"})
        self.assertEqual(known["shipping\x07 lanes"].name, "Shipping lanes")  # cleaned as saving one would
        with self.assertNumQueries(0):
            self.assertEqual([t.name for t in ensure_tags(["CAFÉ", "ελλάδα"], known)], ["Café", "Ελλάδα"])
        numbered = ensure_tags(["cafe", "Ports"], known)
        self.assertEqual([(t.name, t.slug) for t in numbered], [("cafe", "cafe-2"), ("Ports", "ports-2")])

    def test_after_a_rollback_cleared_them_the_tags_are_found_again_not_made_twice(self):
        known = {}
        make_tags_ahead(["Harbour", "Αθήνα", "Tides"], known)
        known.clear()  # as a rolled-back batch leaves it; the batch is then written again
        make_tags_ahead(["Harbour", "Αθήνα", "Tides"], known)
        self.assertEqual(Tag.objects.filter(name__in=["Harbour", "Αθήνα", "Tides"]).count(), 3)
        self.assertEqual(sorted(known), ["harbour", "tides", "αθήνα"])
