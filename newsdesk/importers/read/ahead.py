"""An export read, and its post bodies converted, in a second process while the first writes.

Parsing the XML and turning a 9 KB post body into blocks costs about as much as writing the post,
and none of it needs the database (this package loads without Django settings). On a machine with
two cores or more, a child process reads the export twice, as the import does: first the records
the first pass writes (the channel, authors, terms, attachments and guest authors, parse issues),
then every record, post and page bodies converted. It is started before the first pass, so it
reads and converts posts while the writer stores images. Records come back in chunks over a pipe;
a thread here takes them into a queue of a few chunks, whose bound holds the child back, so memory
stays flat however long the export is.

    with ConvertedRecords(path) as reader:
        reader.start()                          # optional: the child starts reading at once
        for record in reader.first_pass(): ...  # what the first pass needs, in file order
        for record in reader.records(): ...     # ItemRecords for posts and pages carry `converted`
        reader.position, reader.size            # for progress, as WXRReader has them

On one core, or where a process cannot be started, the same records are read here.
"""

import gc
import os
import pickle
import queue
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

from newsdesk.core.collection import batch_collection
from newsdesk.importers.read import markup
from newsdesk.importers.read.records import ItemRecord
from newsdesk.importers.read.wxr import WXRError, WXRReader, is_guest_author

CHUNK = 50  # records per message: fewer, larger messages cost less than one per record
# Messages of converted posts held here before the child must wait: about 1,000 posts, 25 MB, enough to
# cover the first pass of a large export (and Django's start-up) without memory growing with the export.
AHEAD_CHUNKS = 20
# Messages of the first pass's records (attachments, authors: a few hundred bytes each) held here: the
# whole first pass of most exports (10,000 records, a few MB), so a child started before the import is
# ready for it (importers/head_start.py) goes on to convert posts instead of waiting with the first pass.
FIRST_PASS_AHEAD_CHUNKS = 200
CONVERTED_TYPES = ("post", "page")
# Below this size the child's start (about a second of imports) costs more than it saves.
CHILD_FROM_BYTES = 2_000_000
_RECORDS, _SECOND_PASS, _DONE, _FAILED, _NOT_WXR = "records", "second pass", "done", "failed", "not wxr"


def convert_ahead(record) -> None:
    """What the writer would do first with a post or page: convert its body and clean its paragraphs as
    saving would, kept on the record."""
    if isinstance(record, ItemRecord) and record.post_type in CONVERTED_TYPES and record.converted is None:
        record.converted = markup.sanitise_paragraphs(markup.convert(record.content))


def first_pass_record(record) -> bool:
    """Whether the first pass (authors, categories, images) has any use for `record`: posts and
    pages it passes over are not sent to it."""
    return not isinstance(record, ItemRecord) or record.post_type == "attachment" or is_guest_author(record)


def _first_pass_here(path) -> Iterator:
    reader = WXRReader(path)
    for record in reader.records():
        if first_pass_record(record):
            yield reader.position, record


def _second_pass_here(path) -> Iterator:
    reader = WXRReader(path)
    for record in reader.records():
        convert_ahead(record)
        yield reader.position, record


def _read_and_convert(path: str, out) -> None:
    """The child: the first pass's records, then every record of the export, in order, pickled in
    chunks with the reader's position."""

    def send(records, size):
        chunk, position = [], 0
        for position, record in records:
            chunk.append(record)
            if len(chunk) >= CHUNK:
                pickle.dump((_RECORDS, position, chunk), out, protocol=pickle.HIGHEST_PROTOCOL)
                chunk = []
        pickle.dump((_RECORDS, size, chunk), out, protocol=pickle.HIGHEST_PROTOCOL)

    try:
        size = Path(path).stat().st_size
        send(_first_pass_here(path), size)
        pickle.dump((_SECOND_PASS, 0, None), out)
        send(_second_pass_here(path), size)
        pickle.dump((_DONE, size, None), out)
    except BrokenPipeError:  # the writer stopped early and closed its end
        return
    except WXRError as exc:  # not an export at all: the writer says so as it would reading it itself
        pickle.dump((_NOT_WXR, 0, str(exc)), out)
    except Exception as exc:  # the parent raises it; a child's traceback alone would be lost among logs
        pickle.dump((_FAILED, 0, f"{type(exc).__name__}: {exc}"), out)
    try:
        out.flush()
    except BrokenPipeError:
        pass


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
        self._messages: queue.Queue | None = None  # the first pass's messages, then the second's
        self._first_messages: queue.Queue | None = None
        self._second_messages: queue.Queue | None = None
        self._pump: threading.Thread | None = None
        self._stopping = threading.Event()
        self._first_read = False

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def start(self) -> None:
        """Starts the child (if one is used), so it reads ahead while the caller does other work."""
        if not self.in_child or self._process is not None:
            return
        # A plain child interpreter, not multiprocessing: that re-imports the caller's main script in
        # the child, and forking would copy this process's database connections and threads.
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
        self._process = subprocess.Popen(
            [sys.executable, "-m", __name__, str(self.path)], stdout=subprocess.PIPE, env=env
        )
        self._first_messages = queue.Queue(maxsize=FIRST_PASS_AHEAD_CHUNKS)
        self._second_messages = queue.Queue(maxsize=AHEAD_CHUNKS)
        self._messages = self._first_messages
        self._stopping.clear()
        self._pump = threading.Thread(target=self._take_messages, name="wxr-read-ahead", daemon=True)
        self._pump.start()

    def _take_messages(self) -> None:
        """The thread: the child's messages into the bounded queues (the first pass's, then the second's),
        until the last or until stopped."""
        stream, messages = self._process.stdout, self._first_messages
        while True:
            try:
                message = pickle.load(stream)
            except EOFError:
                message = (None, 0, None)  # the child stopped without saying why
            except (OSError, ValueError, pickle.UnpicklingError) as exc:  # the pipe broke, or what came was garbled
                message = (None, 0, f"{type(exc).__name__}: {exc}")
            while not self._stopping.is_set():
                try:
                    messages.put(message, timeout=0.1)
                    break
                except queue.Full:
                    continue
            if self._stopping.is_set() or message[0] in (None, _DONE, _FAILED, _NOT_WXR):
                return
            if message[0] == _SECOND_PASS:
                messages = self._second_messages

    def close(self) -> None:
        """Stops the child if the writer stopped early (an error, Ctrl-C)."""
        if self._process is not None:
            self._stopping.set()
            if self._process.poll() is None:
                self._process.terminate()
            self._pump.join(timeout=10)
            self._process.stdout.close()
            self._process.wait(timeout=10)
            self._process = self._pump = self._messages = self._first_messages = self._second_messages = None

    def first_pass(self) -> Iterator:
        """The records the first pass uses (see `first_pass_record`), in file order."""
        if not self.in_child:
            for position, record in _first_pass_here(self.path):
                self.position = position
                yield record
            self.position = self.size
            return
        self.start()
        try:
            yield from self._until(_SECOND_PASS)
            self._first_read = True
        except BaseException:
            self.close()
            raise

    def records(self) -> Iterator:
        """Every record of the export, post and page bodies converted."""
        if not self.in_child:
            for position, record in _second_pass_here(self.path):
                self.position = position
                yield record
            self.position = self.size
            return
        try:
            if not self._first_read:  # the caller wants the second pass alone
                self.start()
                for _record in self._until(_SECOND_PASS):
                    pass
                self._first_read = True
            yield from self._until(_DONE)
        finally:
            self.close()

    def _stopped_child(self, reason) -> str:
        """Why the child's messages ended. A child still running (its messages could not be read) is
        stopped first: waiting for it would wait for ever, as it waits for its pipe to be read."""
        if self._process.poll() is None:
            self._process.kill()
        code = self._process.wait()
        return f"exit code {code}" + (f", {reason}" if reason else "")

    def _until(self, end: str) -> Iterator:
        while True:
            kind, position, payload = self._messages.get()
            if kind is None:
                raise RuntimeError(f"the process reading {self.path.name} stopped ({self._stopped_child(payload)})")
            if kind == _NOT_WXR:
                raise WXRError(payload)
            if kind == _FAILED:
                raise RuntimeError(f"reading {self.path.name} failed: {payload}")
            if kind == end:
                if kind == _DONE:
                    self.position = position
                else:  # the second pass's messages come on their own queue
                    self._messages = self._second_messages
                return
            if kind == _SECOND_PASS:
                raise RuntimeError(f"the process reading {self.path.name} sent its records out of order")
            self.position = position
            yield from payload


if __name__ == "__main__":
    with batch_collection():
        _read_and_convert(sys.argv[1], sys.stdout.buffer)
    gc.freeze()  # the parent may wait for this process to end: see newsdesk/cli.py
