"""`newsdesk serve` as operators run it: a real granian server in a child process, bounded in time."""

import io
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from unittest import mock

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management.base import CommandError
from django.test import SimpleTestCase, override_settings
from django.utils.functional import empty
from lxml import html

from newsdesk.core.management.commands.serve import Command

START_TIMEOUT = 60
RECOVERY_TIMEOUT = 10


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def children_of(pid: int) -> set[int]:
    found = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        found.update(int(child) for child in (task / "children").read_text().split())
    return found


class ServeTestCase(SimpleTestCase):
    """Each class gets its own data folder (SQLite database, media) for the servers it starts."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.data_dir = tempfile.TemporaryDirectory(prefix="newsdesk-serve-")
        cls.env = dict(
            os.environ,
            NEWSDESK_DATA_DIR=cls.data_dir.name,
            DJANGO_SETTINGS_MODULE="newsdesk.settings_test",
            DATABASE_URL="",
        )
        # Under xdist the test settings would give each process a data folder of its own: the server and
        # the migrate before it must share this one.
        cls.env.pop("PYTEST_XDIST_WORKER", None)

    @classmethod
    def tearDownClass(cls):
        cls.data_dir.cleanup()
        super().tearDownClass()

    def serve(self, *args, env=None, **popen):
        argv = [sys.executable, "-m", "django", "serve", "--host", "127.0.0.1", "--no-scheduler", *args]
        return subprocess.Popen(
            argv,
            env=env or self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
            **popen,
        )

    def run_serve(self, *args, env=None):
        server = self.serve(*args, env=env)
        try:
            output, _ = server.communicate(timeout=START_TIMEOUT)
        finally:
            self.stop(server)
        return server.returncode, output

    def stop(self, server):
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()
        if server.stdout:
            server.stdout.close()

    def login_page_title(self, port) -> str | None:
        """The admin login page's <title> (a page Django renders), or None while nothing answers."""
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/admin/login/", timeout=2) as response:
                return html.fromstring(response.read()).findtext(".//title")
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return None

    def wait_for_login_page(self, port, timeout) -> str | None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            title = self.login_page_title(port)
            if title:
                return title
            time.sleep(0.2)
        return None


class WorkerRespawnTests(ServeTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The admin login page reads the database, so the server gets a migrated one.
        subprocess.run(
            [sys.executable, "-m", "django", "migrate", "--noinput", "-v", "0"], env=cls.env, check=True, timeout=600
        )

    def test_a_killed_worker_is_replaced_and_the_site_answers_again(self):
        port = free_port()
        server = self.serve("--port", str(port), "--workers", "2")
        self.addCleanup(self.stop, server)
        self.assertIn("Sign in", self.wait_for_login_page(port, START_TIMEOUT) or "", "the server never answered")
        workers = children_of(server.pid)  # `serve` exec()s into granian: its children are the workers
        self.assertEqual(len(workers), 2)
        killed = min(workers)
        os.kill(killed, signal.SIGKILL)

        deadline = time.monotonic() + RECOVERY_TIMEOUT
        while time.monotonic() < deadline and not (len(children_of(server.pid) - {killed}) == 2):
            time.sleep(0.2)
        self.assertIsNone(server.poll(), "the server stopped after one worker was killed")
        self.assertEqual(len(children_of(server.pid) - {killed}), 2, "the killed worker was not replaced")
        for _ in range(4):  # both workers answer
            self.assertIn("Sign in", self.wait_for_login_page(port, RECOVERY_TIMEOUT) or "")


class RefusalToStartTests(ServeTestCase):
    def test_it_refuses_to_start_on_a_port_already_in_use(self):
        with socket.socket() as taken:
            # As a running granian holds it: SO_REUSEPORT would let a second granian share the port.
            taken.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
            taken.bind(("127.0.0.1", 0))
            taken.listen()
            port = taken.getsockname()[1]
            code, output = self.run_serve("--port", str(port))
        self.assertEqual(code, 1, output)
        self.assertIn(f"Port {port} on 127.0.0.1 is already in use", output)
        self.assertIn("nothing was started", output)
        self.assertNotIn("Serving", output)

    def test_it_refuses_to_start_without_its_database(self):
        port = free_port()
        unreachable = f"postgres://postgres@127.0.0.1:{free_port()}/newsdesk"
        code, output = self.run_serve("--port", str(port), env=dict(self.env, DATABASE_URL=unreachable))
        self.assertEqual(code, 1, output)
        self.assertIn("Cannot reach the database (postgresql at 127.0.0.1)", output)
        self.assertIn("Check DATABASE_URL", output)
        self.assertNotIn("Serving", output)
        self.assertIsNone(self.login_page_title(port), "a server started anyway")


class StaticFilesAtStartTests(SimpleTestCase):
    """A bare `newsdesk serve` on a fresh data folder collects the static files every page names."""

    MANIFEST = {"staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"}}

    def start(self, static_root):
        with override_settings(STORAGES={**settings.STORAGES, **self.MANIFEST}, STATIC_ROOT=static_root):
            staticfiles_storage._wrapped = empty  # read the overridden settings
            try:
                Command(stdout=io.StringIO())._collect_static_files_if_missing()
            finally:
                staticfiles_storage._wrapped = empty

    def test_missing_files_are_collected_with_their_manifest(self):
        with tempfile.TemporaryDirectory() as static_root:
            with mock.patch(
                "newsdesk.core.management.commands.serve.call_command",
                side_effect=lambda *a, **k: Path(static_root, "staticfiles.json").write_text(
                    '{"paths": {}, "version": "1.1"}'
                ),
            ) as collect:
                self.start(static_root)
                self.start(static_root)  # collected now: not again
            self.assertEqual(collect.call_count, 1)

    def test_a_folder_it_cannot_write_is_a_clear_refusal(self):
        with mock.patch(
            "newsdesk.core.management.commands.serve.call_command", side_effect=PermissionError("read-only")
        ):
            with self.assertRaisesMessage(CommandError, "Run `newsdesk collectstatic`"):
                self.start("/nonexistent-static-root")
