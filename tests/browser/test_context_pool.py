"""The browser tests reuse contexts (support.ContextPool): a reused one must look
new to the next test, and anything a test cannot undo must end its context."""

import time
from datetime import datetime

import pytest

from browser.support import BEFORE_DEADLINE, NEW_YORK, ContextPool, Visit, serve

LATER = datetime(2022, 6, 1, 9, 0, tzinfo=NEW_YORK)


@pytest.fixture(scope="module")
def pool(browser):
    """One pool for the module (a new context costs a third of a second): each test
    takes from it what the test before gave back, last in first out."""
    pool = ContextPool(browser)
    pool.enabled = True  # even under MEGAPHONE_TEST_FRESH_CONTEXTS=1: this tests the pool
    yield pool
    pool.close()


@pytest.fixture(scope="module")
def two_origins(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pool")
    (folder / "index.html").write_text("<!doctype html><title>t</title><p>page", "utf-8")
    servers = [serve(folder) for _ in range(2)]
    yield [url + "/index.html" for _, url in servers]
    for server, _ in servers:
        server.shutdown()


def dirty(page, url):
    """What a test might leave behind, on one origin."""
    page.goto(url)
    page.evaluate("localStorage.setItem('k', 'v'); sessionStorage.setItem('k', 'v')")
    page.evaluate("document.cookie = 'c=1; max-age=3600'")


def leftovers(page, url):
    page.goto(url)
    return page.evaluate("[localStorage.length, sessionStorage.length, document.cookie]")


def clipboard_permission(page):
    return page.evaluate("navigator.permissions.query({name: 'clipboard-read'}).then(s => s.state)")


def test_a_reused_context_keeps_nothing_of_the_test_before(pool, two_origins):
    first = Visit(pool)
    page = first.open(two_origins[0])
    first.context.grant_permissions(["clipboard-read", "clipboard-write"])
    assert clipboard_permission(page) == "granted"
    for url in two_origins:
        dirty(page, url)
    first.end(passed=True)

    second = Visit(pool)
    again = second.open(two_origins[1], at=LATER)
    assert again is page, "the pool did not reuse the context"
    assert clipboard_permission(again) != "granted"
    for url in two_origins:
        assert leftovers(again, url) == [0, 0, ""]
    assert second.context.cookies() == []
    assert again.evaluate("Date.now()") - LATER.timestamp() * 1000 < 60_000
    assert second.requests == [two_origins[1]] + two_origins, "requests of another test"
    second.end(passed=True)


def test_each_load_is_a_request_not_a_cached_copy(pool, two_origins):
    first = Visit(pool)
    first.open(two_origins[0])
    first.end(passed=True)
    second = Visit(pool)
    second.open(two_origins[0])
    assert second.pooled.page is not None and second.requests == [two_origins[0]]
    response = second.page.goto(two_origins[0])
    assert response.headers["cache-control"] == "no-store"
    second.end(passed=True)


@pytest.mark.parametrize(
    "lasting",
    [
        lambda v: v.context.add_init_script("window.planted = true"),
        lambda v: v.page.add_init_script("window.planted = true"),
        lambda v: v.context.route("**/*", lambda route: route.continue_()),
        lambda v: v.page.clock.fast_forward(1000),
        lambda v: v.context.new_cdp_session(v.page),
        lambda v: v.page.set_viewport_size({"width": 1000, "height": 800}),
        lambda v: v.page.on("dialog", lambda dialog: dialog.dismiss()),
    ],
    ids=["context script", "page script", "route", "clock moved", "CDP", "viewport", "listener"],
)
def test_a_context_a_test_changed_for_good_is_not_reused(pool, two_origins, lasting):
    first = Visit(pool)
    page = first.open(two_origins[0])
    lasting(first)
    first.end(passed=True)
    second = Visit(pool)
    assert second.open(two_origins[0]) is not page
    assert second.page.evaluate("window.planted === undefined")
    second.end(passed=True)


def test_the_context_of_a_failed_test_is_not_reused(pool, two_origins):
    first = Visit(pool)
    page = first.open(two_origins[0])
    first.end(passed=False)
    assert page.is_closed()
    second = Visit(pool)
    assert second.open(two_origins[0]) is not page
    second.end(passed=True)


def test_a_visit_on_real_time_never_gets_a_fake_clock(pool, two_origins):
    first = Visit(pool)
    clocked = first.open(two_origins[0], at=BEFORE_DEADLINE)
    first.end(passed=True)
    second = Visit(pool)
    page = second.open(two_origins[0], at=None)
    assert page is not clocked
    assert abs(page.evaluate("Date.now()") - time.time() * 1000) < 60_000
    second.end(passed=True)


def test_different_options_never_share_a_context(pool, two_origins):
    first = Visit(pool)
    page = first.open(two_origins[0])
    first.end(passed=True)
    for options in ({"javascript": False}, {"timezone": "Asia/Tokyo"}, {"width": 1280}):
        other = Visit(pool, **options)
        assert other.open(two_origins[0]) is not page
        other.end(passed=True)
