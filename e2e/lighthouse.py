"""Runs Lighthouse 12 (from node_modules) against a page in Debian's Chromium and reads its JSON report."""

import json
import os
import subprocess
from pathlib import Path

from e2e.checks import CHROMIUM, CHROMIUM_FLAGS, REPO

LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


# Lighthouse ends some runs with a runtime error of its own tracing (NO_NAVSTART, NO_FCP…) and says
# to run it again; those runs measured nothing, so they are repeated. Any other failure fails the test.
RETRY_HINT = "Please run Lighthouse again"
ATTEMPTS = 3


def run(url: str, output_stem: Path) -> dict:
    """Mobile preset (Lighthouse's default: phone form factor, simulated slow 4G); JSON and HTML kept on disk."""
    command = [
        str(LIGHTHOUSE),
        url,
        f"--chrome-flags={' '.join(CHROMIUM_FLAGS)}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--output=json",
        "--output=html",
        f"--output-path={output_stem}",
        "--quiet",
    ]
    attempt = 1
    while True:
        done = subprocess.run(
            command, env=dict(os.environ, CHROME_PATH=CHROMIUM), capture_output=True, text=True, timeout=240
        )
        if done.returncode == 0:
            return json.loads(Path(f"{output_stem}.report.json").read_text())
        if RETRY_HINT not in done.stderr or attempt == ATTEMPTS:
            raise AssertionError(
                f"Lighthouse failed on {url} (attempt {attempt}, exit {done.returncode}):\n{done.stderr}"
            )
        print(f"Lighthouse asked to be run again on {url} (attempt {attempt}): {done.stderr.strip()}")
        attempt += 1


def scores(report: dict, exempt=frozenset()) -> dict[str, float | None]:
    """Category scores; a category holding an `exempt` audit is scored again, as Lighthouse does
    (the weighted mean of its audits), without that audit."""
    return {name: _score(report, category, exempt) for name, category in report["categories"].items()}


def _score(report: dict, category: dict, exempt) -> float | None:
    if not any(ref["id"] in exempt for ref in category["auditRefs"]):
        return category["score"]
    weighted = [
        (ref["weight"], report["audits"][ref["id"]]["score"])
        for ref in category["auditRefs"]
        if ref["id"] not in exempt and ref["weight"] and report["audits"][ref["id"]]["score"] is not None
    ]
    total = sum(weight for weight, _ in weighted)
    return round(sum(weight * score for weight, score in weighted) / total, 2) if total else None


def shortfalls(report: dict, category: str, exempt=frozenset()) -> list[str]:
    """The audits that cost a category points, with what Lighthouse says about each."""
    audits = report["audits"]
    lines = []
    for ref in report["categories"][category]["auditRefs"]:
        if ref["id"] in exempt:
            continue
        audit = audits[ref["id"]]
        if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
            value = audit.get("displayValue", "")
            lines.append(
                f"  {ref['id']} (score {audit['score']}, weight {ref['weight']}) {audit['title']} {value}".rstrip()
            )
    return lines
