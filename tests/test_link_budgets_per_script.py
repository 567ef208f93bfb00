"""The guide's letter lengths per script (docs/link-budgets.md, issue 22) are what
bench/link_budgets.py measures: the docs round them down, never up."""

from __future__ import annotations

import re

import link_budgets

from pelican.plugins.megaphone.model.links import DEFAULT_BUDGET, build_links
from settings_under_test import ROOT

GUIDE = (ROOT / "docs" / "link-budgets.md").read_text("utf-8")
# The guide's row for each group, and the bench's scripts it stands for.
ROWS = {
    "Latin (English, French)": ("Latin (English)", "Latin (French)"),
    "Cyrillic, Greek, Arabic, Hebrew": ("Cyrillic (Bulgarian)", "Greek", "Arabic", "Hebrew"),
    "Indic (Hindi 7.7, Tamil 8.4)": ("Devanagari (Hindi)", "Tamil"),
    "CJK (Chinese)": ("CJK (Chinese)",),
}


def windows_and_gmail(row: str) -> tuple[int, int]:
    cells = re.search(rf"^\| {re.escape(row)} \|([^\n]+)$", GUIDE, re.M).group(1).split("|")
    numbers = [int(c.strip().replace(",", "")) for c in cells[1:] if c.strip()]
    return numbers[0], numbers[2]


def test_the_guide_quotes_the_bench_rounded_down():
    for row, scripts in ROWS.items():
        windows, gmail = windows_and_gmail(row)
        for script in scripts:
            sentence = link_budgets.SCRIPTS[script]
            measured = link_budgets.longest_letter(
                sentence, lambda m: build_links(m, DEFAULT_BUDGET).mailto_has_body
            )
            assert windows <= measured <= windows * 1.15, (script, windows, measured)
            measured = link_budgets.longest_letter(
                sentence, lambda m: build_links(m, DEFAULT_BUDGET).has_body("gmail")
            )
            assert gmail <= measured <= gmail * 1.15, (script, gmail, measured)
