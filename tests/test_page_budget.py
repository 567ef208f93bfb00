"""The page budget, on the built example (open state). Sizes are deterministic."""

import pytest

from helpers import soup
from page_weight import FIRST_ROUND_TRIP, MAX_REQUESTS, PAGE_BUDGET, measure


@pytest.fixture(scope="module")
def example(example_site):
    return example_site("2021-02-22")


@pytest.mark.parametrize(
    "page", ["ban-the-scan-nypd/index.html", "es/ban-the-scan-nypd/index.html", "index.html"]
)
def test_the_page_fits_the_budget(example, page):
    resources = measure(example, page)
    assert resources[0].gzipped <= FIRST_ROUND_TRIP  # readable after the first round trip
    assert sum(r.gzipped for r in resources) <= PAGE_BUDGET
    assert len(resources) <= MAX_REQUESTS
    assert not [r for r in resources if r.blocking]  # nothing blocks rendering


def test_no_stylesheet_request_and_no_web_fonts(example):
    page = soup(example / "ban-the-scan-nypd" / "index.html")
    assert not page.find("link", rel="stylesheet")
    css = page.find("style").string
    assert "@font-face" not in css and "font-family: system-ui" in css
    assert not [p for p in example.rglob("*") if p.suffix in {".woff", ".woff2", ".ttf", ".otf"}]
