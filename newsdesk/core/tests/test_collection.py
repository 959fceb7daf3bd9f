"""Batch jobs never walk what was loaded before them, yet still free the cycles they make."""

import gc
import weakref

from django.test import SimpleTestCase

from newsdesk.core.collection import batch_collection


class Node:
    def __init__(self):
        self.other = self


class BatchCollectionTests(SimpleTestCase):
    def test_objects_loaded_before_are_frozen_until_the_end(self):
        frozen = gc.get_freeze_count()
        loaded = Node()
        with batch_collection():
            self.assertGreater(gc.get_freeze_count(), frozen)
            self.assertFalse(any(obj is loaded for obj in gc.get_objects()))  # out of every collection's walk
        self.assertEqual(gc.get_freeze_count(), 0)
        self.assertTrue(any(obj is loaded for obj in gc.get_objects()))

    def test_cycles_made_inside_are_still_freed_without_asking(self):
        thresholds = gc.get_threshold()
        with batch_collection():
            cycle = Node()
            gone = weakref.ref(cycle)
            del cycle
            kept = [[] for _ in range(thresholds[0] * 3)]  # enough new containers for a collection to run
            self.assertIsNone(gone())
            del kept
