import signal
import threading

from django.conf import settings
from django.core.management.base import BaseCommand

from newsdesk.editorial.tasks import publish_scheduled


class Command(BaseCommand):
    help = (
        "Publish scheduled articles on time and unpublish expired ones, every --interval seconds "
        "(started by `newsdesk serve`). With --once, run a single pass."
    )

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=int, default=settings.NEWSDESK_SCHEDULER_INTERVAL)
        parser.add_argument("--once", action="store_true", help="Run one pass and exit.")

    def handle(self, *args, interval, once, **options):
        self.stopped = threading.Event()
        # The handler is this loop's only, and put back after: a process that calls the command (a test, a
        # shell) keeps its own, and processes it forks later are still ended by SIGTERM.
        previous = None if once else signal.signal(signal.SIGTERM, self._stop)
        passes = 0
        try:
            while not self.stopped.is_set():
                # Enqueued through django-tasks: runs inline with the immediate backend, or by the
                # database backend's worker at scale.
                publish_scheduled.enqueue()
                passes += 1
                if once:
                    break
                try:
                    # Woken by SIGTERM at once: a sleep would carry on for the rest of the interval, leaving
                    # the scheduler behind the server that was stopped.
                    self.stopped.wait(max(interval, 1))
                except KeyboardInterrupt:
                    break
        finally:
            if previous is not None:
                signal.signal(signal.SIGTERM, previous)
        self.stdout.write(f"Scheduler ran {passes} pass(es).")

    def _stop(self, signum, frame):
        self.stopped.set()
