"""Readers at scale, side by side in one run on one machine (a benchmark, not a test).

    .venv/bin/python bench/serve.py [--duration 10] [--connections 16,64,256]

Brings up on loopback (ports 8173-8177), measures each target with wrk (from apt) at each
connection count, prints one table, and tears everything down:

    nginx-static    nginx serving the article's bytes from a file: the limit everything is a ratio of
    embedded-hit    `make run`'s server (granian, SQLite, page cache in memory): article, cache hit
    varnish-hit     the production topology (deploy/topology_test.py): Varnish hit for the article
    uncached        the same embedded server with NEWSDESK_PAGE_CACHE=off: every request renders
    home, feed      home page and RSS feed through the embedded cache
    granian-bare    ceiling of any Python hit: granian, as `newsdesk serve` runs it, answering the
                    same bytes from a ten-line WSGI app (bench/bare_wsgi.py), no Django, no cache
    varnish-bare    ceiling of any Varnish hit: varnishd with its built-in VCL in front of the nginx
                    row, every request a hit on the same bytes

Columns: req/s, p50, p99, errors (socket errors and non-2xx), and the server's resident memory
(all its processes) after the run. Then publish-to-fresh latency on every channel, through both the
embedded cache and Varnish. Targets (issue 11): embedded hit >= 0.7x nginx, Varnish hit >= 0.9x,
uncached article >= 150 req/s on 2 cores, 0 errors, flat memory, fresh everywhere within 2 s.
Run it on a quiet machine: every figure is only meaningful next to the nginx row of the same run.

    .venv/bin/python bench/serve.py --peers [--duration 10]

The side-by-side with the peers a newsroom compares us with (shared/peers/: run its setup scripts
first; they register their targets in /srv/peers-bench/targets). The demo desk (`newsdesk demo`,
its lead has a ~9 KB body) served by `newsdesk serve` three ways: with the page cache (a hit), with
the page cache off (every request rendered, fragments kept), and with fragments off too (nothing
kept: the cost of a page nobody asked for lately); robots.txt through Django; then the peers' same
article: nginx serving a static file, Hugo, WordPress without and behind nginx's fastcgi_cache. wrk
at 32 connections (and 256 for our cache hit), no compression (as the peers are measured). Prints
req/s, p50, p99, errors, ratios to uncached WordPress and to static nginx, and our servers' memory
before and after their runs.

    .venv/bin/python bench/serve.py --ours-only [--duration 10]

The same rows for our servers alone, without the peers (no WordPress, nginx or Hugo to set up).
Environment: NEWSDESK_TREE=<folder> serves another checkout's code (e.g. `git archive main` unpacked)
for a baseline measured with this script; SERVE_BENCH_PORT_BASE moves the ports (default 8173).
"""

import argparse
import gzip
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "deploy"))

from topology_test import CREATE_DESK, PUBLISH_CHANGE, VARNISH_PORT, Topology, get  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
# The code our servers run: this tree, or another checkout (e.g. `git archive main`) measured with this script.
CODE = Path(os.environ.get("NEWSDESK_TREE", ROOT)).resolve()
PORT_BASE = int(os.environ.get("SERVE_BENCH_PORT_BASE", "8173"))
EMBEDDED_PORT, UNCACHED_PORT, NGINX_PORT, BARE_PORT = PORT_BASE, PORT_BASE + 1, PORT_BASE + 3, PORT_BASE + 2
GRANIAN_BARE_PORT, VARNISH_BARE_PORT, VARNISH_BARE_ADMIN_PORT = PORT_BASE + 5, PORT_BASE + 6, PORT_BASE + 7
PEERS_TARGETS = Path(os.environ.get("PEERS_STATE_DIR", "/srv/peers-bench")) / "targets"
PEERS = ("static", "hugo", "wordpress", "wordpress-cached")
LEAD_URL = """
from newsdesk.sections.models import HomePage
print(HomePage.objects.first().lead().url)
"""
PYTHON = sys.executable
WRK_TIMEOUT_MARGIN = 30
NEW_TITLE = b"Markets rally after the budget"


class Embedded:
    """`make run` without make: SQLite and the memory page cache in a throwaway data folder."""

    def __init__(self, workdir: Path):
        self.env = dict(
            os.environ,
            PYTHONPATH=str(CODE),
            DJANGO_SETTINGS_MODULE="newsdesk.settings",
            NEWSDESK_DATA_DIR=str(workdir / "embedded"),
            ALLOWED_HOSTS="127.0.0.1,localhost",
            LOG_LEVEL="ERROR",
        )
        self.workdir, self.servers = workdir, {}

    def prepare(self, create_desk: str) -> str:
        for args in (["migrate", "--noinput", "--verbosity", "0"], ["collectstatic", "--noinput", "--verbosity", "0"]):
            subprocess.run([PYTHON, "-m", "django", *args], env=self.env, check=True)
        out = subprocess.run(
            [PYTHON, "-m", "django", "shell", "-c", create_desk],
            env=self.env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        return out.strip().splitlines()[-1]

    def start(self, port: int, page_cache: bool):
        env = dict(self.env, NEWSDESK_PAGE_CACHE="1" if page_cache else "0")
        argv = [
            PYTHON,
            "-m",
            "granian",
            "--interface",
            "wsgi",
            "--no-ws",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            "2",
            "--blocking-threads",
            "4",
            "--backlog",
            "1024",
            "--respawn-failed-workers",
            "newsdesk.wsgi:application",
        ]
        self.servers[port] = subprocess.Popen(
            argv, env=env, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )

    def publish(self) -> float:
        return publish_and_time(self.env)

    def stop(self):
        for process in self.servers.values():
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(10)


def publish_and_time(env: dict, cwd=None) -> float:
    """Publish the change in a Django shell; the time it printed once the publish returned. Polling starts
    then, not when the shell has exited: an interpreter's exit (seconds, with the language model loaded
    by extraction on save) is not staleness."""
    shell = subprocess.Popen(
        [PYTHON, "-m", "django", "shell", "-c", PUBLISH_CHANGE],
        env=env,
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    for line in shell.stdout:
        try:
            return float(line.strip())
        except ValueError:
            continue
    raise SystemExit(f"the publishing shell printed no time (exit {shell.wait()})")


def start_nginx(workdir: Path, body: bytes):
    if not shutil.which("nginx"):
        subprocess.run(["apt-get", "install", "-y", "-qq", "nginx"], check=True)
    root = workdir / "static"
    root.mkdir()
    workdir.chmod(0o755)  # nginx's workers run as www-data
    (root / "article.html").write_bytes(body)
    # Compressed once, as the caches do, so the limit is nginx sending bytes, not nginx compressing them.
    (root / "article.html.gz").write_bytes(gzip.compress(body, compresslevel=6))
    conf = workdir / "nginx.conf"
    conf.write_text(f"""
worker_processes 2;
pid {workdir}/nginx.pid;
error_log {workdir}/nginx-error.log;
events {{ worker_connections 4096; }}
http {{
    access_log off;
    default_type text/html;
    gzip_static on;
    server {{ listen 127.0.0.1:{NGINX_PORT}; root {root}; }}
}}
""")
    subprocess.run(["nginx", "-c", str(conf), "-p", str(workdir)], check=True)
    return lambda: subprocess.run(["nginx", "-c", str(conf), "-p", str(workdir), "-s", "quit"], check=False)


def start_ceilings(workdir: Path, body: bytes) -> dict:
    """The two ceilings (see the docstring): {name: process}, each already answering."""
    (workdir / "bare.html").write_bytes(body)
    env = dict(os.environ, BARE_BODY_PATH=str(workdir / "bare.html"), PYTHONPATH=str(ROOT / "bench"))
    processes = {
        "granian-bare": subprocess.Popen(
            # The options `newsdesk serve` passes by default (core/management/commands/serve.py).
            [PYTHON, "-m", "granian", "--interface", "wsgi", "--host", "127.0.0.1", "--port", str(GRANIAN_BARE_PORT)]
            + ["--workers", "2", "--blocking-threads", "4", "--backpressure", "64", "--backlog", "1024", "--no-ws"]
            + ["bare_wsgi:application"],
            env=env,
            start_new_session=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        ),
        "varnish-bare": subprocess.Popen(
            ["varnishd", "-F", "-j", "none", "-n", str(workdir / "varnish-bare")]
            + ["-a", f"127.0.0.1:{VARNISH_BARE_PORT}", "-T", f"127.0.0.1:{VARNISH_BARE_ADMIN_PORT}"]
            + ["-b", f"127.0.0.1:{NGINX_PORT}", "-s", "malloc,64m", "-p", "default_ttl=3600"],
            start_new_session=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        ),
    }
    wait_for(f"http://127.0.0.1:{GRANIAN_BARE_PORT}/article.html")
    wait_for(f"http://127.0.0.1:{VARNISH_BARE_PORT}/article.html")
    return processes


def stop_processes(processes: dict):
    for process in processes.values():
        try:
            os.killpg(process.pid, signal.SIGTERM)
        except ProcessLookupError:
            continue
        process.wait(timeout=30)


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants."""
    total, pending = 0, [pid]
    while pending:
        current = pending.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += int(re.search(r"VmRSS:\s+(\d+)", status).group(1))
            for task in Path(f"/proc/{current}/task").iterdir():
                pending += [int(child) for child in (task / "children").read_text().split()]
        except (FileNotFoundError, AttributeError, ProcessLookupError):
            continue
    return total / 1024


def wrk(url: str, connections: int, duration: int, gzip: bool = True) -> dict:
    argv = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", "--timeout", "10s", url]
    if gzip:
        argv[1:1] = ["-H", "Accept-Encoding: gzip"]
    out = subprocess.run(argv, capture_output=True, text=True, timeout=duration + WRK_TIMEOUT_MARGIN).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rate": rate,
        "p50": _latency(out, "50%"),
        "p99": _latency(out, "99%"),
        "errors": errors + (int(non_2xx.group(1)) if non_2xx else 0),
    }


def _latency(out: str, percentile: str) -> str:
    match = re.search(rf"{percentile}\s+([\d.]+\w+)", out)
    return match.group(1) if match else "?"


def serve(env: dict, port: int, **settings) -> subprocess.Popen:
    """`newsdesk serve` as deployed (granian, its worker and thread counts), with `settings` in its environment."""
    env = dict(env, NEWSDESK_PORT=str(port), **{name: str(value) for name, value in settings.items()})
    return subprocess.Popen(
        [PYTHON, "-m", "django", "serve", "--no-scheduler"],
        env=env,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def peer_targets() -> dict:
    """{name: url} the peers' setup scripts registered (shared/peers/README.md)."""
    targets = {}
    for path in sorted(PEERS_TARGETS.glob("*.target")):
        name, url = path.read_text().split()
        targets[name] = url
    return targets


def compare_with_peers(duration: int, with_peers: bool = True):
    peers = peer_targets() if with_peers else {}
    missing = [name for name in PEERS if name not in peers]
    if missing and with_peers:
        raise SystemExit(f"peers not set up: {', '.join(missing)} (run shared/peers/setup-*.sh first)")
    workdir = Path(tempfile.mkdtemp(prefix="newsdesk-bench-peers-"))
    embedded, servers = Embedded(workdir), {}
    try:
        embedded.prepare("print('ready')")
        subprocess.run([PYTHON, "-m", "django", "demo"], env=embedded.env, check=True, capture_output=True)
        lead = (
            subprocess.run(
                [PYTHON, "-m", "django", "shell", "-c", LEAD_URL],
                env=embedded.env,
                check=True,
                capture_output=True,
                text=True,
            )
            .stdout.strip()
            .splitlines()[-1]
        )
        servers["cached"] = serve(embedded.env, EMBEDDED_PORT)
        servers["uncached"] = serve(embedded.env, UNCACHED_PORT, NEWSDESK_PAGE_CACHE=0)
        servers["bare"] = serve(embedded.env, BARE_PORT, NEWSDESK_PAGE_CACHE=0, NEWSDESK_FRAGMENT_CACHE=0)
        for port in (EMBEDDED_PORT, UNCACHED_PORT, BARE_PORT):
            wait_for(f"http://127.0.0.1:{port}/robots.txt")
        ours = {port: f"http://127.0.0.1:{port}{lead}" for port in (EMBEDDED_PORT, UNCACHED_PORT, BARE_PORT)}
        body = get(ours[BARE_PORT]).body
        print(f"our article {lead}: {len(body):,} bytes of HTML")
        targets = [
            ("newsdesk, page cache hit", ours[EMBEDDED_PORT], 32, "cached"),
            ("newsdesk, page cache hit", ours[EMBEDDED_PORT], 256, "cached"),
            ("newsdesk, uncached (fragments kept)", ours[UNCACHED_PORT], 32, "uncached"),
            ("newsdesk, nothing kept", ours[BARE_PORT], 32, "bare"),
            ("newsdesk, robots.txt uncached", f"http://127.0.0.1:{UNCACHED_PORT}/robots.txt", 32, "uncached"),
            *[(name, peers[name], 32, None) for name in PEERS if name in peers],
        ]
        results = []
        for name, url, connections, server in targets:
            status = get(url)
            wrk(url, connections, 3, gzip=False)  # warm-up: fills caches, starts PHP and Python workers
            pid = servers[server].pid if server else None
            before = tree_rss_mb(pid) if pid else None
            result = wrk(url, connections, duration, gzip=False)
            after = tree_rss_mb(pid) if pid else None
            results.append((name, connections, len(status.body), result, before, after))
        rates = {name: result["rate"] for name, connections, _, result, _, _ in results if connections == 32}
        print(
            "| target | conns | bytes | req/s | p50 | p99 | errors | ÷ WordPress uncached | ÷ nginx static | RSS MB before → after |"
        )
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for name, connections, size, result, before, after in results:
            rss = f"{before:.0f} → {after:.0f}" if before is not None else "-"
            print(
                f"| {name} | {connections} | {size:,} | {result['rate']:,.1f} | {result['p50']} | {result['p99']} "
                f"| {result['errors']} | {ratio(result['rate'], rates.get('wordpress'))} "
                f"| {ratio(result['rate'], rates.get('static'))} | {rss} |"
            )
    finally:
        for process in servers.values():
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(15)
        shutil.rmtree(workdir, ignore_errors=True)


def ratio(value: float, base: float) -> str:
    if not base:
        return "?"
    quotient = value / base
    return f"1/{base / value:,.0f}" if 0 < quotient < 0.1 else f"{quotient:,.2f}×"


def wait_for(url: str, seconds: float = 60):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            if get(url).status == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise SystemExit(f"{url} did not answer within {seconds:.0f} s")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", default="16,64,256")
    parser.add_argument("--peers", action="store_true", help="side by side with shared/peers/ (see above)")
    parser.add_argument("--ours-only", action="store_true", help="the --peers rows of our servers, without peers")
    args = parser.parse_args()
    os.chdir(CODE)  # `python -m django` puts the working folder first on the import path
    if not shutil.which("wrk"):
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True)
    if args.peers or args.ours_only:
        compare_with_peers(args.duration, with_peers=args.peers)
        return
    workdir = Path(tempfile.mkdtemp(prefix="newsdesk-bench-serve-"))
    topology, embedded, stop_nginx, ceilings = Topology(), Embedded(workdir), None, {}
    try:
        topology.up()
        article_path = embedded.prepare(CREATE_DESK)
        embedded.start(EMBEDDED_PORT, page_cache=True)
        embedded.start(UNCACHED_PORT, page_cache=False)
        for port in (EMBEDDED_PORT, UNCACHED_PORT):
            topology.wait_for(f"http://127.0.0.1:{port}/robots.txt")
        article_bytes = get(f"http://127.0.0.1:{EMBEDDED_PORT}{article_path}").body
        stop_nginx = start_nginx(workdir, article_bytes)
        ceilings = start_ceilings(workdir, article_bytes)
        varnish = f"http://127.0.0.1:{VARNISH_PORT}"
        targets = [
            ("nginx-static", f"http://127.0.0.1:{NGINX_PORT}/article.html", None),
            ("embedded-hit", f"http://127.0.0.1:{EMBEDDED_PORT}{article_path}", embedded.servers[EMBEDDED_PORT].pid),
            ("varnish-hit", varnish + topology.article_url, topology.processes["varnish"].pid),
            ("uncached", f"http://127.0.0.1:{UNCACHED_PORT}{article_path}", embedded.servers[UNCACHED_PORT].pid),
            ("home", f"http://127.0.0.1:{EMBEDDED_PORT}/", embedded.servers[EMBEDDED_PORT].pid),
            ("feed", f"http://127.0.0.1:{EMBEDDED_PORT}/feed/rss/", embedded.servers[EMBEDDED_PORT].pid),
            ("granian-bare", f"http://127.0.0.1:{GRANIAN_BARE_PORT}/article.html", ceilings["granian-bare"].pid),
            ("varnish-bare", f"http://127.0.0.1:{VARNISH_BARE_PORT}/article.html", ceilings["varnish-bare"].pid),
        ]
        rows, limit = [], {}
        for connections in [int(n) for n in args.connections.split(",")]:
            for name, url, pid in targets:
                get(url)
                rss_before = tree_rss_mb(pid) if pid else 0
                result = wrk(url, connections, args.duration)
                if name == "nginx-static":
                    limit[connections] = result["rate"]
                ratio = result["rate"] / limit[connections] if limit.get(connections) else 0
                rss = f"{rss_before:.0f} -> {tree_rss_mb(pid):.0f}" if pid else "-"
                rows.append(
                    f"| {name} | {connections} | {result['rate']:,.0f} | {ratio:.2f}x | {result['p50']} "
                    f"| {result['p99']} | {result['errors']} | {rss} |"
                )
        print("| target | connections | req/s | of nginx | p50 | p99 | errors | server RSS MB |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|")
        print("\n".join(rows))
        print()
        print("| publish-to-fresh | channel | seconds |")
        print("|---|---|---:|")
        for label, base, publish, paths in [
            ("embedded", f"http://127.0.0.1:{EMBEDDED_PORT}", embedded.publish, [article_path]),
            (
                "varnish",
                varnish,
                lambda: publish_and_time(topology.env, topology.workdir),
                [topology.article_url],
            ),
        ]:
            channels = [
                *paths,
                "/",
                "/business/",
                "/feed/rss/",
                "/feed/atom/",
                "/feed/json/",
                "/sitemap-news.xml",
                "/api/v1/articles/",
            ]
            for path in channels:
                get(base + path)
            published_at, fresh_after = publish(), {}
            while len(fresh_after) < len(channels) and time.time() - published_at < 30:
                for path in channels:
                    sent = time.time()  # when the request left: render time under load is not staleness
                    if path not in fresh_after and NEW_TITLE in get(base + path).body:
                        fresh_after[path] = sent - published_at
                time.sleep(0.02)
            for path in channels:
                seconds = fresh_after.get(path)
                print(
                    f"| {label} | {path} | {seconds:.2f} |" if seconds is not None else f"| {label} | {path} | stale |"
                )
    finally:
        stop_processes(ceilings)
        if stop_nginx:
            stop_nginx()
        embedded.stop()
        topology.down()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
