"""Browser tests: the production-style stack (gunicorn, whitenoise, production settings with the
Content-Security-Policy) on a scratch SQLite database with the demo content and the seed dumps,
driven by Playwright in Debian's Chromium (/usr/bin/chromium; never `playwright install`)."""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from kennislab.content.tests.seeds import require_seeds

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# The demo scheme opens on 6 October 2026 and closes on 30 June 2027: open it whatever today is.
OPEN_DEMO_SCHEME = (
    "from datetime import timedelta; from django.utils import timezone; "
    "from kennislab.vouchers.models import Scheme; "
    "opened = Scheme.objects.filter(slug='positieve-gezondheid-2026')"
    ".update(opens_at=timezone.now() - timedelta(hours=1), closes_at=None); "
    "assert opened == 1, 'demo scheme not found'"
)


SITE_ENV: dict[str, str] = {}  # the environment of the running site (for manage.py in tests)


def manage(*args) -> str:
    """Run manage.py against the browser tests' site database; its standard output."""
    return _run(list(args), SITE_ENV)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _run(args, env):
    result = subprocess.run(  # noqa: S603 — our own manage.py with fixed arguments
        [sys.executable, "manage.py", *args], cwd=REPO, env=env, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


@pytest.fixture(scope="session")
def site_url(tmp_path_factory):
    """Base URL of a running gunicorn serving the demo site with the seeds imported."""
    if not Path(CHROMIUM).exists():
        message = f"Chromium not found at {CHROMIUM}: apt-get install chromium"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    seeds = require_seeds()
    workdir = tmp_path_factory.mktemp("site")
    port = _free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "kennislab.settings.production",
        "DATABASE_URL": f"sqlite:///{workdir / 'site.sqlite3'}",
        "SECRET_KEY": "browser-test-key",
        "TASKS_BACKEND": "immediate",
        "MEDIA_ROOT": str(workdir / "media"),
        "PRIVATE_MEDIA_ROOT": str(workdir / "private"),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "EMAIL_URL": "consolemail://",
        "SITE_BASE_URL": f"http://127.0.0.1:{port}",  # production refuses to start without it
    }
    SITE_ENV.clear()
    SITE_ENV.update(env)
    _run(["migrate", "--noinput", "-v0"], env)
    _run(["load_demo"], env)  # the demo applications only come when the scheme is open, so:
    _run(["shell", "-c", OPEN_DEMO_SCHEME], env)
    _run(["load_demo"], env)  # idempotent: now adds the demo applications (if there were none)
    _run(["import_dump", "--no-progress", *map(str, seeds)], env)
    _run(["update_index", "-v0"], env)
    _run(["collectstatic", "--noinput", "-v0"], env)

    # The server's log goes to a file: a pipe nobody reads fills up (64 kB of request log lines)
    # and then blocks every worker on its next write, so every later test would time out.
    server_log = (workdir / "gunicorn.log").open("w")
    server = subprocess.Popen(  # noqa: S603 — our own gunicorn on a local port
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "kennislab.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
        ],
        cwd=REPO,
        env=env,
        stdout=server_log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(url + "/", timeout=2)  # noqa: S310 — our own local server
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                server_log.close()
                log = (workdir / "gunicorn.log").read_text()[-5000:]
                raise RuntimeError(f"gunicorn did not start:\n{log}") from None
            time.sleep(0.3)
    yield url
    server.terminate()
    server.wait(timeout=10)
    server_log.close()
    shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture(scope="session")
def browser(site_url):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page_at(browser):
    """page_at(width) → a fresh page of that viewport width; collects console errors."""
    contexts = []

    def make(width: int):
        context = browser.new_context(viewport={"width": width, "height": 900}, locale="nl-NL")
        contexts.append(context)
        page = context.new_page()
        page.console_errors = []
        page.on(
            "console",
            lambda message: message.type == "error" and page.console_errors.append(message.text),
        )
        return page

    yield make
    for context in contexts:
        context.close()
