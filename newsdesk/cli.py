"""The `newsdesk` command: Django's management commands with Newsdesk's settings.

`newsdesk migrate`, `newsdesk demo`, `newsdesk serve`, `newsdesk import-wordpress FILE` …
"""

import os
import sys

from django.core.management import execute_from_command_line


def main(argv=None):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings")
    argv = list(sys.argv if argv is None else argv)
    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
