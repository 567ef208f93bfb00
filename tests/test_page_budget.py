"""The page budget, on the built example (open state). Sizes are deterministic."""

import pytest

from helpers import build, many_campaigns, soup, write_site
from page_weight import FIRST_ROUND_TRIP, MAX_REQUESTS, PAGE_BUDGET, measure
from settings_under_test import ROOT


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


# --- The home page at scale -------------------------------------------------


@pytest.fixture(scope="module")
def thousand(tmp_path_factory):
    root = tmp_path_factory.mktemp("thousand")
    content = write_site(root, many_campaigns(1000, closed=900))
    return build(content, root / "output", "2025-06-01")


def test_the_home_page_fits_the_first_round_trip_with_1000_campaigns(thousand):
    home = measure(thousand, "index.html")[0]
    assert home.gzipped <= FIRST_ROUND_TRIP, home
    page = soup(thousand / "index.html")
    assert len(page.select("[aria-labelledby=open-heading] li")) == 100  # every open one
    assert len(page.select("[data-countdown]")) == 100


def test_each_countdown_on_the_home_page_carries_only_its_own_deadline(thousand):
    page = soup(thousand / "index.html")
    words = page.select("[data-countdown-words]")
    assert len(words) == 1 and words[0].name == "ul"
    assert words[0]["data-days"] == "{days} days left"
    for countdown in page.select("[data-countdown]"):
        assert set(countdown.attrs) == {
            "class",
            "data-module",
            "data-countdown",
            "data-deadline",
            "data-zone",
            "data-city",
            "data-time",
        }


def test_every_closed_campaign_is_in_the_archive_with_1000_campaigns(thousand):
    listed = []
    for path in sorted(thousand.glob("closed/**/index.html")):
        listed += [a["href"] for a in soup(path).select("main .campaign-list li > a")]
    assert sorted(listed) == [f"/campaign-{i:04d}/" for i in range(900)]


def test_the_script_ships_without_its_comment_lines_and_still_parses(tmp_path):
    import shutil
    import subprocess

    from pelican.plugins.megaphone.site.assets import shipped_script

    source = ROOT / "theme" / "static" / "js" / "megaphone.js"
    shipped = shipped_script(str(source)).decode("utf-8")
    assert not any(line.lstrip().startswith("//") for line in shipped.split("\n"))
    kept = [
        line for line in source.read_text("utf-8").split("\n") if not line.lstrip().startswith("//")
    ]
    assert shipped.split("\n") == kept  # nothing else changed
    node = shutil.which("node")
    if node:  # CI has it (npm); the browser tests run the shipped script too
        (tmp_path / "megaphone.js").write_text(shipped, "utf-8")
        assert subprocess.run([node, "--check", str(tmp_path / "megaphone.js")]).returncode == 0
