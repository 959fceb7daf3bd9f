import os
import sys

from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Serve the site with granian (a production-grade WSGI server); static files through WhiteNoise."

    def add_arguments(self, parser):
        parser.add_argument("--host", default=os.environ.get("NEWSDESK_HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("NEWSDESK_PORT", "8000")))
        parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_WORKERS", "2")))
        parser.add_argument(
            "--no-scheduler", action="store_true", help="Do not start the scheduled-publishing worker beside the server."
        )

    def handle(self, *args, host, port, workers, no_scheduler=False, **options):
        env = dict(os.environ, DJANGO_SETTINGS_MODULE=os.environ.get("DJANGO_SETTINGS_MODULE", "newsdesk.settings"))
        argv = [
            sys.executable, "-m", "granian",
            "--interface", "wsgi",
            "--host", host,
            "--port", str(port),
            "--workers", str(workers),
            "--no-ws",
            "newsdesk.wsgi:application",
        ]
        if not no_scheduler:
            from newsdesk.editorial.worker import start_beside_server

            start_beside_server(env)
        self.stdout.write(f"Serving {settings.WAGTAIL_SITE_NAME} on http://{host}:{port}/ (admin at /admin/)")
        os.execvpe(argv[0], argv, env)
