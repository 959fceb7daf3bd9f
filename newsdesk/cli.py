"""The `newsdesk` command: Django's management commands with Newsdesk's settings.

`newsdesk migrate`, `newsdesk demo`, `newsdesk serve`, `newsdesk import-wordpress FILE` …
"""

import gc
import os
import sys

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management import execute_from_command_line


def main(argv=None):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings")
    argv = list(sys.argv if argv is None else argv)
    if argv[1:2] == ["import-wordpress"]:
        # The export is read while Django loads (only this command's modules are loaded for it).
        from newsdesk.importers import head_start  # noqa: PLC0415

        head_start.start(argv)
    try:
        settings.INSTALLED_APPS  # noqa: B018 - read the settings now, where a mistake in them can be named
    except ImproperlyConfigured as exc:
        # A setting from the environment that cannot be read (DATABASE_URL=garbage, a word for a number):
        # one line naming it, not Django's traceback.
        sys.exit(f"newsdesk: {exc}")
    try:
        execute_from_command_line(argv)
    finally:
        # Every object is about to go: the collections the interpreter runs while shutting down would only
        # walk them all again (0.5 s after an import of 2,000 posts). Frozen, they are left out of those.
        gc.freeze()


if __name__ == "__main__":
    main()
