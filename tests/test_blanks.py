"""Blanks are what the volunteer meant (issue 19, section 3): a Markdown link is
never a box, a blank spelt another way is read as the known one, `[Target …]`
blanks need a target list, an unclosed bracket is said, and the versions of a
letter never share a label. Python and the page's script agree on each rule
(tests/vectors/placeholders.json; the script's side is in tests/browser/)."""

import json
from pathlib import Path

import pytest

from decoders import rfc_decode
from helpers import both_commands, campaign_md, soup, write_files
from megaphone.model.letter import labels

VECTORS = json.loads((Path(__file__).parent / "vectors" / "placeholders.json").read_text("utf-8"))


@pytest.mark.parametrize("case", VECTORS["labels"], ids=[c["name"] for c in VECTORS["labels"]])
def test_label_vectors(case):
    assert labels(case["letters"]) == case["labels"]


def build_both(tmp_path, capsys, campaigns: dict[str, str], files: dict | None = None):
    """`make html` and `make check` on the same files: (html's status and output,
    check's status and output, the built site's folder)."""
    content = write_files(tmp_path, campaigns, files)
    out = tmp_path / "out"
    status, built, checked, printed = both_commands(content, out, capsys)
    return status, built, checked, printed, out


def lines_of(printed: str, code: str) -> list[str]:
    return [line for line in printed.splitlines() if f"[{code}]" in line]


def line_number(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.split("\n"), start=1) if needle in line)


# --- Versions: never two labels the same --------------------------------------

SAME_OPENING = [
    "Dear Council,\n\nWe ask you to keep the park open.\n\nIt matters to our children.",
    "Dear Council,\n\nWe ask you to keep the park open.\n\nIt matters to older people.",
]


def test_versions_that_open_the_same_get_labels_that_differ(tmp_path, capsys):
    text = campaign_md(slug="park", letters=SAME_OPENING)
    status, _, checked, _, out = build_both(tmp_path, capsys, {"park.md": text})
    assert (status, checked) == (0, 0)
    page = soup(out / "park" / "index.html")
    shown = [label.get_text() for label in page.select("[data-variant-choice] label")]
    assert shown == ["\u2026our children.", "\u2026older people."]
