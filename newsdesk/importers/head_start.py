"""A head start for `newsdesk import-wordpress FILE`: the export's reading process starts before Django does.

The command spends its first second loading Django and Wagtail on one core, while the process that reads
the export and converts its posts (read/ahead.py) needs none of that. newsdesk/cli.py calls `start` with the
command's arguments before setting Django up; the child reads and converts the first posts meanwhile, and
the import claims it by the export's path (`claim`). A reader nobody claims (the arguments were refused, the
command stopped early) is stopped when this process exits. This module loads without Django's settings.
"""

import argparse
import atexit
from pathlib import Path

from newsdesk.importers.read.ahead import ConvertedRecords

COMMAND = "import-wordpress"
# The command's options that take a value (its own and Django's), so that a value is not taken for the
# export; tests/test_head_start.py holds this to the command's parser.
VALUE_OPTIONS = (
    "--media-dir",
    "--status",
    "--section-map",
    "--report",
    "--batch-size",
    "--settings",
    "--pythonpath",
    "--verbosity",
)

_started: dict[Path, ConvertedRecords] = {}


def export_argument(arguments: list[str]) -> str | None:
    """The export's path among the command's `arguments`, as the command's parser would read it; None for help."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("export", nargs="?")
    parser.add_argument("-h", "--help", action="store_true")
    parser.add_argument("-v", "--verbosity")
    for option in VALUE_OPTIONS:
        if option != "--verbosity":
            parser.add_argument(option)
    try:
        known, _ = parser.parse_known_args(arguments)
    except SystemExit:  # arguments the command will refuse, and say why
        return None
    return None if known.help else known.export


def start(argv: list[str]) -> None:
    """Start reading the export ahead when `argv` is `newsdesk import-wordpress … FILE …` and a child helps."""
    if argv[1:2] != [COMMAND] or not (export := export_argument(argv[2:])):
        return
    path = Path(export)
    try:
        if not path.is_file():
            return  # the command says what is wrong with it
        reader = ConvertedRecords(path)
    except OSError:
        return
    if reader.in_child:
        reader.start()
        _started[path.resolve()] = reader
        atexit.register(reader.close)


def claim(path) -> ConvertedRecords:
    """The reader started ahead for `path`, else a new one."""
    return _started.pop(Path(path).resolve(), None) or ConvertedRecords(path)
