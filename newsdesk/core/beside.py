"""Keeps a command running beside the web server: started again when it dies, ended with the server.

    python -m newsdesk.core.beside python -m django scheduler

`newsdesk serve` starts one of these for each of NEWSDESK_COMMANDS_BESIDE_SERVER before it becomes
granian, which replaces its own failed workers but knows nothing of other children: a scheduler
killed (out of memory, by hand) would otherwise stay dead while the site serves, and scheduled
articles would never go live. This process restarts the command when it ends other than cleanly,
waiting longer after each quick failure, and says so on stderr; it ends the command when it is told
to stop, and dies with the server (Linux's parent-death signal) and the command with it.
"""

import ctypes
import signal
import subprocess
import sys
import threading
import time

PR_SET_PDEATHSIG = 1
STEADY_SECONDS = 60  # a run this long was not a crash loop: the next restart waits the least again
LONGEST_WAIT = 60


def die_with_parent():
    """In a child, before exec: Linux sends it SIGTERM when the process that started it exits."""
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except OSError:
        pass


def describe(returncode: int) -> str:
    if returncode < 0:
        try:
            return f"signal {signal.Signals(-returncode).name}"
        except ValueError:
            return f"signal {-returncode}"
    return f"exit status {returncode}"


def supervise(argv: list[str]) -> int:
    stopping = threading.Event()
    child = None

    def stop(signum, frame):
        stopping.set()
        if child is not None and child.poll() is None:
            child.terminate()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    quick_failures = 0
    while not stopping.is_set():
        started = time.monotonic()
        child = subprocess.Popen(argv, preexec_fn=die_with_parent)
        returncode = child.wait()
        if stopping.is_set() or returncode == 0:
            return 0
        quick_failures = 1 if time.monotonic() - started >= STEADY_SECONDS else quick_failures + 1
        wait = min(2 ** (quick_failures - 1), LONGEST_WAIT)
        print(
            f"newsdesk: {' '.join(argv[-1:])} ended with {describe(returncode)}; starting it again in {wait} s",
            file=sys.stderr,
            flush=True,
        )
        stopping.wait(wait)
    return 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: python -m newsdesk.core.beside COMMAND [ARGUMENTS…]")
    sys.exit(supervise(sys.argv[1:]))
