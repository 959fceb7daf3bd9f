"""Searches take turns: at most NEWSDESK_SEARCH_CONCURRENCY run at once on one database; the rest wait
in line, first come first served.

A search is a short burst of CPU (the database's, and ranking here). Sixteen at once on two cores all
run eight times slower, so the slowest of them takes over a second and every other page on the site
waits for a core too. Taken in turn, each search runs at its own speed after the ones ahead of it:
the average wait is the same, the longest is far shorter, and the searches never hold more than
their share of the machine.

On PostgreSQL a turn is an advisory lock, so every process and thread of every app server shares the
same line, and a process that dies gives its turn back with its connection:

- the turn itself is one of N transaction-level locks (N = NEWSDESK_SEARCH_CONCURRENCY), held until
  the search's transaction ends;
- waiting is a session-level lock, the line: PostgreSQL grants it in the order it was asked for, and
  its holder, the head of the line, takes the first turn that frees up (checking every few
  milliseconds), then leaves the line to the next.

On SQLite there is no server to hold a shared line, and each app-server process reads the database
file itself: the line is the process's own (`ProcessLine`), among its threads, and the default is one
turn per process (granian's workers are the processes; two by default, one per core).

A search that has waited NEWSDESK_SEARCH_WAIT seconds runs anyway: turns order searches, they never
refuse one.
"""

import logging
import threading
import time
from collections import deque
from contextlib import contextmanager

from django.conf import settings
from django.db import OperationalError, connection, transaction

logger = logging.getLogger(__name__)

# The advisory lock space is the database's; this first key is ours ("ndsr"), the second the turn.
LOCK_SPACE = 0x6E647372
LINE = -1
POLL_SECONDS = 0.002
CLAIM = f"SELECT turn FROM generate_series(0, %s - 1) turn WHERE pg_try_advisory_xact_lock({LOCK_SPACE}, turn) LIMIT 1"


@contextmanager
def search_turn():
    """Run the body in one of the database's search turns (in a transaction, on PostgreSQL)."""
    turns = settings.NEWSDESK_SEARCH_CONCURRENCY
    if turns <= 0:
        yield
        return
    if connection.vendor != "postgresql":
        with PROCESS_LINE.turn(turns, settings.NEWSDESK_SEARCH_WAIT):
            yield
        return
    with transaction.atomic():
        with connection.cursor() as cursor:
            # Straight to a free turn only when nobody is in line: a search arriving as a turn frees up
            # must not take it from the head of the line.
            cursor.execute(f"SELECT pg_try_advisory_lock({LOCK_SPACE}, {LINE})")
            if cursor.fetchone()[0]:
                claimed = _claim_at_head(cursor, turns)
            else:
                claimed = _wait_in_line(cursor, turns)
            if not claimed:
                logger.info("search ran without a turn after waiting %s s", settings.NEWSDESK_SEARCH_WAIT)
        yield


def _wait_in_line(cursor, turns) -> bool:
    """Join the line, and at its head claim the first free turn; False when the wait ran out."""
    deadline = time.monotonic() + settings.NEWSDESK_SEARCH_WAIT
    try:
        with transaction.atomic():  # a savepoint: the lock timing out leaves the search's transaction usable
            cursor.execute(
                "SELECT set_config('lock_timeout', %s, true)", [f"{int(settings.NEWSDESK_SEARCH_WAIT * 1000)}ms"]
            )
            cursor.execute(f"SELECT pg_advisory_lock({LOCK_SPACE}, {LINE})")
    except OperationalError:
        return False
    cursor.execute("SET LOCAL lock_timeout TO DEFAULT")
    return _claim_at_head(cursor, turns, deadline)


def _claim_at_head(cursor, turns, deadline=None) -> bool:
    """At the head of the line (holding its lock): take the first turn that frees up, then leave the line."""
    deadline = deadline or time.monotonic() + settings.NEWSDESK_SEARCH_WAIT
    try:
        while True:
            cursor.execute(CLAIM, [turns])
            if cursor.fetchone() is not None:
                return True
            if time.monotonic() >= deadline:
                return False
            time.sleep(POLL_SECONDS)
    finally:
        cursor.execute(f"SELECT pg_advisory_unlock({LOCK_SPACE}, {LINE})")


class ProcessLine:
    """Turns among one process's threads, first come first served: a finishing search hands its turn to the
    head of the line directly, so a search arriving meanwhile cannot take it."""

    def __init__(self):
        self._lock = threading.Lock()
        self._running = 0
        self._line = deque()

    @contextmanager
    def turn(self, turns: int, wait: float):
        with self._lock:
            called = None
            if self._running < turns and not self._line:
                self._running += 1
            else:
                called = threading.Event()
                self._line.append(called)
        if called is not None and not called.wait(wait):
            with self._lock:
                if not called.is_set():  # not handed a turn in time: run anyway, beside the others
                    self._line.remove(called)
                    self._running += 1
                    logger.info("search ran without a turn after waiting %s s", wait)
        try:
            yield
        finally:
            with self._lock:
                # One that ran beside the others (a wait ran out, or turns were lowered) gives no turn on.
                if self._line and self._running <= turns:
                    self._line.popleft().set()
                else:
                    self._running -= 1


PROCESS_LINE = ProcessLine()
