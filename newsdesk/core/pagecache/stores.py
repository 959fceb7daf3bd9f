"""Where cached reader responses live, and the generation that makes them all stale at once.

A purge bumps a generation number; an entry stored under an older generation is never served. This
is simplest-correct: nothing has to know which addresses show a change, and one bump reaches every
process. Two stores:

- MemoryStore (the embedded default): each process keeps its own entries in a least-recently-used
  map bounded by bytes; the generation is an 8-byte counter in a memory-mapped file in the data
  folder, so every worker reads the current value with a memory load on every request.
- RedisStore (when CACHE_URL is Redis): entries and generation live in Redis, shared by every worker
  on every machine; one round trip (MGET of generation and entry) per lookup.
"""

import fcntl
import json
import logging
import mmap
import os
import struct
import threading
import time
from collections import OrderedDict
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import redis
from django.conf import settings

logger = logging.getLogger(__name__)

GENERATION_FORMAT = struct.Struct("<Q")
GENERATION_FILE = "page-cache-generation"


@dataclass(slots=True)
class Entry:
    """One stored response: its status line, headers and body in every encoding it is kept in."""

    status: str
    headers: list
    bodies: dict  # content-coding ("identity", "gzip", "br") -> bytes
    etag: str
    last_modified: int | None
    expires: float
    generation: int
    size: int = field(init=False)

    def __post_init__(self):
        self.size = (
            sum(len(body) for body in self.bodies.values()) + sum(len(n) + len(v) for n, v in self.headers) + 200
        )

    def to_bytes(self) -> bytes:
        head = {
            "status": self.status,
            "headers": self.headers,
            "etag": self.etag,
            "last_modified": self.last_modified,
            "expires": self.expires,
            "generation": self.generation,
            "lengths": [[coding, len(body)] for coding, body in self.bodies.items()],
        }
        return json.dumps(head).encode() + b"\n" + b"".join(self.bodies.values())

    @classmethod
    def from_bytes(cls, data: bytes) -> "Entry":
        head_bytes, _, rest = data.partition(b"\n")
        head = json.loads(head_bytes)
        bodies, offset = {}, 0
        for coding, length in head["lengths"]:
            bodies[coding] = rest[offset : offset + length]
            offset += length
        return cls(
            head["status"],
            [tuple(pair) for pair in head["headers"]],
            bodies,
            head["etag"],
            head["last_modified"],
            head["expires"],
            head["generation"],
        )


class GenerationFile:
    """A counter shared by every process on the machine: a memory-mapped 8-byte file, bumped under a lock."""

    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        with self._locked():
            if os.fstat(self._fd).st_size < GENERATION_FORMAT.size:
                os.ftruncate(self._fd, GENERATION_FORMAT.size)
        self._map = mmap.mmap(self._fd, GENERATION_FORMAT.size)

    @contextmanager
    def _locked(self):
        fcntl.flock(self._fd, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(self._fd, fcntl.LOCK_UN)

    def read(self) -> int:
        return GENERATION_FORMAT.unpack_from(self._map, 0)[0]

    def bump(self) -> int:
        with self._locked():
            value = self.read() + 1
            GENERATION_FORMAT.pack_into(self._map, 0, value)
        return value


class MemoryStore:
    """Entries in this process's memory, least recently used dropped first once `max_bytes` is reached."""

    def __init__(self, generation_path: Path, max_bytes: int):
        self.generation_file = GenerationFile(generation_path)
        self.max_bytes = max_bytes
        self._entries: OrderedDict[str, Entry] = OrderedDict()
        self._bytes = 0
        self._seen_generation = self.generation_file.read()
        self._lock = threading.Lock()

    def generation(self) -> int:
        return self.generation_file.read()

    def get(self, key: str) -> Entry | None:
        generation = self.generation_file.read()
        with self._lock:
            self._follow(generation)
            entry = self._entries.get(key)
            if entry is None:
                return None
            if entry.expires <= time.time():
                self._remove(key)
                return None
            self._entries.move_to_end(key)
            return entry

    def put(self, key: str, entry: Entry) -> None:
        if entry.size > self.max_bytes // 4:
            return
        generation = self.generation_file.read()
        with self._lock:
            self._follow(generation)
            if entry.generation != generation:
                return  # rendered before a purge: its bytes may predate the change
            if key in self._entries:
                self._remove(key)
            self._entries[key] = entry
            self._bytes += entry.size
            while self._bytes > self.max_bytes:
                self._remove(next(iter(self._entries)))

    def bump(self) -> int:
        return self.generation_file.bump()

    def clear(self) -> None:
        with self._lock:
            self._drop_all(self.generation_file.read())

    @property
    def stored_bytes(self) -> int:
        return self._bytes

    def _remove(self, key):
        self._bytes -= self._entries.pop(key).size

    def _follow(self, generation):
        # Everything stored before a bump is stale: free it at once rather than entry by entry.
        if generation != self._seen_generation:
            self._drop_all(generation)

    def _drop_all(self, generation):
        self._entries.clear()
        self._bytes = 0
        self._seen_generation = generation


class RedisStore:
    """Entries and generation in Redis, shared by every worker and machine; fails open when Redis is down."""

    def __init__(self, url: str, prefix: str = "newsdesk:page"):
        self.client = redis.Redis.from_url(url, socket_timeout=0.5, socket_connect_timeout=0.5)
        self.generation_key = f"{prefix}:generation"
        self.entry_prefix = f"{prefix}:entry:"
        self._errors = (redis.RedisError, OSError)

    def generation(self) -> int:
        try:
            return int(self.client.get(self.generation_key) or 0)
        except self._errors as exc:
            logger.warning("Page cache: Redis unavailable (%s); serving without the cache.", exc)
            return -1

    def get(self, key: str) -> Entry | None:
        try:
            generation, data = self.client.mget(self.generation_key, self.entry_prefix + key)
        except self._errors as exc:
            logger.warning("Page cache: Redis unavailable (%s); serving without the cache.", exc)
            return None
        if data is None:
            return None
        entry = Entry.from_bytes(data)
        if entry.generation != int(generation or 0) or entry.expires <= time.time():
            return None
        return entry

    def put(self, key: str, entry: Entry) -> None:
        if entry.generation < 0:
            return
        lifetime = max(int(entry.expires - time.time()), 1)
        try:
            self.client.set(self.entry_prefix + key, entry.to_bytes(), ex=lifetime)
        except self._errors as exc:
            logger.warning("Page cache: Redis unavailable (%s); response not stored.", exc)

    def bump(self) -> int:
        # Old entries are never read again and expire on their own lifetime.
        return int(self.client.incr(self.generation_key))

    def clear(self) -> None:
        self.bump()


@cache
def page_store():
    """This process's store: Redis when the Django cache is Redis, else memory with a generation file."""
    default_cache = settings.CACHES["default"]
    if default_cache["BACKEND"].endswith("RedisCache"):
        return RedisStore(default_cache["LOCATION"], prefix=settings.NEWSDESK_PAGE_CACHE_PREFIX)
    return MemoryStore(settings.DATA_DIR / GENERATION_FILE, settings.NEWSDESK_PAGE_CACHE_MB * 1024 * 1024)


_readers: dict = {}


def current_generation() -> int:
    """The store's generation, through one store per process (opening one costs a file and a map, or a connection).

    Kept per process id: a store opened before a fork shares its file descriptor, and so its lock, with
    the children. Purges keep opening their own (see purge.py), so bumps lock as they always have.
    """
    default_cache = settings.CACHES["default"]
    key = (
        os.getpid(),
        default_cache["BACKEND"],
        str(default_cache.get("LOCATION")),
        settings.NEWSDESK_PAGE_CACHE_PREFIX,
        str(settings.DATA_DIR),
    )
    store = _readers.get(key)
    if store is None:
        store = _readers[key] = page_store()
    return store.generation()
