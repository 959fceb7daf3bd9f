"""A batch's new tags are made in one INSERT, with what making them one by one would give."""

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag

from newsdesk.importers.load.tags import ensure_tags, make_tags_ahead, read_tags_ahead


class MakeTagsAheadTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.harbour = Tag.objects.create(name="Harbour", slug="harbour")
        Tag.objects.create(name="Old ports", slug="ports")  # holds the slug "Ports" would take

    def test_new_tags_are_made_in_one_insert_and_found_by_name_without_a_query(self):
        names = ["harbour", "Café", "cafe", "Ελλάδα", "Ports", "Shipping\x07 lanes", "Café"]
        known = {}
        read_tags_ahead(names, known)
        self.assertEqual(known, {"harbour": self.harbour})
        with CaptureQueriesContext(connection) as queries:
            make_tags_ahead(names, known)
        inserts = [q["sql"] for q in queries if q["sql"].startswith('INSERT INTO "taggit_tag"')]
        self.assertEqual(len(inserts), 1)
        made = {tag.name: tag.slug for tag in Tag.objects.exclude(pk=self.harbour.pk).exclude(slug="ports")}
        # "cafe" slugs like "Café" and "Ports" like a tag already there: those are numbered one by one.
        self.assertEqual(made, {"Café": "cafe", "Ελλάδα": "ellada", "Shipping lanes": "shipping-lanes"})
        self.assertEqual(known["shipping\x07 lanes"].name, "Shipping lanes")  # cleaned as saving one would
        with self.assertNumQueries(0):
            self.assertEqual([t.name for t in ensure_tags(["CAFÉ", "ελλάδα"], known)], ["Café", "Ελλάδα"])
        numbered = ensure_tags(["cafe", "Ports"], known)
        self.assertEqual([(t.name, t.slug) for t in numbered], [("cafe", "cafe-2"), ("Ports", "ports-2")])
