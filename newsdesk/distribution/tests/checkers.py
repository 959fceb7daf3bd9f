"""The independent checkers, run from the tests: Nu Html Checker, Adobe's structured-data validator,
the sitemap XSDs and the ninjs JSON Schema. Each gets every document of a test in one run."""

import json
import shutil
import subprocess
import tempfile
from functools import cache
from pathlib import Path

import jsonschema
from lxml import etree

DATA = Path(__file__).parent / "data"
REPO = Path(__file__).resolve().parents[3]
NODE_MODULES = REPO / "node_modules"


def _require(path: Path, what: str) -> Path:
    if not path.exists():
        raise AssertionError(f"{what} is missing at {path}: run `make tools` (npm ci) first.")
    return path


def nu_html_errors(documents: dict[str, bytes]) -> list[str]:
    """Errors the Nu Html Checker reports, as "name:line: message", for every document in one JVM run."""
    jar = _require(NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar", "vnu.jar")
    with tempfile.TemporaryDirectory() as folder:
        names = {}
        for index, (name, html) in enumerate(documents.items()):
            path = Path(folder) / f"page-{index}.html"
            path.write_bytes(html)
            names[path.name] = name
        run = subprocess.run(
            [
                shutil.which("java") or "java",
                "-Xss8m",
                "-jar",
                str(jar),
                "--errors-only",
                "--format",
                "json",
                *(str(Path(folder) / file_name) for file_name in names),
            ],
            capture_output=True,
            text=True,
            timeout=300,
        )
    report = json.loads(run.stderr.strip() or run.stdout.strip() or '{"messages": []}')
    return [
        f"{names.get(str(m.get('url', '')).rsplit('/', 1)[-1], m.get('url'))}:{m.get('lastLine')}: "
        f"{m.get('message')} [{m.get('extract', '').strip()}]"
        for m in report["messages"]
        if m.get("type") in ("error", "non-document-error")
    ]


def structured_data_issues(documents: dict[str, bytes]) -> dict[str, list[str]]:
    """Issues @adobe/structured-data-validator reports with the schema.org vocabulary, per document."""
    _require(NODE_MODULES / "@adobe" / "structured-data-validator", "@adobe/structured-data-validator")
    script = Path(__file__).parent / "structured_data_check.mjs"
    with tempfile.TemporaryDirectory() as folder:
        paths = {}
        for index, (name, html) in enumerate(documents.items()):
            path = Path(folder) / f"page-{index}.html"
            path.write_bytes(html)
            paths[str(path)] = name
        run = subprocess.run(
            ["node", str(script), str(DATA / "schemaorg-current-https.jsonld"), *paths],
            capture_output=True,
            text=True,
            timeout=300,
            cwd=REPO,
        )
    if run.returncode not in (0, 1):
        raise AssertionError(f"structured-data check crashed: {run.stderr}")
    report = json.loads(run.stdout)
    return {paths[path]: issues for path, issues in report.items()}


@cache
def _schema(name: str) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(DATA / name), etree.XMLParser(no_network=True)))


def xsd_errors(xml: bytes, schema: str = "sitemap-with-extensions.xsd") -> list[str]:
    validator = _schema(schema)
    document = etree.fromstring(xml, etree.XMLParser(no_network=True))
    validator.validate(document)
    return [f"{error.line}: {error.message}" for error in validator.error_log]


def ninjs_errors(item: dict, version: str = "2.2") -> list[str]:
    schema = json.loads((DATA / f"ninjs-schema_{version}.json").read_text())
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    return [f"{'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(item)]
