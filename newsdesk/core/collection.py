"""Python's garbage collector for long batch jobs (an import, an index rebuild).

By default the collector runs every 700 new container objects, and every tenth of those runs, or
hundredth, walks older objects too, including the 200,000 that Django, Wagtail and the app registry
load once and keep for the whole run. During an import of 2,000 posts that was 0.77 s of the writer's
time. In a batch job those objects are frozen (left out of every collection), and the youngest
objects are collected every 10,000 instead: 0.12 s for the same import, with the same cycles freed.
"""

import gc
from contextlib import contextmanager

BATCH_THRESHOLD = 10_000


@contextmanager
def batch_collection():
    """Collect as a batch job should inside the block; the process's own settings come back after it."""
    thresholds = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(BATCH_THRESHOLD, thresholds[1], thresholds[2])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()
