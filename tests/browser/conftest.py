"""A real Chromium (Debian's package) driven by Playwright, against built sites
served on 127.0.0.1. In CI (CI=true) a missing browser fails; elsewhere it skips."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from browser.support import CHROMIUM, CHROMIUM_ARGS, ContextPool, Visit, serve


def _browser_or_skip():
    if Path(CHROMIUM).exists():
        return CHROMIUM
    message = f"no Chromium at {CHROMIUM}: install Debian's chromium package"
    if os.environ.get("CI") == "true":
        pytest.fail(message + " (in CI a missing browser is a failure)", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def sites(example_site):
    """The shared example site (tests/conftest.py), open and closed, served."""
    servers, urls = [], {}
    for state, today in (("open", "2021-02-22"), ("closed", "2021-03-01")):
        server, urls[state] = serve(example_site(today))
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


@pytest.fixture(scope="session")
def context_pool(browser):
    pool = ContextPool(browser)
    yield pool
    pool.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.megaphone_passed = report.passed
    return report


@pytest.fixture
def visit(context_pool, request):
    """visit(javascript=..., timezone=..., width=...): a Visit; its context goes
    back to the pool after a test that passed and changed nothing lasting."""
    visits = []

    def _visit(**options) -> Visit:
        v = Visit(context_pool, **options)
        visits.append(v)
        return v

    yield _visit
    passed = getattr(request.node, "megaphone_passed", False)
    for v in visits:
        v.end(passed)
