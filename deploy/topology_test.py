"""Bring up the production topology on loopback, smoke-test it, tear it down (`make topology-test`).

    varnish :8170 (deploy/varnish/newsdesk.vcl)  ->  granian :8171 (newsdesk.wsgi, page cache in Redis)
    PostgreSQL database nd_topology, Redis db 5, django-tasks database workers (one for purges)

Checks, each printed with what was seen:
  1. a repeated request is a Varnish hit (X-Varnish names two transactions, Age header);
  2. publishing a change reaches every channel through Varnish within 2 s (page, section, home, feed);
  3. with the app server down, Varnish serves the page stale (grace) instead of an error;
  4. a granian worker killed with SIGKILL is replaced, and the site keeps answering.

Ports, database and Redis db can be moved with TOPOLOGY_PORT_BASE, TOPOLOGY_DATABASE, TOPOLOGY_REDIS_URL.
"""

import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import psycopg
import redis

ROOT = Path(__file__).resolve().parent.parent
PORT_BASE = int(os.environ.get("TOPOLOGY_PORT_BASE", "8170"))
VARNISH_PORT, APP_PORT, VARNISH_ADMIN_PORT = PORT_BASE, PORT_BASE + 1, PORT_BASE + 2
DATABASE = os.environ.get("TOPOLOGY_DATABASE", "nd_topology")
PG_URL = os.environ.get("TOPOLOGY_PG_URL", "postgres://postgres@127.0.0.1:5432")
REDIS_URL = os.environ.get("TOPOLOGY_REDIS_URL", "redis://127.0.0.1:6379/5")
# Short lifetimes, so grace (serving stale after expiry) can be seen within seconds.
PAGE_SECONDS = 3
PUBLISH_DEADLINE = 2.0
PYTHON = sys.executable


class Topology:
    def __init__(self):
        self.workdir = Path(tempfile.mkdtemp(prefix="newsdesk-topology-"))
        self.prefix = f"nd-topology:{uuid.uuid4().hex[:8]}"
        self.processes = {}
        self.env = dict(
            os.environ,
            PYTHONPATH=str(ROOT),
            DJANGO_SETTINGS_MODULE="newsdesk.settings",
            NEWSDESK_DATA_DIR=str(self.workdir / "data"),
            DATABASE_URL=f"{PG_URL}/{DATABASE}",
            CACHE_URL=REDIS_URL,
            TASKS_BACKEND="django_tasks_db.DatabaseBackend",
            NEWSDESK_VARNISH_URL=f"http://127.0.0.1:{VARNISH_PORT}",
            NEWSDESK_PAGE_CACHE_PREFIX=self.prefix,
            NEWSDESK_PAGE_CACHE_SECONDS=str(PAGE_SECONDS),
            ALLOWED_HOSTS="127.0.0.1,localhost",
            NEWSDESK_BASE_URL=f"http://127.0.0.1:{VARNISH_PORT}",
            LOG_LEVEL="ERROR",
        )

    # -- bring-up -------------------------------------------------------------------------------

    def up(self):
        self._fresh_database()
        self.manage("migrate", "--noinput", "--verbosity", "0")
        self.manage("collectstatic", "--noinput", "--verbosity", "0")
        self.article_url = self.shell(CREATE_DESK).strip().splitlines()[-1]
        self.start_app()
        for queue in ("default", "reader-caches"):
            self.start(
                f"worker-{queue}",
                [PYTHON, "-m", "django", "db_worker", "--queue-name", queue, "--interval", "0.2", "--no-startup-delay"],
            )
        vcl = (ROOT / "deploy/varnish/newsdesk.vcl").read_text().replace('.port = "8000"', f'.port = "{APP_PORT}"')
        (self.workdir / "newsdesk.vcl").write_text(vcl)
        self.start(
            "varnish",
            [
                "varnishd",
                "-F",
                "-j",
                "none",
                "-n",
                str(self.workdir / "varnish"),
                "-a",
                f"127.0.0.1:{VARNISH_PORT}",
                "-T",
                f"127.0.0.1:{VARNISH_ADMIN_PORT}",
                "-f",
                str(self.workdir / "newsdesk.vcl"),
                "-s",
                "malloc,64m",
            ],
        )
        self.wait_for(f"http://127.0.0.1:{APP_PORT}/robots.txt")
        self.wait_for(f"http://127.0.0.1:{VARNISH_PORT}/robots.txt")
        time.sleep(2.5)  # the health probe needs two good answers before Varnish calls the app healthy

    def start_app(self):
        # The command operators run (see deploy/systemd/newsdesk-web.service): its start-up checks, worker
        # respawn and bounded threads are part of what this test proves. It exec()s into granian, so the
        # process started here is granian's main process and its children are the workers.
        self.start(
            "app",
            [
                PYTHON,
                "-m",
                "django",
                "serve",
                "--no-scheduler",
                "--host",
                "127.0.0.1",
                "--port",
                str(APP_PORT),
                "--workers",
                "2",
                "--threads",
                "4",
            ],
        )

    def _fresh_database(self):
        with psycopg.connect(f"{PG_URL}/postgres", autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
            connection.execute(f'CREATE DATABASE "{DATABASE}"')

    def manage(self, *args):
        subprocess.run([PYTHON, "-m", "django", *args], env=self.env, check=True, cwd=self.workdir)

    def shell(self, code: str) -> str:
        return subprocess.run(
            [PYTHON, "-m", "django", "shell", "-c", code],
            env=self.env,
            check=True,
            cwd=self.workdir,
            capture_output=True,
            text=True,
        ).stdout

    def start(self, name, argv):
        log = open(self.workdir / f"{name}.log", "wb")  # noqa: SIM115 - closed with the process
        self.processes[name] = subprocess.Popen(
            argv, env=self.env, cwd=self.workdir, stdout=log, stderr=log, start_new_session=True
        )

    def stop(self, name):
        process = self.processes.pop(name, None)
        if process and process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()

    def wait_for_quiet_tasks(self, timeout=60):
        """Until no task is waiting or running: a publish's later tasks (related lists) purge again when done."""
        deadline = time.time() + timeout
        with psycopg.connect(f"{PG_URL}/{DATABASE}", autocommit=True) as connection:
            table = connection.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_name LIKE '%dbtaskresult'"
            ).fetchone()[0]
            while time.time() < deadline:
                busy = f"SELECT count(*) FROM {table} WHERE status IN ('READY', 'RUNNING') AND run_after <= now()"
                if connection.execute(busy).fetchone()[0] == 0:
                    return
                time.sleep(0.2)
        raise SystemExit(f"tasks still queued after {timeout} s; logs in {self.workdir}")

    def wait_for(self, url, timeout=30):
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                get(url)
                return
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.2)
        raise SystemExit(f"{url} did not answer within {timeout} s; logs in {self.workdir}")

    # -- tear-down ------------------------------------------------------------------------------

    def log_tail(self, name, lines) -> list[str]:
        """The last `lines` lines of a process's log."""
        path = self.workdir / f"{name}.log"
        text = path.read_text(errors="replace") if path.exists() else ""
        return text.strip().splitlines()[-lines:]

    def down(self, keep_logs=False):
        for name in list(self.processes):
            self.stop(name)
        client = redis.Redis.from_url(REDIS_URL)
        keys = list(client.scan_iter(f"{self.prefix}:*"))
        if keys:
            client.delete(*keys)
        with psycopg.connect(f"{PG_URL}/postgres", autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        if not keep_logs:
            shutil.rmtree(self.workdir, ignore_errors=True)


CREATE_DESK = """
from wagtail.models import Site
from newsdesk.testing import make_section, make_article, make_author
site = Site.objects.get(is_default_site=True)
site.hostname, site.port = "127.0.0.1", VARNISH_PORT
site.save()
section = make_section("Business")
article = make_article(section, "Markets steady before the budget", authors=[make_author("Amina Rahman")])
make_article(section, "An older story")
print(article.url)
""".replace("VARNISH_PORT", str(VARNISH_PORT))

PUBLISH_CHANGE = """
import time
from newsdesk.articles.models import ArticlePage
article = ArticlePage.objects.get(title="Markets steady before the budget")
article.title = "Markets rally after the budget"
article.save_revision().publish()
print(time.time())
"""


class Answer:
    def __init__(self, response, body):
        self.status, self.headers, self.body = response.status, response.headers, body


def get(url) -> Answer:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback only
            return Answer(response, response.read())
    except urllib.error.HTTPError as error:
        return Answer(error, error.read())


def status_of(url):
    """The answer's status, or why there was none (a refused connection fails the check, not the run)."""
    try:
        return get(url).status
    except OSError as error:  # urllib's URLError (a refused connection) among them
        return f"no answer ({getattr(error, 'reason', error)})"


def check(condition, message, seen):
    print(("ok    " if condition else "FAIL  ") + message + f"  [{seen}]")
    return condition


def run_checks(topology) -> bool:
    varnish = f"http://127.0.0.1:{VARNISH_PORT}"
    article, results = varnish + topology.article_url, []

    get(article)
    second = get(article)
    results.append(
        check(
            second.status == 200
            and len((second.headers["X-Varnish"] or "").split()) == 2
            and second.headers["Age"] is not None,
            "a repeated request is answered by Varnish from its cache",
            f"X-Varnish: {second.headers['X-Varnish']}, Age: {second.headers['Age']}, "
            f"X-Cache: {second.headers['X-Cache']}",
        )
    )

    channels = [article, varnish + "/", varnish + "/business/", varnish + "/feed/rss/"]
    for url in channels:
        get(url)
    published_at = float(topology.shell(PUBLISH_CHANGE).strip().splitlines()[-1])
    # For each channel, when the first request that got the new bytes was sent (render time under load
    # is not staleness): every request sent later than PUBLISH_DEADLINE after the publish must be fresh.
    fresh_after = {}
    while len(fresh_after) < len(channels) and time.time() - published_at < PUBLISH_DEADLINE + 5:
        for url in channels:
            sent = time.time()
            if url not in fresh_after and b"Markets rally after the budget" in get(url).body:
                fresh_after[url] = sent - published_at
        time.sleep(0.05)
    worst = max(fresh_after.values(), default=float("inf"))
    results.append(
        check(
            len(fresh_after) == len(channels) and worst <= PUBLISH_DEADLINE,
            f"a published change shows on every channel through Varnish within {PUBLISH_DEADLINE:.0f} s",
            ", ".join(f"{url.removeprefix(varnish)} {seconds:.2f} s" for url, seconds in fresh_after.items())
            + f"; still stale: {sorted(set(channels) - set(fresh_after)) or 'none'}",
        )
    )

    # The publish's related-list refresh bans every article page again when it ends; a ban drops the object
    # outright (grace keeps only expired objects), so the copy to be served stale is taken after it.
    topology.wait_for_quiet_tasks()
    fresh = get(article)
    topology.stop("app")
    time.sleep(PAGE_SECONDS + 2)
    stale = get(article)
    results.append(
        check(
            stale.status == 200 and stale.body == fresh.body and int(stale.headers["Age"] or 0) > PAGE_SECONDS,
            "with the app server down, Varnish serves the page from grace",
            f"status {stale.status}, Age {stale.headers['Age']} s > lifetime {PAGE_SECONDS} s",
        )
    )
    topology.start_app()
    topology.wait_for(f"http://127.0.0.1:{APP_PORT}/robots.txt")

    # Every worker up before one is killed: robots.txt answers as soon as the first one listens.
    deadline, workers_before = time.time() + 30, []
    while time.time() < deadline and len(workers_before) < 2:
        workers_before = granian_workers(topology.processes["app"].pid)
        time.sleep(0.2)
    os.kill(workers_before[0], signal.SIGKILL)
    deadline, workers_after = time.time() + 15, []
    while time.time() < deadline:
        workers_after = granian_workers(topology.processes["app"].pid)
        if len(workers_after) == len(workers_before) and workers_before[0] not in workers_after:
            break
        time.sleep(0.2)
    answers = [status_of(f"http://127.0.0.1:{APP_PORT}/?n={n}") for n in range(10)]
    replaced = (
        len(workers_after) == len(workers_before) and workers_before[0] not in workers_after and set(answers) == {200}
    )
    results.append(
        check(
            replaced,
            "a granian worker killed with SIGKILL is replaced and the site keeps answering",
            f"workers {workers_before} -> {workers_after}, answers {sorted(set(map(str, answers)))}"
            # What granian said about it, where it went wrong: the logs are otherwise left on the machine.
            + ("" if replaced else "; app log: " + " | ".join(topology.log_tail("app", 12))),
        )
    )
    return all(results)


def granian_workers(server_pid) -> list[int]:
    children = Path(f"/proc/{server_pid}/task/{server_pid}/children").read_text().split()
    return sorted(int(pid) for pid in children if re.fullmatch(r"\d+", pid))


def main():
    if not shutil.which("varnishd"):
        raise SystemExit("varnishd is missing: apt-get install varnish (make topology-test does this).")
    topology = Topology()
    passed = False
    try:
        topology.up()
        passed = run_checks(topology)
    finally:
        topology.down(keep_logs=not passed)
        if not passed:
            print(f"Logs kept in {topology.workdir}")
    sys.exit(0 if passed else 1)


if __name__ == "__main__":
    main()
