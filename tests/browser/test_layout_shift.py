"""A page that never moves (issue 13, part 4): what the script adds or shows
takes no space from what is already on screen. Measured with the Layout
Instability API on a phone, the script slowed down so that the page is
painted before it runs (as on a slow network, where Lighthouse saw 0.149)."""

import re
import shutil
import time
from datetime import datetime

import pytest

from browser.support import EXAMPLE, NEW_YORK, serve
from helpers import ROOT, build, campaign_md, write_example

TARGETS = ROOT / "tests" / "fixtures" / "targets"

BUDGET = 0.01  # "good" is 0.1; a page that never moves stays under a tenth of that
SCRIPT_DELAY = 0.3  # seconds: the first paint comes before the script

# Every layout shift without recent input, from the first one (buffered).
OBSERVE = """window.megaphoneShifts = [];
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) window.megaphoneShifts.push(entry.value);
  }
}).observe({type: "layout-shift", buffered: true});"""

PLAIN = "Dear Council,\n\nPlease keep the park open.\n\nThank you."


@pytest.fixture(scope="module")
def shifting(tmp_path_factory):
    root = tmp_path_factory.mktemp("shift")
    content = write_example(root)
    (content / "campaigns" / "plain.md").write_text(campaign_md(slug="plain", letter=PLAIN))
    # Every other kind of page (issue 22, part 6): target lists, a representative's own
    # page, a public comment with its counter, a call.
    (content / "targets").mkdir(exist_ok=True)
    shutil.copy(TARGETS / "ny-senate-phones.csv", content / "targets" / "senate.csv")
    letter = "Dear [Target title] [Target name],\n\nPlease support S79.\n\n[Your name]"
    senate = campaign_md(slug="s79", to=None, subject="Support S79", letter=letter)
    senate = senate.replace("Subject:", "Targets: senate\nSubject:")
    script = "\n```call\nHello, I ask [Target title] [Target name] to support S79.\n```\n"
    (content / "campaigns" / "s79.md").write_text(senate + script, "utf-8")
    comment = campaign_md(slug="comment", fields={"Docket": "EXA-2026-0001", "Limit": "5000"})
    (content / "campaigns" / "comment.md").write_text(comment, "utf-8")
    call = campaign_md(
        slug="call", to=None, subject=None, letter=None, fields={"Call": "212-639-9675"}
    )
    (content / "campaigns" / "call.md").write_text(
        call + "\n```call\nHello, [Your name] here.\n```\n"
    )
    servers, urls = [], {}
    for state, today in (("open", "2021-02-22"), ("closed", "2021-03-01")):
        server, urls[state] = serve(build(content, root / state, today))
        servers.append(server)
    yield urls
    for server in servers:
        server.shutdown()


OPEN = datetime(2021, 2, 22, 12, 0, tzinfo=NEW_YORK)
CASES = {
    "open, with placeholders": ("open", EXAMPLE, OPEN),
    "open, without placeholders": ("open", "/plain/", OPEN),
    "closed at build": ("closed", EXAMPLE, datetime(2021, 3, 1, 12, 0, tzinfo=NEW_YORK)),
    # Built open; by the time it loads the deadline has passed: the inline script in
    # <head> closes it before the first paint (a deferred one would move the letter up).
    "closed in the browser": ("open", EXAMPLE, datetime(2021, 2, 26, 0, 0, 5, tzinfo=NEW_YORK)),
    "home page": ("open", "/", OPEN),
    "archive": ("closed", "/closed/", OPEN),
    "flyer": ("open", EXAMPLE + "flyer/", OPEN),
    "with target lists": ("open", "/s79/", OPEN),
    "a representative's page": ("open", "/s79/to/1/", OPEN),
    "a public comment": ("open", "/comment/", OPEN),
    "a call": ("open", "/call/", OPEN),
}


def layout_shift(visit, url, at, timezone="Europe/London") -> float:
    v = visit(timezone=timezone)  # 390 x 844, a phone
    v.context.add_init_script(OBSERVE)

    def slowly(route):
        time.sleep(SCRIPT_DELAY)
        route.continue_()

    v.context.route("**/*.js", slowly)
    page = v.open(url, at=at)
    page.wait_for_load_state("load")
    page.wait_for_function("window.Megaphone !== undefined")  # the script has run
    page.wait_for_timeout(500)  # and every frame after it is reported
    assert v.console_errors == []
    return sum(page.evaluate("window.megaphoneShifts"))


@pytest.mark.parametrize("case", CASES.values(), ids=list(CASES))
def test_the_page_does_not_move_while_the_script_enhances_it(visit, shifting, case):
    state, path, at = case
    assert layout_shift(visit, shifting[state] + path, at) <= BUDGET


def test_the_measure_sees_a_shift(visit, shifting):
    """The measure can fail: a box the script inserts above the letter is a shift."""
    v = visit()
    v.context.add_init_script(
        OBSERVE
        + """document.addEventListener("DOMContentLoaded", () => setTimeout(() => {
        const box = document.createElement("p");
        box.style.height = "200px";
        document.querySelector("main").prepend(box);
      }, 100));"""
    )
    page = v.open(shifting["open"] + EXAMPLE, at=None)
    page.wait_for_timeout(800)
    assert sum(page.evaluate("window.megaphoneShifts")) > BUDGET


AFTER = CASES["closed in the browser"][2]


def test_built_open_and_loaded_after_the_deadline_it_is_closed_before_the_script(visit, shifting):
    """What the first paint shows: the inline script in <head> alone (the main script
    comes empty) has closed the page, as the closing module would."""
    v = visit()

    def empty(route):
        route.fulfill(body="", content_type="text/javascript")

    v.context.route(re.compile(r"/megaphone\.[0-9a-f]+\.js$"), empty)
    page = v.open(shifting["open"] + EXAMPLE, at=AFTER)
    assert page.evaluate("typeof window.Megaphone") == "undefined"
    assert page.locator("html[data-megaphone-closed]").count() == 1
    assert page.get_by_role("heading", name="This campaign has closed").is_visible()
    assert page.locator("[data-open-only]:visible").count() == 0
    assert page.locator(".letter").is_visible()  # the letter stays, for the record
    assert v.console_errors == []  # no CSP refusal


def test_open_at_the_deadline_it_closes_even_if_the_main_script_cannot_run(visit, shifting):
    """Issue 22: one syntax error must not take closing down with the rest. The inline
    script in <head> closes the page at the deadline by itself, while it is open, with
    the main script served broken (as an old browser that cannot parse it would)."""
    v = visit()

    def broken(route):
        route.fulfill(body="this is not JavaScript (", content_type="text/javascript")

    v.context.route(re.compile(r"/megaphone\.[0-9a-f]+\.js$"), broken)
    just_before = datetime(2021, 2, 25, 23, 58, 0, tzinfo=NEW_YORK)
    page = v.open(shifting["open"] + EXAMPLE, at=just_before)
    assert page.evaluate("typeof window.Megaphone") == "undefined"
    assert page.locator(".send").is_visible()
    page.clock.run_for(3 * 60 * 1000)  # past 23:59 New York time
    assert page.locator("html[data-megaphone-closed]").count() == 1
    assert page.get_by_role("heading", name="This campaign has closed").is_visible()
    assert page.locator("[data-open-only]:visible").count() == 0


def test_loaded_before_the_deadline_it_stays_open_until_it(visit, shifting):
    page = visit().open(shifting["open"] + EXAMPLE, at=OPEN)
    page.wait_for_function("window.Megaphone !== undefined")
    assert page.locator("html[data-megaphone-closed]").count() == 0
    assert page.locator("[data-closed]").is_hidden() and page.locator(".send").is_visible()


def test_without_javascript_it_stays_as_built(visit, shifting):
    page = visit(javascript=False).open(shifting["open"] + EXAMPLE, at=None)
    assert page.locator("html[data-megaphone-closed]").count() == 0
    assert page.locator("[data-closed]").is_hidden() and page.locator(".send").is_visible()
