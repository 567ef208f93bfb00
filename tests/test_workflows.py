"""The GitHub Pages workflow (.github/workflows/pages.yml): published on every push,
once the tests pass, and again every hour, so that a page built open is closed within
the hour after its deadline for visitors without the script and for link previews."""

import re

from settings_under_test import ROOT

PAGES = (ROOT / ".github" / "workflows" / "pages.yml").read_text("utf-8")


def job(name: str) -> str:
    """The text of one job, up to the next one."""
    match = re.search(rf"^  {name}:\n(.*?)(?=^  [a-z]+:\n|\Z)", PAGES, re.M | re.S)
    assert match, name
    return match.group(1)


def test_the_site_is_rebuilt_every_hour():
    crons = re.findall(r'^\s+- cron: "([^"]+)"', PAGES, re.M)
    assert len(crons) == 1
    minute, hour, day, month, weekday = crons[0].split()
    assert minute.isdigit() and (hour, day, month, weekday) == ("*", "*", "*", "*")


def test_the_hourly_run_publishes_without_testing_again_and_a_push_still_tests():
    assert "if: github.event_name != 'schedule'" in job("test")
    build = job("build")
    assert "needs: test" in build
    assert "needs.test.result == 'skipped'" in build and "needs.test.result == 'success'" in build
    assert "make check" in build and "make publish" in build
