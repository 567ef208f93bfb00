"""Arabic and Hebrew pages in a real browser (issue 22, part 2): the page is laid out
right to left and mirrors (logical CSS), the letter and subject keep their own
direction, an English address inside stays left to right, the send links carry the
letter exactly, and axe finds nothing. The wording is a test fixture
(tests/fixtures/rtl/README.md), not a reviewed translation."""

from __future__ import annotations

import pytest

from browser.support import AXE, AXE_OPTIONS, hrefs, serve
from decoders import rfc_decode
from helpers import RTL_FIXTURES as FIXTURES
from helpers import build, letter_in_source, write_rtl_site


@pytest.fixture(scope="module")
def rtl_urls(tmp_path_factory):
    root = tmp_path_factory.mktemp("rtl-browser")
    server, url = serve(build(write_rtl_site(root), root / "out", "2021-01-01"))
    yield url
    server.shutdown()


def direction(page, selector: str) -> str:
    return page.eval_on_selector(selector, "e => getComputedStyle(e).direction")


@pytest.mark.parametrize("lang", ["ar", "he"])
def test_a_right_to_left_page_reads_right_to_left(visit, rtl_urls, lang):
    page = visit().open(f"{rtl_urls}/{lang}/park/", at=None)
    assert direction(page, "html") == "rtl"
    assert direction(page, ".letter-body") == "rtl"  # the letter starts in its own script
    assert direction(page, "[data-to-text]") == "ltr"  # "Parks Council <council@…>"
    # Laid out from the right: the headline starts where the envelope box ends.
    side = page.eval_on_selector(
        ".envelope", "e => { const r = e.getBoundingClientRect(); return [r.left, r.right]; }"
    )
    heading = page.eval_on_selector("h1", "e => e.getBoundingClientRect().right")
    assert abs(heading - side[1]) < 40  # the headline starts at the right, as the box does
    written = letter_in_source((FIXTURES / f"park.{lang}.md").read_text("utf-8"))
    name = {"ar": "اسمك", "he": "השם שלך"}[lang]
    page.get_by_label(name, exact=True).fill("Ana")
    want = written.replace(f"[{name}]", "Ana").replace("\n", "\r\n")
    for kind, href in hrefs(page).items():
        assert rfc_decode(href)["body"] == want, kind


@pytest.mark.parametrize("lang", ["ar", "he"])
def test_axe_finds_nothing_on_a_right_to_left_page(visit, rtl_urls, lang):
    page = visit().open(f"{rtl_urls}/{lang}/park/", at=None)
    results = AXE.run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()


def test_the_english_page_stays_left_to_right(visit, rtl_urls):
    page = visit().open(f"{rtl_urls}/park/", at=None)
    assert direction(page, "html") == "ltr" and direction(page, ".letter-body") == "ltr"
