"""A preview built as of another day (CAMPAIGN_TODAY) is open on the page, but its
script closes it at the real deadline, as the README says, and the README says how
to see the open page in a browser."""

from helpers import build, campaign_md, soup, write_site
from settings_under_test import ROOT


def test_a_preview_day_does_not_move_the_deadline_the_script_closes_at(tmp_path):
    content = write_site(
        tmp_path, {"park.md": campaign_md(slug="park", deadline="2021-02-25 17:00")}
    )
    out = build(content, tmp_path / "out", today="2021-02-22")
    page = soup(out / "park" / "index.html")
    assert page.find(attrs={"data-link": "mailto"}) is not None  # built open, as of that day
    assert page.html["data-open-until"] == "2021-02-25T17:00:00-05:00"  # the real deadline
    script = (ROOT / "theme" / "static" / "js" / "closed-before-paint.js").read_text()
    assert "Date.now()" in script and "TODAY" not in script.upper()  # the browser's own clock


def test_the_readme_says_so_and_how_to_see_the_open_page():
    readme = " ".join((ROOT / "README.md").read_text("utf-8").split())
    assert "closes the page at the real deadline by the browser's own clock" in readme
    assert "never takes `CAMPAIGN_TODAY` as today" in readme
    assert "turn JavaScript off" in readme and "Disable JavaScript" in readme
