import errno
import os
import socket
import subprocess
import sys

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, connection

from newsdesk.core import beside

# Connections one worker accepts at once (see the --backpressure note below).
CONNECTIONS_PER_THREAD = 16
MIN_CONNECTIONS = 64


class Command(BaseCommand):
    help = (
        "Serve the site with granian (a production-grade WSGI server); static files through WhiteNoise. "
        "The commands in NEWSDESK_COMMANDS_BESIDE_SERVER (the scheduled-publishing worker) run beside it."
    )

    def add_arguments(self, parser):
        parser.add_argument("--host", default=os.environ.get("NEWSDESK_HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("NEWSDESK_PORT", "8000")))
        parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_WORKERS", "2")))
        parser.add_argument(
            "--threads",
            type=int,
            default=int(os.environ.get("WEB_THREADS", "4")),
            help="Requests each worker handles at once; more wait in the listen backlog.",
        )
        parser.add_argument(
            "--no-scheduler",
            action="store_true",
            help="Serve only: do not start the commands in NEWSDESK_COMMANDS_BESIDE_SERVER.",
        )

    def handle(self, *args, host, port, workers, threads, no_scheduler=False, **options):
        # Refuse before anything starts: a server without its database answers 500 everywhere, and a
        # second server on a taken port shares it with the first (granian binds with SO_REUSEPORT).
        self._check_database()
        self._check_port_is_free(host, port)
        self._collect_static_files_if_missing()
        env = dict(os.environ, DJANGO_SETTINGS_MODULE=os.environ.get("DJANGO_SETTINGS_MODULE", "newsdesk.settings"))
        argv = [
            sys.executable,
            "-m",
            "granian",
            "--interface",
            "wsgi",
            "--host",
            host,
            "--port",
            str(port),
            "--workers",
            str(workers),
            # A worker that dies (killed, out of memory) is replaced; only its in-flight requests are lost.
            "--respawn-failed-workers",
            "--respawn-interval",
            "1",
            # On shutdown, a worker stuck in a request is killed after this long instead of holding the port.
            "--workers-kill-timeout",
            "10",
            # Bounded threads keep memory flat under load. Granian's backpressure counts open connections,
            # idle keep-alive ones included, and a browser holds up to six: a limit as low as the threads
            # let two editors' tabs take every slot and the next page never loaded. Requests beyond the
            # threads wait for one inside the worker; connections beyond the backpressure, in the backlog.
            "--blocking-threads",
            str(threads),
            "--backpressure",
            str(max(threads * CONNECTIONS_PER_THREAD, MIN_CONNECTIONS)),
            "--backlog",
            "1024",
            "--no-ws",
            "newsdesk.wsgi:application",
        ]
        if not no_scheduler:
            for command in settings.NEWSDESK_COMMANDS_BESIDE_SERVER:
                start_beside_server(command, env)
        self.stdout.write(f"Serving {settings.WAGTAIL_SITE_NAME} on http://{host}:{port}/ (admin at /admin/)")
        self.stdout.flush()
        os.execvpe(argv[0], argv, env)

    def _check_database(self):
        try:
            connection.ensure_connection()
        except DatabaseError as exc:
            where = connection.settings_dict.get("HOST") or connection.settings_dict.get("NAME")
            raise CommandError(
                f"Cannot reach the database ({connection.vendor} at {where}): {str(exc).strip()}. "
                "Check DATABASE_URL and that the database server is running; nothing was started."
            ) from None
        finally:
            connection.close()

    def _collect_static_files_if_missing(self):
        # Pages name their CSS and icons through the collected manifest: without it every HTML page is a
        # 500 while feeds and the API work. `make run` collects them; a bare `newsdesk serve` must too.
        manifest_name = getattr(staticfiles_storage, "manifest_name", None)  # None: a storage without one
        if manifest_name is None or staticfiles_storage.exists(manifest_name):
            return
        self.stdout.write(f"Static files are not collected yet: collecting them into {settings.STATIC_ROOT} …")
        try:
            call_command("collectstatic", interactive=False, verbosity=0)
        except (OSError, CommandError) as exc:
            raise CommandError(
                f"Static files are not collected and could not be ({exc}). Run `newsdesk collectstatic` "
                "with a writable STATIC_ROOT; nothing was started."
            ) from None

    def _check_port_is_free(self, host, port):
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            # SO_REUSEADDR ignores connections of an earlier server still closing, never a live listener.
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind((host.strip("[]"), port))
            except OSError as exc:
                if exc.errno == errno.EADDRINUSE:
                    raise CommandError(
                        f"Port {port} on {host} is already in use (is Newsdesk already running?). "
                        "Stop the other server or choose another port with --port or NEWSDESK_PORT; "
                        "nothing was started."
                    ) from None
                raise CommandError(f"Cannot listen on {host}:{port}: {exc.strerror}; nothing was started.") from None


def start_beside_server(command: str, env: dict) -> subprocess.Popen:
    """Run the management command `command` beside the server, restarted if it dies, ended with the server."""
    return subprocess.Popen(
        [sys.executable, "-m", "newsdesk.core.beside", sys.executable, "-m", "django", command],
        env=env,
        preexec_fn=beside.die_with_parent,
    )
