"""Whether an import keeps what it writes: a dry run writes everything, reports it, then undoes it."""

from contextlib import contextmanager

from django.core.files.storage import default_storage
from django.db import transaction


class _RollBack(Exception):
    pass


class KeptRun:
    """Each item commits on its own: a stopped run keeps what it finished."""

    def __init__(self):
        self.created_files: list[str] = []  # storage names written this run

    @contextmanager
    def scope(self):
        yield


class DryRun(KeptRun):
    """The whole run in one transaction that is rolled back, and the files it stored deleted."""

    @contextmanager
    def scope(self):
        try:
            with transaction.atomic():
                yield
                raise _RollBack
        except _RollBack:
            pass
        finally:
            for name in self.created_files:
                default_storage.delete(name)
