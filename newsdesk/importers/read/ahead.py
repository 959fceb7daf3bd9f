"""An export's records read and their bodies converted in a second process, while the first writes.

Parsing the XML and turning a 9 KB post body into blocks costs about as much as writing the post,
and none of it needs the database (this package loads without Django settings). On a machine with
two cores or more, a child process does it ahead of the writer; records come back in chunks over a
pipe, whose small buffer holds the child back, so memory stays flat however long the export is.

    with ConvertedRecords(path) as reader:
        for record in reader.records():   # ItemRecords for posts and pages carry `converted`
            ...
        reader.position, reader.size     # for progress, as WXRReader has them

On one core, or where a process cannot be started, the same records are read here.
"""

import os
import pickle
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from newsdesk.importers.read import markup
from newsdesk.importers.read.records import ItemRecord
from newsdesk.importers.read.wxr import WXRReader

CHUNK = 50  # records per message: fewer, larger messages cost less than one per record
CONVERTED_TYPES = ("post", "page")
# Below this size the child's start (about a second of imports) costs more than it saves.
CHILD_FROM_BYTES = 2_000_000
_DONE, _FAILED = "done", "failed"


def convert_ahead(record) -> None:
    """What the writer would do first with a post or page: convert its body, kept on the record."""
    if isinstance(record, ItemRecord) and record.post_type in CONVERTED_TYPES and record.converted is None:
        record.converted = markup.convert(record.content)


def _read_and_convert(path: str, out) -> None:
    """The child: every record of the export, in order, pickled in chunks with the reader's position."""
    try:
        reader, chunk = WXRReader(path), []
        for record in reader.records():
            convert_ahead(record)
            chunk.append(record)
            if len(chunk) >= CHUNK:
                pickle.dump(("records", reader.position, chunk), out, protocol=pickle.HIGHEST_PROTOCOL)
                chunk = []
        pickle.dump(("records", reader.size, chunk), out, protocol=pickle.HIGHEST_PROTOCOL)
        pickle.dump((_DONE, reader.size, None), out)
    except BrokenPipeError:  # the writer stopped early and closed its end
        return
    except Exception as exc:  # the parent raises it; a child's traceback alone would be lost among logs
        pickle.dump((_FAILED, 0, f"{type(exc).__name__}: {exc}"), out)
    out.flush()


class ConvertedRecords:
    """WXRReader's records with post and page bodies converted, by a child process when it helps."""

    def __init__(self, path, *, in_child: bool | None = None):
        self.path = Path(path)
        self.size = self.path.stat().st_size
        self.position = 0
        if in_child is None:
            in_child = (os.cpu_count() or 1) > 1 and self.size >= CHILD_FROM_BYTES
        self.in_child = in_child
        self._process: subprocess.Popen | None = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self) -> None:
        """Stops the child if the writer stopped early (an error, Ctrl-C)."""
        if self._process is not None:
            self._process.stdout.close()
            if self._process.poll() is None:
                self._process.terminate()
            self._process.wait(timeout=10)
            self._process = None

    def records(self) -> Iterator:
        if not self.in_child:
            yield from self._here()
            return
        # A plain child interpreter, not multiprocessing: that re-imports the caller's main script in
        # the child, and forking would copy this process's database connections and threads. The
        # pipe's small buffer is the bound on how far the child runs ahead.
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
        self._process = subprocess.Popen(
            [sys.executable, "-m", __name__, str(self.path)], stdout=subprocess.PIPE, env=env
        )
        try:
            while True:
                try:
                    kind, position, payload = pickle.load(self._process.stdout)
                except EOFError:
                    raise RuntimeError(
                        f"the process reading {self.path.name} stopped (exit code {self._process.wait()})"
                    ) from None
                if kind == _FAILED:
                    raise RuntimeError(f"reading {self.path.name} failed: {payload}")
                self.position = position
                if kind == _DONE:
                    return
                yield from payload
        finally:
            self.close()

    def _here(self) -> Iterator:
        reader = WXRReader(self.path)
        for record in reader.records():
            convert_ahead(record)
            self.position = reader.position
            yield record
        self.position = self.size


if __name__ == "__main__":
    _read_and_convert(sys.argv[1], sys.stdout.buffer)
