"""A real Chromium (Debian's package) driven by Playwright, against built sites
served on 127.0.0.1. In CI (CI=true) a missing browser fails; elsewhere it skips."""

from __future__ import annotations

import functools
import os
import threading
from datetime import datetime
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from helpers import AWKWARD_LETTER, AWKWARD_SUBJECT  # noqa: F401 (until the tests import helpers)

CHROMIUM = os.environ.get("MEGAPHONE_CHROMIUM", "/usr/bin/chromium")
# Flags for a closed network: no background calls home, no first-run work.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-default-apps", "--no-default-browser-check"]
NEW_YORK = ZoneInfo("America/New_York")
BEFORE_DEADLINE = datetime(2021, 2, 22, 12, 0, tzinfo=NEW_YORK)


def _browser_or_skip():
    if Path(CHROMIUM).exists():
        return CHROMIUM
    message = f"no Chromium at {CHROMIUM}: install Debian's chromium package"
    if os.environ.get("CI") == "true":
        pytest.fail(message + " (in CI a missing browser is a failure)", pytrace=False)
    pytest.skip(message)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def _serve(directory: Path):
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture(scope="session")
def sites(example_site):
    """The shared example site (tests/conftest.py), open and closed, served."""
    servers, urls = [], {}
    for state, today in (("open", "2021-02-22"), ("closed", "2021-03-01")):
        server, urls[state] = _serve(example_site(today))
        servers.append(server)
    yield urls
    for server in servers:
        server.shutdown()


@pytest.fixture(scope="session")
def browser():
    path = _browser_or_skip()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Visit:
    """One browser context: the page, and every request and console error it made."""

    def __init__(self, browser, javascript=True, timezone="Europe/London", width=390):
        self.context = browser.new_context(
            java_script_enabled=javascript, timezone_id=timezone, locale="en-GB",
            viewport={"width": width, "height": 844})
        self.requests: list[str] = []
        self.console_errors: list[str] = []
        self.context.on("request", lambda request: self.requests.append(request.url))
        self.page = self.context.new_page()
        self.page.on("console", lambda m: m.type == "error" and self.console_errors.append(m.text))
        self.page.on("pageerror", lambda e: self.console_errors.append(str(e)))

    def open(self, url, at: datetime | None = BEFORE_DEADLINE):
        if at is not None:
            self.page.clock.install(time=at)
        self.page.goto(url)
        return self.page


@pytest.fixture
def visit(browser):
    visits = []

    def _visit(**options) -> Visit:
        v = Visit(browser, **options)
        visits.append(v)
        return v

    yield _visit
    for v in visits:
        v.context.close()
