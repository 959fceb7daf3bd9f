"""The article-import corpus (see README.md): pages, their expected text, and how text is scored."""

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from newsdesk.importers.read.main_text import words

HERE = Path(__file__).resolve().parent


@dataclass
class CorpusPage:
    name: str
    path: Path
    headline: str
    author: str
    encoding: str
    expected: str

    def read(self) -> bytes:
        return self.path.read_bytes()


def corpus_pages() -> list[CorpusPage]:
    manifest = json.loads((HERE / "manifest.json").read_text(encoding="utf-8"))
    return [
        CorpusPage(
            name=name,
            path=HERE / f"{name}.html",
            headline=entry["headline"],
            author=entry["author"],
            encoding=entry["encoding"],
            expected=(HERE / f"{name}.expected.txt").read_text(encoding="utf-8"),
        )
        for name, entry in manifest.items()
    ]


def token_scores(found: str, expected: str) -> tuple[float, float, float]:
    """(precision, recall, F1) of the word tokens of `found` against `expected`, as bags of words."""
    got, want = Counter(words(found or "")), Counter(words(expected))
    common = sum((got & want).values())
    precision = common / sum(got.values()) if got else 0.0
    recall = common / sum(want.values()) if want else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
