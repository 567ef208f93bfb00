"""axe-core in every state of the page; no request to another host; no cookie."""

import re
from urllib.parse import urlsplit

import pytest

from browser.support import AXE, AXE_OPTIONS

EXAMPLE = "/ban-the-scan-nypd/"


def personalise(page):
    page.get_by_label("Your name", exact=True).fill("Ana")


def edit(page):
    page.get_by_text("Edit the letter").click()
    page.get_by_label("The letter.").fill("My own words.\n\nDear Commissioner, ban it.")


def copy(page):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.locator('.letter [data-copy="letter"]').click()


def close_in_the_browser(page):
    page.clock.fast_forward(4 * 24 * 3600 * 1000)  # four days later
    assert page.locator("[data-closed]").is_visible()


STATES = {
    "open": ("open", EXAMPLE, True, None),
    "open, JavaScript off": ("open", EXAMPLE, False, None),
    "personalised": ("open", EXAMPLE, True, personalise),
    "letter edited": ("open", EXAMPLE, True, edit),
    "after a copy": ("open", EXAMPLE, True, copy),
    "closed at build": ("closed", EXAMPLE, True, None),
    "closed in the browser": ("open", EXAMPLE, True, close_in_the_browser),
    "closed, JavaScript off": ("closed", EXAMPLE, False, None),
    "home page": ("open", "/", True, None),
    "home page, closed": ("closed", "/", True, None),
    "archive of closed campaigns": ("closed", "/closed/", True, None),
    "flyer": ("open", EXAMPLE + "flyer/", True, None),
    "awkward campaign": ("open", "/awkward/", True, personalise),
    "Spanish": ("open", "/es" + EXAMPLE, True, None),
    "letter variants": ("open", "/variants/", True, personalise),
    "letter variants, JavaScript off": ("open", "/variants/", False, None),
    "Spanish, closed": ("closed", "/es" + EXAMPLE, True, None),
}


@pytest.mark.parametrize("state", STATES)
def test_axe_finds_no_violation(visit, sites, state):
    site, path, javascript, action = STATES[state]
    v = visit()
    if not javascript:
        # axe itself needs JavaScript, so "off" means: the page's own script never loads.
        v.context.route(re.compile(r"/megaphone\.[0-9a-f]+\.js$"), lambda route: route.abort())
    page = v.open(sites[site] + path)
    if action:
        action(page)
    if not javascript:
        assert page.evaluate("typeof window.Megaphone") == "undefined"
    results = AXE.run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()


def test_axe_does_report_a_violation(visit):
    page = visit().page
    page.set_content('<html><body><img src="data:,"><a href="#"></a></body></html>')
    assert AXE.run(page, options=AXE_OPTIONS).violations_count >= 2


PAGES = [
    ("open", EXAMPLE),
    ("open", "/"),
    ("open", EXAMPLE + "flyer/"),
    ("open", "/awkward/"),
    ("closed", EXAMPLE),
    ("closed", "/"),
]


@pytest.mark.parametrize("site,path", PAGES)
def test_no_request_to_another_host_and_no_cookie(visit, sites, site, path):
    v = visit()
    page = v.open(sites[site] + path)
    page.wait_for_load_state("networkidle")
    if site == "open" and path != "/" and not path.endswith("flyer/"):
        personalise(page)
        edit(page)
    origin = urlsplit(sites[site]).netloc
    assert v.requests and all(urlsplit(url).netloc == origin for url in v.requests), v.requests
    assert v.context.cookies() == []
    assert v.console_errors == []  # no CSP violation, no script error
