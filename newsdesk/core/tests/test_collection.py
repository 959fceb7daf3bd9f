"""Batch jobs collect garbage less often and never walk what was loaded before them, yet still free cycles."""

import gc
import weakref

from django.test import SimpleTestCase

from newsdesk.core.collection import BATCH_THRESHOLD, batch_collection


class Node:
    def __init__(self):
        self.other = self


class BatchCollectionTests(SimpleTestCase):
    def test_objects_loaded_before_are_frozen_and_settings_come_back(self):
        thresholds, frozen = gc.get_threshold(), gc.get_freeze_count()
        with batch_collection():
            self.assertEqual(gc.get_threshold()[0], BATCH_THRESHOLD)
            self.assertGreater(gc.get_freeze_count(), frozen)
        self.assertEqual(gc.get_threshold(), thresholds)
        self.assertEqual(gc.get_freeze_count(), 0)

    def test_cycles_made_inside_are_still_freed_without_asking(self):
        with batch_collection():
            cycle = Node()
            gone = weakref.ref(cycle)
            del cycle
            kept = [[] for _ in range(BATCH_THRESHOLD * 3)]  # enough new containers for a collection to run
            self.assertIsNone(gone())
            del kept
