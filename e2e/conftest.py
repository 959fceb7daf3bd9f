"""Session fixtures for the browser tests: a fresh desk served by granian, and Debian's Chromium.

The desk is real: a new SQLite data folder, `newsdesk migrate`, `collectstatic`, `newsdesk demo`, the stress
pieces from e2e/desk.py, then `newsdesk serve` (the server `make run` uses) on a port of our own.
"""

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from e2e.checks import ARTIFACTS, CHROMIUM, CHROMIUM_FLAGS, ReaderTab

REPO = Path(__file__).resolve().parent.parent
PORT = int(os.environ.get("E2E_PORT", "8150"))
NEWSDESK = Path(sys.executable).parent / "newsdesk"
SERVER_START_TIMEOUT = 120


class Desk:
    """The running site: where it answers, what it holds (facts from e2e/desk.py) and its data folder."""

    def __init__(self, base_url: str, data_dir: Path, facts: dict, env: dict):
        self.base_url = base_url
        self.data_dir = data_dir
        self.facts = facts
        self.env = env

    def url(self, path: str) -> str:
        return self.base_url + path

    @property
    def bench(self) -> dict:
        return self.facts["bench"]

    @property
    def editor(self) -> dict:
        return self.facts["editor"]

    @property
    def second_editor(self) -> dict:
        return self.facts["second_editor"]


def _desk_env(data_dir: Path) -> dict:
    env = dict(os.environ)
    # The production settings on embedded SQLite, whatever the calling shell or pytest-django chose.
    for name in ("DATABASE_URL", "DEBUG", "STATIC_ROOT", "MEDIA_ROOT", "NEWSDESK_PORT"):
        env.pop(name, None)
    env.update(
        DJANGO_SETTINGS_MODULE="newsdesk.settings",
        NEWSDESK_DATA_DIR=str(data_dir),
        NEWSDESK_BASE_URL=f"http://127.0.0.1:{PORT}",
        PYTHONUNBUFFERED="1",
    )
    return env


def _step(args: list[str], env: dict, log, timeout: int = 300):
    log.write(f"\n$ {' '.join(map(str, args))}\n")
    log.flush()
    started = time.monotonic()
    done = subprocess.run(args, env=env, cwd=REPO, stdout=subprocess.PIPE, stderr=log, timeout=timeout, text=True)
    log.write(done.stdout)
    log.write(f"\n({time.monotonic() - started:.1f} s)\n")
    log.flush()
    if done.returncode != 0:
        pytest.fail(f"`{' '.join(map(str, args))}` failed with {done.returncode}; see {log.name}")
    return done.stdout


def _port_is_free(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) != 0


def _wait_until_answering(url: str, server: subprocess.Popen, log_path: Path):
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"the server exited with {server.returncode}; see {log_path}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.25)
    pytest.fail(f"the server did not answer {url} within {SERVER_START_TIMEOUT} s; see {log_path}")


def _stop(server: subprocess.Popen):
    # granian runs workers of its own: stop the whole process group we started.
    try:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=15)
    except ProcessLookupError:
        return
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=5)


@pytest.fixture(scope="session")
def artifacts() -> Path:
    # Each run starts from an empty folder, so nothing left from an earlier desk is mistaken for this one's.
    shutil.rmtree(ARTIFACTS, ignore_errors=True)
    ARTIFACTS.mkdir(parents=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def desk(tmp_path_factory, artifacts):
    if not _port_is_free(PORT):
        pytest.fail(f"port {PORT} is taken; stop what uses it or set E2E_PORT")
    data_dir = tmp_path_factory.mktemp("desk-data")
    env = _desk_env(data_dir)
    log_path = artifacts / "server.log"
    with open(log_path, "w") as log:
        _step([NEWSDESK, "migrate", "--noinput"], env, log)
        _step([NEWSDESK, "collectstatic", "--noinput", "--verbosity", "0"], env, log)
        _step([NEWSDESK, "demo"], env, log)
        facts = json.loads(_step([sys.executable, "-m", "e2e.desk"], env, log))
        server = subprocess.Popen(
            [NEWSDESK, "serve", "--host", "127.0.0.1", "--port", str(PORT)],
            env=env,
            cwd=REPO,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            base_url = f"http://127.0.0.1:{PORT}"
            _wait_until_answering(base_url + "/", server, log_path)
            yield Desk(base_url, data_dir, facts, env)
        finally:
            _stop(server)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make e2e` installs Debian's chromium with apt")

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def open_tab(browser, desk):
    """Opens reader tabs at a given width; every tab fails the test on a console error it saw."""
    tabs = []

    def open_(width: int = 1280, height: int = 900) -> ReaderTab:
        tab = ReaderTab(browser, desk.base_url, width, height)
        tabs.append(tab)
        return tab

    yield open_
    problems = []
    for tab in tabs:
        problems += tab.unexpected_console_errors()
        tab.close()
    assert not problems, "console errors on reader pages:\n" + "\n".join(problems)


def _signed_in_tab(browser, desk, account: dict):
    """An admin tab in a browser context of its own (its own cookies), signed in as `account`."""
    context = browser.new_context(base_url=desk.base_url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto("/admin/login/")
    page.fill("input[name=username]", account["username"])
    page.fill("input[name=password]", account["password"])
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")
    return page


@pytest.fixture
def editor_tab(browser, desk):
    """An admin tab, signed in as the editor the desk was prepared with."""
    page = _signed_in_tab(browser, desk, desk.editor)
    yield page
    page.context.close()


@pytest.fixture
def second_editor_tab(browser, desk):
    """An admin tab signed in as the desk's second editor, separate from `editor_tab`'s session."""
    page = _signed_in_tab(browser, desk, desk.second_editor)
    yield page
    page.context.close()
