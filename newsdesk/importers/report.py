"""The import report: one JSON line per thing skipped, changed or written, and a summary."""

import json
import re
from collections import Counter
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

OUTCOMES = ("created", "updated", "unchanged", "skipped", "changed", "warning", "error")
EXPLAINED = ("skipped", "warning", "error")  # the summary says why, most common reasons first
# What differs between two lines with the same cause: quoted names, paths and file names, numbers.
_SPECIFICS = re.compile(r"'[^']*'|\"[^\"]*\"|\S*[/\\.]\S*[\w/]|\b\d+\b")


class Report:
    """Collects report lines and counts; writes them to a JSON-lines file when given a path."""

    def __init__(self, path: str | Path | None = None):
        self.path = Path(path) if path else None
        self.counts: Counter = Counter()
        self.causes: Counter = Counter()  # (action, kind, reason without specifics) → lines
        self.lines: list[dict] = [] if self.path is None else None
        self._file = open(self.path, "w", encoding="utf-8") if self.path else None  # noqa: SIM115
        self._held: list[list[dict]] = []  # one buffer per open `held()` block, innermost last

    def add(self, kind: str, source_id: str, action: str, reason: str = "", *, title: str = "", target: str = ""):
        line = {"kind": kind, "source_id": str(source_id), "action": action, "reason": reason}
        if title:
            line["title"] = title
        if target:
            line["target"] = target
        self.counts[(kind, action)] += 1
        if action in EXPLAINED:
            self.causes[(action, kind, _SPECIFICS.sub("…", reason))] += 1
        if self._file is not None:
            line["at"] = datetime.now(UTC).isoformat(timespec="seconds")
        if self._held:
            self._held[-1].append(line)
        else:
            self._write(line)

    def _write(self, line: dict):
        if self._file is not None:
            self._file.write(json.dumps(line, ensure_ascii=False) + "\n")
        else:
            self.lines.append(line)

    @contextmanager
    def held(self):
        """Lines and counts added inside are kept only if the block ends without an exception.

        An item that fails is rolled back whole, and so is what it had reported: its one line is
        the error. A batch of items written in one transaction reports what it did only once it
        has done it; when the batch is rolled back and its items are imported again one by one,
        the report tells that second attempt alone. Blocks nest: an item inside a batch.
        """
        counts, causes = self.counts.copy(), self.causes.copy()
        self._held.append([])
        try:
            yield self
        except BaseException:
            self._held.pop()
            self.counts, self.causes = counts, causes
            raise
        lines = self._held.pop()
        if self._held:
            self._held[-1].extend(lines)
        else:
            for line in lines:
                self._write(line)

    def count(self, kind: str | None = None, action: str | None = None) -> int:
        return sum(n for (k, a), n in self.counts.items() if kind in (None, k) and action in (None, a))

    def close(self):
        if self._file is not None:
            self._file.close()
            self._file = None

    def summary(self) -> str:
        written = []
        for kind in ("article", "page", "image", "author", "section", "redirect"):
            made, changed = self.count(kind, "created"), self.count(kind, "updated")
            same = self.count(kind, "unchanged")
            if made or changed or same:
                written.append(f"{kind}s {made} created, {changed} updated, {same} unchanged")
        problems = ", ".join(
            f"{self.count(action=a)} {a}" for a in ("skipped", "changed", "warning", "error") if self.count(action=a)
        )
        return (
            "; ".join(written or ["nothing written"])
            + (f". Report lines: {problems}" if problems else "")
            + self._why()
        )

    def _why(self, most=3) -> str:
        """The commonest causes of skipped, warning and error lines, so the summary says why."""
        parts = []
        for action in EXPLAINED:
            causes = sorted(
                ((n, kind, reason) for (a, kind, reason), n in self.causes.items() if a == action),
                key=lambda cause: (-cause[0], cause[1], cause[2]),
            )
            if causes:
                said = "; ".join(
                    f"{n} {kind}: {reason}" if reason else f"{n} {kind}" for n, kind, reason in causes[:most]
                )
                more = f"; {len(causes) - most} other reasons" if len(causes) > most else ""
                parts.append(f"{action.capitalize()} — {said}{more}")
        return "".join(f". {part}" for part in parts)
