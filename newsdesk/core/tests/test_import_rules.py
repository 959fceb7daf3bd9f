"""The package's import rules, read from the source: what may import what."""

import ast
from pathlib import Path

from django.test import SimpleTestCase

PACKAGE = Path(__file__).resolve().parents[2]
ROOMS = {path.name for path in PACKAGE.iterdir() if (path / "apps.py").exists()}
# Rooms that show and distribute articles; editorial's rules apply to any page and never name them.
CONTENT_ROOMS = ROOMS - {"core", "editorial"}


def product_modules(under: Path = PACKAGE):
    """Every module the running site may load: not tests, not the test builders."""
    for path in sorted(under.rglob("*.py")):
        relative = path.relative_to(PACKAGE)
        if "tests" in relative.parts or relative == Path("testing.py"):
            continue
        yield path


def imported_modules(path: Path) -> set[str]:
    """Modules `path` imports, at module level or inside functions alike."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def rooms_imported(path: Path) -> set[str]:
    return {
        name.split(".")[1]
        for name in imported_modules(path)
        if name.startswith("newsdesk.") and name.split(".")[1] in ROOMS
    }


class ImportRuleTests(SimpleTestCase):
    def test_the_rules_see_the_whole_package(self):
        self.assertIn("core", ROOMS)
        self.assertIn("articles", CONTENT_ROOMS)
        self.assertGreater(len(list(product_modules())), 50)

    def test_product_code_never_imports_the_test_builders(self):
        offenders = [
            str(path.relative_to(PACKAGE))
            for path in product_modules()
            if any(
                name == "newsdesk.testing" or name.startswith("newsdesk.testing.") for name in imported_modules(path)
            )
            or "testing" in self._names_from_newsdesk(path)
        ]
        self.assertEqual(offenders, [], "product modules importing newsdesk.testing")

    def test_core_imports_no_other_room(self):
        offenders = {
            str(path.relative_to(PACKAGE)): sorted(rooms_imported(path) - {"core"})
            for path in product_modules(PACKAGE / "core")
        }
        self.assertEqual({path: rooms for path, rooms in offenders.items() if rooms}, {})

    def test_editorial_names_no_content_room_so_articles_may_use_its_form_rules_without_a_circle(self):
        offenders = {
            str(path.relative_to(PACKAGE)): sorted(rooms_imported(path) & CONTENT_ROOMS)
            for path in product_modules(PACKAGE / "editorial")
        }
        self.assertEqual({path: rooms for path, rooms in offenders.items() if rooms}, {})

    @staticmethod
    def _names_from_newsdesk(path: Path) -> set[str]:
        """Names taken straight from the package (`from newsdesk import testing`)."""
        names = set()
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module == "newsdesk":
                names.update(alias.name for alias in node.names)
        return names
