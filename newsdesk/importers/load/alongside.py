"""Search indexing alongside an import on PostgreSQL: a second process indexes each batch once committed.

Indexing after the import (`index_imported_pages`) took a third of the whole command's time, while during
the import one of two cores stood half idle: the writer waits on the database, the database on the
writer. Here, each time the importer commits a batch, the WordPress ids of its items go over a pipe to a
child process, which reads those pages and writes both search indexes, as the step after the import
would, while the writer goes on with the next batch. At the end the parent indexes what the child did not
confirm (everything, if it failed): the child only brings the work forward, it is never the only way
a page reaches the index.

Only where it can help and is safe: on PostgreSQL (SQLite has one writer at a time), outside any
transaction (the child sees committed batches only), on two cores or more, never for a dry run.

    alongside = attach(importer)              # None where it does not apply
    importer.run()                            # if it raises: alongside.stop()
    indexed = index_the_rest(importer.source, alongside)
"""

import json
import logging
import os
import subprocess
import sys
import tempfile

from django.db import connection

from newsdesk.discovery.engine.indexing import parallel_jobs
from newsdesk.importers.load.search import index_imported_pages

logger = logging.getLogger(__name__)


class IndexAlongside:
    """The parent's end: `send` the ids of each committed batch, `finish` for the page ids indexed."""

    def __init__(self, process: subprocess.Popen, errors):
        self.process, self.errors = process, errors
        self.failed = False
        self.indexed = 0  # pages the child indexed, once `finish` has returned

    @classmethod
    def started(cls) -> "IndexAlongside | None":
        """A child indexing alongside, where that applies here (see the module's docstring), else None."""
        if (os.cpu_count() or 1) < 2 or parallel_jobs(2) < 2:
            return None
        try:
            return cls.spawn(connection.settings_dict["NAME"])
        except OSError as exc:  # no process could be started: the step after the import does it all
            logger.warning("Indexing alongside the import could not start (%s); the pages are indexed after it", exc)
            return None

    @classmethod
    def spawn(cls, database_name: str) -> "IndexAlongside":
        # A plain child interpreter, as the export's reader uses (read/ahead.py): forking would copy this
        # process's connections and threads. It connects to the database this process uses.
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
        errors = tempfile.TemporaryFile()
        process = subprocess.Popen(
            [sys.executable, "-m", "newsdesk.importers.load.alongside_child", database_name],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=errors,
            env=env,
            text=True,
        )
        return cls(process, errors)

    def send(self, source: str, source_ids) -> None:
        """The items of a batch that is committed (those that became no page are passed over there)."""
        if self.failed:
            return
        try:
            self.process.stdin.write(json.dumps([source, [str(i) for i in source_ids]]) + "\n")
            self.process.stdin.flush()
        except (BrokenPipeError, OSError):
            self.failed = True  # the child stopped; `finish` says why and the parent indexes everything

    def finish(self) -> frozenset:
        """Waits for the child; the page ids it handled (none if it failed, which is logged)."""
        try:
            self.process.stdin.close()
        except OSError:  # a child that stopped early leaves a broken pipe
            pass
        output = self.process.stdout.read()
        code = self.process.wait()
        with self.errors:
            try:
                if code == 0:
                    done = json.loads(output.strip().splitlines()[-1])
                    self.indexed = int(done["indexed"])
                    return frozenset(done["ids"])
            except (ValueError, IndexError, KeyError, TypeError):
                pass
            self.errors.seek(0)
            detail = self.errors.read().decode(errors="replace").strip().splitlines()[-1:] or [f"exit code {code}"]
        logger.warning("Indexing alongside the import stopped (%s); the pages are indexed now instead", detail[0])
        return frozenset()

    def stop(self) -> None:
        """The import failed or was interrupted: the child is stopped, whatever it was doing."""
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        self.errors.close()


def attach(importer) -> IndexAlongside | None:
    """Starts indexing alongside `importer` where that applies: its batches are handed over as they commit."""
    alongside = IndexAlongside.started()
    importer.batch_committed = alongside.send if alongside else None
    return alongside


def index_the_rest(source: str, alongside: IndexAlongside | None) -> int:
    """After the import: waits for `alongside` (None where none ran) and indexes every page of `source` it did
    not handle; how many pages were indexed in all."""
    if alongside is None:
        return index_imported_pages(source)
    already = alongside.finish()
    return alongside.indexed + index_imported_pages(source, already=already)
