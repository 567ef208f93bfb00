"""Placeholders: the grammar shared with the page's script (tests/vectors/placeholders.json),
and the warnings and errors for brackets that look like blanks but are not."""

import json
import logging
from pathlib import Path

import pytest

from helpers import build_as_make_does, campaign_md, render, soup, write_site
from pelican.plugins.megaphone.model.campaign import read_campaign
from pelican.plugins.megaphone.model.letter import excerpt, fill, placeholders

VECTORS = json.loads((Path(__file__).parent / "vectors" / "placeholders.json").read_text("utf-8"))


@pytest.mark.parametrize("case", VECTORS["cases"], ids=[c["name"] for c in VECTORS["cases"]])
def test_placeholder_vectors(case):
    assert placeholders(case["text"]) == tuple(case["placeholders"])
    assert fill(case["text"], case["values"]) == case["filled"]


@pytest.mark.parametrize("case", VECTORS["excerpts"], ids=[c["name"] for c in VECTORS["excerpts"]])
def test_excerpt_vectors(case):
    assert excerpt(fill(case["letter"], case["values"])) == case["excerpt"]


def read(letter="Dear Council,\n\n[Your name]", subject="Keep the park open", **metadata):
    text = f"Intro.\n\n```letter\n{letter}\n```\n"
    return read_campaign(
        file="park.md",
        metadata={
            "to": "council@example.org",
            "subject": subject,
            "deadline": "2030-01-31",
            "summary": "s",
            "image": "i.png",
            **metadata,
        },
        html=render(text),
        default_timezone="America/New_York",
        today=None,
    )


def test_the_subjects_placeholders_come_first_and_are_shared_with_the_letter():
    reading = read(
        letter="Dear Council,\n\n[Your street] matters.\n\n[Your name]",
        subject="[Your street] needs the park",
    )
    assert reading.problems == []
    assert reading.campaign.placeholders == ("Your street", "Your name")


def test_citations_and_links_make_no_field_and_no_warning():
    reading = read(letter="Dear Council,\n\nArrests fell [1][2] [...] [https://x.org/a].\n\n[Me]")
    assert reading.campaign.placeholders == ("Me",)
    assert not [w for w in reading.warnings if "placeholder-" in w]


def test_escaped_brackets_are_a_warning_naming_the_fix():
    reading = read(letter="Dear Council,\n\nThanks,\n\\[YOUR NAME\\]")
    assert reading.campaign.placeholders == ()
    (warning,) = [w for w in reading.warnings if "[placeholder-escaped]" in w]
    assert "'\\\\[YOUR NAME\\\\]'" in warning and "'[YOUR NAME]'" in warning
    assert "backslash" in warning


def test_a_long_bracketed_note_is_a_warning():
    note = "[MAKE SURE YOU FILL IN THE BRACKETS BEFORE SENDING THIS LETTER]"
    reading = read(letter=f"Dear Council,\n\n{note}\n\n[Your name]")
    assert reading.campaign.placeholders == ("Your name",)
    (warning,) = [w for w in reading.warnings if "[placeholder-instruction]" in w]
    assert note in warning and "40 characters" in warning


def test_a_note_in_the_subject_beside_words_is_a_warning_that_says_subject():
    reading = read(subject="Park: [*** ADD YOUR OWN WORDS ***]")
    assert reading.campaign is not None
    (warning,) = [w for w in reading.warnings if "[placeholder-instruction]" in w]
    assert "in the Subject" in warning


@pytest.mark.parametrize(
    "subject",
    ["[*** INSERT UNIQUE SUBJECT LINE ***]", " [WRITE A SUBJECT LINE HERE, IN YOUR OWN WORDS] "],
)
def test_a_subject_that_is_only_a_note_is_a_problem(subject):
    reading = read(subject=subject)
    assert reading.campaign is None
    (problem,) = reading.problems
    assert (problem.field, problem.code) == ("Subject", "subject-instruction")
    assert "Subjects:" in problem.message and "[Your city]" in problem.message


def test_a_subject_that_is_a_short_blank_is_fine():
    reading = read(subject="[Your subject]")
    assert reading.problems == [] and reading.campaign.placeholders == ("Your subject", "Your name")


def test_the_build_stops_on_an_instruction_subject_naming_its_line(tmp_path):
    text = campaign_md(slug="park", subject="[*** INSERT UNIQUE SUBJECT LINE ***]")
    content = write_site(tmp_path, {"park.md": text})
    status, printed = build_as_make_does(content, tmp_path / "out", "2021-01-01")
    line = text.split("\n").index("Subject: [*** INSERT UNIQUE SUBJECT LINE ***]") + 1
    assert status == 1
    assert f"content/campaigns/park.md:{line}: [subject-instruction] Subject:" in printed
    assert "[subject-instruction]" in printed
    assert "Traceback" not in printed


def test_the_build_warns_about_escaped_and_long_brackets(site, caplog):
    letter = (
        "Dear Council,\n\n[PLEASE ADD A SENTENCE ABOUT WHY THE PARK MATTERS TO YOU]\n\n"
        "\\[Your name\\]"
    )
    with caplog.at_level(logging.WARNING):
        out = site({"park.md": campaign_md(slug="park", letter=letter)}, today="2021-01-01")
    assert (out / "park" / "index.html").exists()  # warnings: the page is still built
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any("park.md" in w and "[placeholder-escaped]" in w for w in warnings)
    assert any("park.md" in w and "[placeholder-instruction]" in w for w in warnings)


def test_the_page_has_fields_for_the_subject_and_shows_it_as_written(site):
    text = campaign_md(slug="park", subject="Save the park in [Your city]")
    page = soup(site({"park.md": text}, today="2021-01-01") / "park" / "index.html")
    assert page.select_one("[data-subject-text]").get_text() == "Save the park in [Your city]"
    assert page.select_one("article")["data-subject"] == "Save the park in [Your city]"
    assert "[Your city]" in page.select_one(".hint").get_text()
