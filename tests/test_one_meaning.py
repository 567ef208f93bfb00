"""A campaign file means one thing: a slip gives the same page or a message, never a
different page in silence (issue 19)."""

import pytest

from helpers import both_commands, campaign_md, write_files


def with_blank_line_before(field: str, value: str) -> str:
    text = campaign_md(slug="park", summary="S")
    header, rest = text.split("\n\n", 1)
    return f"{header}\n\n{field}: {value}\n\n{rest}"


@pytest.mark.parametrize(
    "field, value",
    [("Timezone", "America/Chicago"), ("Cc", "clerk@example.org"), ("bcc", "me@example.org")],
)
def test_a_field_after_the_blank_line_that_ends_the_header_is_an_error(
    tmp_path, capsys, field, value
):
    text = with_blank_line_before(field, value)
    lines = text.split("\n")
    blank = lines.index("") + 1
    content = write_files(tmp_path, {"park.md": text})
    status, built, checked, report = both_commands(content, tmp_path / "output", capsys)
    assert status == 1 and checked == 1
    expected = (
        f"park.md:{blank + 1}: [field-after-blank-line] {field}: the blank line on line {blank} "
        f"ends the fields, so {field} on line {blank + 1} is not read"
    )
    assert expected in built and expected in report, report


def test_a_field_name_in_the_explanation_is_prose(tmp_path, capsys):
    body = "Why this matters.\n\nDeadline: the council votes on Tuesday.\n\nNote: bring a friend."
    content = write_files(tmp_path, {"park.md": campaign_md(slug="park", summary="S", body=body)})
    status, built, checked, report = both_commands(content, tmp_path / "output", capsys)
    assert status == 0 and checked == 0, built + report
    assert "field-after-blank-line" not in report
