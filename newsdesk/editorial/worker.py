"""Start the scheduled-publishing loop as a child of the web server, so it lives and dies with it."""

import ctypes
import signal
import subprocess
import sys

PR_SET_PDEATHSIG = 1


def _die_with_parent():
    # Linux: the scheduler gets SIGTERM when the server process (which exec()s into granian) exits.
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except OSError:
        pass


def start_beside_server(env: dict) -> subprocess.Popen:
    argv = [sys.executable, "-m", "django", "scheduler"]
    return subprocess.Popen(argv, env=env, preexec_fn=_die_with_parent)
