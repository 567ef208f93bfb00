"""Blanks are what the volunteer meant (issue 19, section 3): a Markdown link is
never a box, a blank spelt another way is read as the known one, `[Target …]`
blanks need a target list, an unclosed bracket is said, and the versions of a
letter never share a label. Python and the page's script agree on each rule
(tests/vectors/placeholders.json; the script's side is in tests/browser/)."""

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from decoders import rfc_decode
from helpers import both_commands, campaign_md, soup, write_files
from pelican.plugins.megaphone.model.letter import labels

VECTORS = json.loads((Path(__file__).parent / "vectors" / "placeholders.json").read_text("utf-8"))


@pytest.mark.parametrize("case", VECTORS["labels"], ids=[c["name"] for c in VECTORS["labels"]])
def test_label_vectors(case):
    assert labels(case["letters"]) == case["labels"]


# Letters made of few words, so that versions often open alike, or are the same.
LETTER_WORDS = st.sampled_from(
    ["Dear", "Council,", "keep", "it", "open.", "\n", "\n\n", " ", "x" * 95]
)
LETTERS = st.lists(st.lists(LETTER_WORDS, max_size=12).map(" ".join), min_size=1, max_size=6)


@settings(max_examples=300, deadline=None)
@given(LETTERS)
def test_no_two_versions_ever_share_a_label(letters):
    found = labels(letters)
    assert len(found) == len(letters) and len(set(found)) == len(found)
    assert all(len(label) <= 90 or label.endswith(")") for label in found)


def build_both(tmp_path, campaigns: dict[str, str], files: dict | None = None):
    """`make html` and `make check` on the same files: (html's status and output,
    check's status and output, the built site's folder)."""
    content = write_files(tmp_path, campaigns, files)
    out = tmp_path / "out"
    status, built, checked, printed = both_commands(content, out)
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


def test_versions_that_open_the_same_get_labels_that_differ(tmp_path):
    text = campaign_md(slug="park", letters=SAME_OPENING)
    status, _, checked, _, out = build_both(tmp_path, {"park.md": text})
    assert (status, checked) == (0, 0)
    page = soup(out / "park" / "index.html")
    shown = [label.get_text() for label in page.select("[data-variant-choice] label")]
    assert shown == ["\u2026our children.", "\u2026older people."]


# --- [Target …] blanks need a target list ---------------------------------------

SENATE = (
    "area,name,title,email\n1,Ana Diaz,Senator,ana@example.org\n2,Ben Lee,Senator,ben@example.org\n"
)


def with_targets(text: str, lists: str = "senate") -> str:
    """A campaign that writes to a target list's members instead of a fixed To."""
    return text.replace("To: council@example.org", f"Targets: {lists}")


@pytest.mark.parametrize(
    "blank", ["[Target name]", "[Target Title]", "[target  name]", "[TARGET_NAME]"]
)
def test_a_target_blank_without_targets_is_an_error_naming_its_line(tmp_path, blank):
    text = campaign_md(slug="park", letter=f"Dear {blank},\n\nKeep it open.\n\n[Your name]")
    status, built, checked, printed, _ = build_both(tmp_path, {"park.md": text})
    assert (status, checked) == (1, 1)
    line = line_number(text, blank)
    for output in (built, printed):
        (said,) = lines_of(output, "placeholder-target-no-list")
        shown = " ".join(blank.split())  # a report's line never holds two spaces together
        assert f"park.md:{line}: [placeholder-target-no-list] letter: {shown!r}" in said
        assert "Targets:" in said and "Traceback" not in output


def test_a_target_blank_in_the_subject_without_targets_is_an_error(tmp_path):
    text = campaign_md(slug="park", subject="A letter for [Target name]")
    status, built, checked, printed, _ = build_both(tmp_path, {"park.md": text})
    assert (status, checked) == (1, 1)
    line = line_number(text, "Subject:")
    for output in (built, printed):
        (said,) = lines_of(output, "placeholder-target-no-list")
        assert f"park.md:{line}: [placeholder-target-no-list] Subject:" in said
        assert "in the Subject" in said


def test_a_target_blank_that_no_list_fills_is_an_error(tmp_path):
    letter = "Dear [Target name],\n\nI write to [Target email].\n\n[Your name]"
    text = with_targets(campaign_md(slug="park", letter=letter))
    files = {"targets/senate.csv": SENATE}
    status, built, checked, printed, _ = build_both(tmp_path, {"park.md": text}, files)
    assert (status, checked) == (1, 1)
    line = line_number(text, "[Target email]")
    for output in (built, printed):
        (said,) = lines_of(output, "placeholder-target-unknown")
        assert f"park.md:{line}: [placeholder-target-unknown] letter: '[Target email]'" in said


def test_a_targets_campaign_asks_the_visitor_for_no_blank_the_list_fills(tmp_path):
    text = with_targets(campaign_md(slug="park", letter=KNOWN))
    files = {"targets/senate.csv": SENATE}
    status, _, checked, _, out = build_both(tmp_path, {"park.md": text}, files)
    assert (status, checked) == (0, 0)
    page = soup(out / "park" / "index.html")
    assert [f["data-placeholder"] for f in page.select("[data-placeholder]")] == ["Your name"]
    assert "[Your name]" in page.select_one(".hint").get_text()


# --- Blanks spelt another way: read as the known one, with a warning -------------

KNOWN = "Dear [Target title] [Target name],\n\nKeep [Area] green.\n\n[Your name]\n[Your name]"
SPELT = "Dear [Target Title] [Target Name],\n\nKeep [area] green.\n\n[Your name]\n[ Your  Name ]"


def site_files(out: Path) -> dict[str, bytes]:
    """Every file the build wrote but the feeds, which carry the file's text as written."""
    return {
        str(p.relative_to(out)): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and "feeds" not in p.parts
    }


def test_blanks_spelt_otherwise_build_the_very_site_of_the_known_spelling(tmp_path):
    files = {"targets/senate.csv": SENATE}
    known = with_targets(campaign_md(slug="park", letter=KNOWN))
    spelt = with_targets(campaign_md(slug="park", letter=SPELT))
    *_, known_out = build_both(tmp_path / "known", {"park.md": known}, files)
    status, built, checked, printed, spelt_out = build_both(
        tmp_path / "spelt", {"park.md": spelt}, files
    )
    assert (status, checked) == (0, 0)
    assert site_files(spelt_out) == site_files(known_out)
    page = soup(spelt_out / "park" / "to" / "1" / "index.html")
    bodies = {rfc_decode(a["href"])["body"] for a in page.select("a[data-link]")}
    assert bodies == {
        "Dear Senator Ana Diaz,\r\n\r\nKeep 1 green.\r\n\r\n[Your name]\r\n[Your name]"
    }
    fields = soup(spelt_out / "park" / "index.html").select("[data-placeholder]")
    assert [f["data-placeholder"] for f in fields] == ["Your name"]  # the list fills the rest
    expected = {
        "[Target Title]": "[Target title]",
        "[Target Name]": "[Target name]",
        "[area]": "[Area]",
        "[ Your  Name ]": "[Your name]",
    }
    for output in (built, printed):
        said = lines_of(output, "placeholder-spelling")
        assert len(said) == len(expected)
        for (written, meant), line in zip(expected.items(), said, strict=True):
            number = line_number(spelt, written)
            shown = " ".join(written.split())
            assert f"park.md:{number}: [placeholder-spelling] letter: {shown!r}" in line
            assert f"read as {meant!r}" in line


def test_the_spelling_written_most_is_the_known_one_in_subject_and_letter_alike(tmp_path):
    letter = "Dear Council,\n\nKeep it open for [your city].\n\n[Your City]\n[Your City]"
    text = campaign_md(slug="park", subject="Save [Your city] park", letter=letter)
    status, built, checked, printed, out = build_both(tmp_path, {"park.md": text})
    assert (status, checked) == (0, 0)
    page = soup(out / "park" / "index.html")
    assert [f["data-placeholder"] for f in page.select("[data-placeholder]")] == ["Your City"]
    decoded = rfc_decode(page.select_one("a[data-link]")["href"])
    assert decoded["subject"] == "Save [Your City] park"
    assert decoded["body"] == letter.replace("[your city]", "[Your City]").replace("\n", "\r\n")
    for output in (built, printed):
        said = lines_of(output, "placeholder-spelling")
        assert [line.split(": [placeholder-spelling]")[0].rsplit(":", 1)[1] for line in said] == [
            str(line_number(text, "Subject:")),
            str(line_number(text, "[your city]")),
        ]


# --- A Markdown link: sent as written, never a box, and said ---------------------


def test_a_markdown_link_is_sent_as_written_makes_no_box_and_is_a_warning(tmp_path):
    letter = (
        "Dear Council,\n\nRead [the report](https://example.org/report.pdf) first.\n\n[Your name]"
    )
    text = campaign_md(slug="park", letter=letter)
    status, built, checked, printed, out = build_both(tmp_path, {"park.md": text})
    assert (status, checked) == (0, 0)
    page = soup(out / "park" / "index.html")
    assert [f["data-placeholder"] for f in page.select("[data-placeholder]")] == ["Your name"]
    body = rfc_decode(page.select_one("a[data-link]")["href"])["body"]
    assert body == letter.replace("\n", "\r\n")
    line = line_number(text, "[the report]")
    for output in (built, printed):
        (said,) = lines_of(output, "placeholder-link")
        assert f"park.md:{line}: [placeholder-link] letter:" in said
        assert "'the report: https://example.org/report.pdf'" in said


# --- An unclosed bracket: sent as written, and said on its line -----------------


@pytest.mark.parametrize("slip", ["[Your name", "Your name]", "[Your [name]"])
def test_an_unclosed_bracket_is_a_warning_naming_its_line(tmp_path, slip):
    letter = f"Dear Council,\n\nKeep it open.\n\nThank you,\n{slip}\n[Your city]"
    text = campaign_md(slug="park", letter=letter)
    status, built, checked, printed, out = build_both(tmp_path, {"park.md": text})
    assert (status, checked) == (0, 0)
    body = rfc_decode(soup(out / "park" / "index.html").select_one("a[data-link]")["href"])
    assert body["body"] == letter.replace("\n", "\r\n")  # sent as written
    line = line_number(text, slip)
    for output in (built, printed):
        (said,) = lines_of(output, "placeholder-unclosed")
        assert f"park.md:{line}: [placeholder-unclosed] letter: {slip!r}" in said


def test_escaped_brackets_are_said_once_not_also_as_unclosed(tmp_path):
    letter = "Dear Council,\n\nKeep it open.\n\n\\[Your city]\n\\[YOUR NAME\\]\n[1] [2]"
    text = campaign_md(slug="park", letter=letter)
    status, built, checked, printed, _ = build_both(tmp_path, {"park.md": text})
    assert (status, checked) == (0, 0)
    for output in (built, printed):
        assert len(lines_of(output, "placeholder-escaped")) == 2
        assert lines_of(output, "placeholder-unclosed") == []
