"""A Hindi page, in a language the theme has no catalogue for, in a real browser
(issue 22, part 1): after the script has run (the countdown, the local time, a copy
button pressed) every English word on the page is inside lang="en" and no Hindi one
is, the deadline is in Hindi, and axe finds nothing. The wording is a test fixture
(tests/fixtures/hindi/README.md), not a reviewed translation."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect
from test_untranslated_words import HINDI_SITE, misread

from browser.support import AXE, AXE_OPTIONS, serve
from helpers import build, soup, write_hindi_site


@pytest.fixture(scope="module")
def hindi_url(tmp_path_factory):
    root = tmp_path_factory.mktemp("hindi-browser")
    out = build(write_hindi_site(root), root / "out", "2021-01-01", **HINDI_SITE)
    server, url = serve(out)
    yield url, out
    server.shutdown()


def lang_of(page, selector: str) -> str:
    return page.eval_on_selector(selector, "e => e.closest('[lang]').lang")


@pytest.mark.parametrize("path", ["park/", "comment/", "s79/", "s79/to/1/", ""])
def test_after_the_script_every_english_word_is_marked_english(visit, hindi_url, path):
    url, out = hindi_url
    built = soup(out / path / "index.html").select_one(".countdown").get_text()
    page = visit().open(f"{url}/{path}")
    # The script has run: the countdown says the days left on the visitor's clock.
    expect(page.locator(".countdown").first).not_to_have_text(built)
    if path == "park/":
        page.wait_for_selector("[data-local-time]:not([hidden])")
        page.get_by_label("आपका नाम", exact=True).fill("अनीता")  # your name: Anita
        page.locator("button[data-copy=subject]").click()
        page.wait_for_selector("[data-status]:not(:empty)")
    assert misread(BeautifulSoup(page.content(), "html.parser")) == []


def test_the_script_writes_the_countdown_and_the_local_time_in_english_marked_so(visit, hindi_url):
    page = visit().open(f"{hindi_url[0]}/park/")
    page.wait_for_selector("[data-local-time]:not([hidden])")
    assert "where you are" in page.inner_text("[data-local-time]")
    assert lang_of(page, "[data-local-time]") == "en"
    assert "left" in page.inner_text(".countdown") and lang_of(page, ".countdown") == "en"
    assert "जून" in page.inner_text(".deadline time")  # June, in Hindi
    assert lang_of(page, ".deadline time") == "hi"


def test_axe_finds_nothing_on_a_hindi_page(visit, hindi_url):
    page = visit().open(f"{hindi_url[0]}/park/")
    results = AXE.run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()
