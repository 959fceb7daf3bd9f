"""A command kept beside the server (the scheduler) comes back when killed and ends when told to."""

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django.test import SimpleTestCase

# Writes its pid to a file of its own each time it starts, then waits to be ended.
CHILD = "import os, sys, time; open(os.path.join(sys.argv[1], str(os.getpid())), 'w').close(); time.sleep(600)"


def wait_for(condition, seconds=20.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A child that has exited but not been reaped yet counts as gone.
    state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] if Path(f"/proc/{pid}").exists() else "X"
    return state not in ("Z", "X")


class BesideServerTests(SimpleTestCase):
    def test_a_killed_command_is_started_again_and_stopping_ends_both(self):
        folder = tempfile.mkdtemp(prefix="beside-")
        supervisor = subprocess.Popen(
            [sys.executable, "-m", "newsdesk.core.beside", sys.executable, "-c", CHILD, folder],
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            self.assertTrue(wait_for(lambda: len(os.listdir(folder)) == 1), "the command never started")
            first = int(os.listdir(folder)[0])
            os.kill(first, signal.SIGKILL)
            self.assertTrue(wait_for(lambda: len(os.listdir(folder)) == 2), "the killed command was not restarted")
            second = int(next(name for name in os.listdir(folder) if int(name) != first))
            self.assertTrue(alive(second))
            supervisor.terminate()
            self.assertEqual(supervisor.wait(timeout=20), 0)
            self.assertTrue(wait_for(lambda: not alive(second), 10), "the command outlived its supervisor")
            self.assertIn("ended with signal SIGKILL; starting it again", supervisor.stderr.read())
        finally:
            if supervisor.poll() is None:
                supervisor.kill()
