"""Runs Lighthouse 12 (from node_modules) against a page in Debian's Chromium and reads its JSON report."""

import json
import os
import subprocess
from pathlib import Path

from e2e.checks import CHROMIUM, CHROMIUM_FLAGS, REPO

LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def run(url: str, output_stem: Path) -> dict:
    """Mobile preset (Lighthouse's default: phone form factor, simulated slow 4G); JSON and HTML kept on disk."""
    subprocess.run(
        [
            str(LIGHTHOUSE), url,
            f"--chrome-flags={' '.join(CHROMIUM_FLAGS)}",
            f"--only-categories={','.join(CATEGORIES)}",
            "--output=json", "--output=html",
            f"--output-path={output_stem}",
            "--quiet",
        ],
        env=dict(os.environ, CHROME_PATH=CHROMIUM),
        check=True,
        timeout=240,
    )
    return json.loads(Path(f"{output_stem}.report.json").read_text())


def scores(report: dict) -> dict[str, float | None]:
    return {name: category["score"] for name, category in report["categories"].items()}


def shortfalls(report: dict, category: str) -> list[str]:
    """The audits that cost a category points, with what Lighthouse says about each."""
    audits = report["audits"]
    lines = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = audits[ref["id"]]
        if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
            value = audit.get("displayValue", "")
            lines.append(f"  {ref['id']} (score {audit['score']}, weight {ref['weight']}) {audit['title']} {value}".rstrip())
    return lines
