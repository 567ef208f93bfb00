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
def test_a_field_after_the_blank_line_that_ends_the_header_is_an_error(tmp_path, field, value):
    text = with_blank_line_before(field, value)
    lines = text.split("\n")
    blank = lines.index("") + 1
    content = write_files(tmp_path, {"park.md": text})
    status, built, checked, report = both_commands(content, tmp_path / "output")
    assert status == 1 and checked == 1
    expected = (
        f"park.md:{blank + 1}: [field-after-blank-line] {field}: the blank line on line {blank} "
        f"ends the fields, so {field} on line {blank + 1} is not read"
    )
    assert expected in built and expected in report, report


def test_a_field_name_in_the_explanation_is_prose(tmp_path):
    body = "Why this matters.\n\nDeadline: the council votes on Tuesday.\n\nNote: bring a friend."
    content = write_files(tmp_path, {"park.md": campaign_md(slug="park", summary="S", body=body)})
    status, built, checked, report = both_commands(content, tmp_path / "output")
    assert status == 0 and checked == 0, built + report
    assert "field-after-blank-line" not in report


def header_with(line: str, **fields) -> str:
    return campaign_md(slug="park", summary="S", **fields).replace("Date:", f"{line}\nDate:")


@pytest.mark.parametrize(
    "text, code, field",
    [
        (campaign_md(slug="park", summary="S", title=""), "field-empty", "Title"),
        (header_with("Timezone:"), "field-empty", "Timezone"),
        (campaign_md(slug="park", summary="S", date="03/12/2026"), "date-format", "Date"),
        (header_with("Status: hidden"), "status-unknown", "Status"),
        (header_with("Status: skip"), "status-unknown", "Status"),  # Pelican drops the file
        (header_with("Subjects: Ban it, No scans", subject=None), "subjects-one", "Subjects"),
        (header_with("Subjects: Ban it / No scans", subject=None), "subjects-one", "Subjects"),
        (
            campaign_md(slug="park", summary="S", body="Why.\n\n<!-- TODO ask Maria\n\nMore."),
            "comment-unclosed",
            "explanation",
        ),
        (
            campaign_md(
                slug="park",
                summary="S",
                letter=None,
                body="Why.\n\n```\nDear A,\n\nOne.\n\n[Your name]\n```\n\n"
                "```letter\nDear B,\n\nTwo.\n```",
            ),
            "letter-fence-bare",
            "letter",
        ),
    ],
)
def test_a_value_that_would_mean_something_else_is_an_error(tmp_path, text, code, field):
    content = write_files(tmp_path, {"park.md": text})
    status, built, checked, report = both_commands(content, tmp_path / "output")
    assert status == 1 and checked == 1, report
    line = next(line for line in report.splitlines() if f"[{code}]" in line)
    assert "park.md:" in line and f"[{code}] {field}:" in line, line


def test_one_subject_a_line_may_hold_a_colon(tmp_path):
    text = header_with(
        "Subjects:\n    Public comment: ban the scan\n    No face scans", subject=None
    )
    content = write_files(tmp_path, {"park.md": text})
    status, built, checked, report = both_commands(content, tmp_path / "output")
    assert status == 0 and checked == 0, built + report
    html = (tmp_path / "output" / "park" / "index.html").read_text("utf-8")
    assert "Public%20comment%3A%20ban%20the%20scan" in html


def test_a_comment_and_code_are_left_alone_when_they_are_whole(tmp_path):
    body = "Why.\n\n<!-- a note\nover two lines -->\n\nWrite `<!--` to start a note."
    content = write_files(tmp_path, {"park.md": campaign_md(slug="park", summary="S", body=body)})
    status, built, checked, report = both_commands(content, tmp_path / "output")
    assert status == 0 and checked == 0, built + report


def test_what_pelican_logs_reaches_the_volunteer_as_one_line_with_its_file():
    import io
    import logging

    from pelican.plugins.megaphone.commands.log_lines import OneLine

    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(OneLine())
    logger = logging.getLogger("pelican.test-one-line")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        logger.warning("Unable to find %s,\n  skipping url\treplacement.", "campaigns/park.md")
        try:
            raise ValueError("inside")
        except ValueError:
            logger.exception("Could not process %s", "the site")
    finally:
        logger.removeHandler(handler)
    assert stream.getvalue().splitlines() == [
        "campaigns/park.md: [pelican-warning] Unable to find campaigns/park.md, skipping url "
        "replacement.",
        "pelican: [pelican-error] Could not process the site",
    ]
