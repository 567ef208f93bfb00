"""A volunteer's mistake is never silent: each one stops the build with the
file, the line and what to write instead (issue: the page says what the file means)."""

import pytest

from helpers import build, build_as_make_does, campaign_md, write_site


def with_lines(*lines, **fields):
    """A campaign with more header lines, before Date."""
    return campaign_md(slug="a", **fields).replace("Date:", "\n".join(lines) + "\nDate:")


HEADER_CASES = {
    "misspelt key": (with_lines("Timezon: Europe/Madrid"), 3, "field-unknown", "'Timezone'?"),
    "misspelt Deadline": (
        with_lines("Deadlne: 2030-01-01", deadline=None),
        3,
        "field-unknown",
        "'Deadline'?",
    ),
    "Ccc": (with_lines("Ccc: x@example.org"), 3, "field-unknown", "'Cc'?"),
    "a key with a space": (
        with_lines("Time zone: Europe/Madrid"),
        3,
        "field-unknown",
        "'Timezone'?",
    ),
    "a space before Cc": (
        with_lines("  Cc: x@example.org"),
        3,
        "field-indented",
        "start of line 3",
    ),
    "a tab before Cc": (with_lines("\tCc: x@example.org"), 3, "field-indented", "start of line 3"),
}


@pytest.mark.parametrize("name", HEADER_CASES)
def test_header_mistakes_name_their_line(tmp_path, name):
    text, line, code, words = HEADER_CASES[name]
    content = write_site(tmp_path, {"a.md": text})
    status, printed = build_as_make_does(content, tmp_path / "out", "2021-01-01")
    assert status == 1
    assert f"a.md:{line}: " in printed and f"[{code}]" in printed and words in printed, printed


def test_indented_cc_never_joins_to(tmp_path):
    content = write_site(tmp_path, {"a.md": with_lines("\tCc: x@example.org")})
    status, printed = build_as_make_does(content, tmp_path / "out", "2021-01-01")
    assert status == 1 and not (tmp_path / "out").exists()


def test_a_tab_before_every_field_names_each_line_and_no_raw_pelican_line(tmp_path):
    lines = campaign_md(slug="a").split("\n")
    text = "\n".join("\t" + line if ":" in line and i < 8 else line for i, line in enumerate(lines))
    content = write_site(tmp_path, {"a.md": text})
    status, printed = build_as_make_does(content, tmp_path / "out", "2021-01-01")
    assert status == 1
    for number in range(1, 7):
        assert f"a.md:{number}: " in printed, printed
    assert "Skipping" not in printed and "output path" not in printed


def test_a_site_can_declare_its_own_fields(tmp_path):
    content = write_site(tmp_path, {"a.md": with_lines("Region: North")})
    out = build(content, tmp_path / "out", "2021-01-01", CAMPAIGN_EXTRA_FIELDS=["Region"])
    assert (out / "a" / "index.html").exists()


def test_keys_stay_case_insensitive(tmp_path):
    text = campaign_md(slug="a").replace("Deadline:", "DEADLINE:").replace("To:", "to:")
    content = write_site(tmp_path, {"a.md": text})
    assert build_as_make_does(content, tmp_path / "out", "2021-01-01")[0] == 0


def test_what_make_campaign_wrote_is_not_published(tmp_path):
    from megaphone.model.template import EXAMPLES, TEMPLATE

    text = TEMPLATE.format(title="Park", slug="park", today="2021-01-01", deadline="2030-01-01")
    published = text.replace("Status: draft\n", "")
    content = write_site(tmp_path, {"park.md": published})
    status, printed = build_as_make_does(content, tmp_path / "out", "2021-01-01")
    assert status == 1
    assert printed.count("[template-example]") == len(EXAMPLES) >= 6
    for needle in (
        "someone@example.org",
        "The subject line of the email",
        "Say in one sentence",
        "[Title and name of the person who decides]",
    ):
        assert needle in printed, printed


def test_in_a_draft_the_examples_are_warnings(tmp_path, caplog):
    from megaphone.model.template import TEMPLATE

    text = TEMPLATE.format(title="Park", slug="park", today="2021-01-01", deadline="2030-01-01")
    content = write_site(tmp_path, {"park.md": text})
    status, printed = build_as_make_does(content, tmp_path / "out", "2021-01-01")
    assert status == 0, printed
    logged = caplog.text
    assert "[template-example-draft]" in logged and "[template-example]" not in logged + printed
