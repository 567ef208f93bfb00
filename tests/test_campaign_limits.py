"""One pull request cannot make the build write without end: letter versions,
letter and subject lengths, and the pages and bytes of a campaign's
representatives are limited (model/limits.py), each refused by file, line
and code; real campaigns, as large as the UK House of Commons, pass."""

from __future__ import annotations

import re

import pytest

from helpers import build, build_as_make_does, campaign_md, render, write_site
from pelican.plugins.megaphone.model.campaign import read_campaign
from pelican.plugins.megaphone.model.limits import (
    MAX_CAMPAIGN_BYTES,
    MAX_LETTER_CHARS,
    MAX_LETTER_VERSIONS,
    MAX_SUBJECT_CHARS,
    MAX_SUBJECTS,
    MAX_TARGET_PAGES,
)
from pelican.plugins.megaphone.model.page_size import target_pages_bytes
from pelican.plugins.megaphone.model.targets import Target, TargetList

TODAY = "2021-01-01"
LETTER = "Dear [Target title] [Target name],\n\nPlease keep the park in [Area] open.\n\n[Your name]"
PLAIN = "Dear Council,\n\nPlease keep the park open.\n\n[Your name]"  # for a campaign without lists


def chamber(name: str, size: int, person: str = "Member {n}") -> TargetList:
    return TargetList(
        name,
        tuple(
            Target(str(n), person.format(n=n), "Member", (f"m{n}@example.org",), line=n + 1)
            for n in range(1, size + 1)
        ),
    )


def read(letters=(LETTER,), subject="Keep the park open", lists=(), **metadata):
    text = "Intro.\n\n" + "\n\n".join(f"```letter\n{letter}\n```" for letter in letters) + "\n"
    fields = {"deadline": "2030-01-31", "summary": "s", "image": "i.png"}
    if subject is not None:
        fields["subject"] = subject
    if lists:
        fields["targets"] = ", ".join(target_list.name for target_list in lists)
    else:
        fields["to"] = "council@example.org"
    return read_campaign(
        file="park.md",
        metadata={**fields, **metadata},
        html=render(text),
        default_timezone="America/New_York",
        today=None,
        target_lists={target_list.name: target_list for target_list in lists},
    )


def codes(reading) -> list[tuple[str, str]]:
    return [(p.field, p.code) for p in reading.problems]


def versions(count: int, length: int = 200) -> list[str]:
    return [f"Dear Council,\n\nVersion {n}. " + "x" * length for n in range(1, count + 1)]


def test_twenty_letter_versions_are_fine_and_one_more_is_not():
    assert codes(read(versions(MAX_LETTER_VERSIONS))) == []
    refused = read(versions(MAX_LETTER_VERSIONS + 1))
    assert codes(refused) == [("letter", "letter-too-many")]  # said once, not 21 times
    assert "there are 21 letters, and a campaign may offer at most 20" in str(refused.problems[0])


def test_a_letter_over_twenty_thousand_characters_is_refused():
    def of_length(n: int) -> str:
        return ("Dear Council,\n\n" + "word " * n)[:n]

    assert codes(read([of_length(MAX_LETTER_CHARS)])) == []
    refused = read([PLAIN, of_length(MAX_LETTER_CHARS + 1)])
    assert codes(refused) == [("letter", "letter-too-long")]
    assert "letter 2 is 20,001 characters long" in str(refused.problems[0])


def test_subject_lines_too_many_or_too_long_are_refused():
    many = " | ".join(f"Keep park {n} open" for n in range(1, MAX_SUBJECTS + 2))
    assert codes(read((PLAIN,), subject=None, subjects=many)) == [("Subjects", "subject-too-many")]
    assert codes(read((PLAIN,), subject="S" * MAX_SUBJECT_CHARS)) == []
    too_long = read((PLAIN,), subject="S" * (MAX_SUBJECT_CHARS + 1))
    assert codes(too_long) == [("Subject", "subject-too-long")]


def test_the_house_of_commons_with_five_long_versions_is_fine():
    commons = chamber("uk-commons", 650, "The Rt Hon Member for Constituency {n}")
    letters = [LETTER + "\n\n" + "A reason to act. " * 175 for _ in range(5)]  # ~3,000 each
    reading = read(letters, lists=(commons,))
    assert codes(reading) == [] and reading.campaign is not None


def test_more_pages_than_a_campaign_may_write_are_refused():
    lists = tuple(chamber(name, 700) for name in ("one", "two", "three"))
    assert sum(len(t.targets) for t in lists) > MAX_TARGET_PAGES
    refused = read(lists=lists)
    assert codes(refused) == [("Targets", "targets-too-many-pages")]
    assert "these lists have 2,100 representatives" in str(refused.problems[0])


def test_a_name_filled_into_the_letter_a_thousand_times_cannot_make_gigabytes():
    """Each placeholder is filled on every page: a 1,000-character name written
    1,400 times is 1.4 million characters per version per page."""
    lists = (chamber("council", 10, "N" * 1000),)
    letter = "[Target name] " * 1400
    assert len(letter) <= MAX_LETTER_CHARS
    assert codes(read([letter], lists=lists)) == []  # about 56 MB
    refused = read([letter, letter], lists=lists)
    assert codes(refused) == [("Targets", "campaign-too-large")]
    assert re.search(
        r"about 10\d\.\d MB \(10 pages, each with 2 letter versions\)", str(refused.problems[0])
    )


def test_many_short_versions_to_a_long_list_are_refused_before_anything_is_written():
    """The 708 MB once made by 1,000 versions to a 300-row list, within the version limit:
    the bytes are what is limited, whatever makes them."""
    lists = (chamber("assembly", 1000),)
    letters = [LETTER + "\n\n" + "A reason. " * 1900 for _ in range(MAX_LETTER_VERSIONS)]
    assert target_pages_bytes(tuple(letters), ("S",), lists) > MAX_CAMPAIGN_BYTES
    assert codes(read(letters, lists=lists)) == [("Targets", "campaign-too-large")]


def test_the_estimate_is_not_below_what_the_build_writes(tmp_path):
    """The limit is on an estimate: it must not let through pages larger than it says."""
    content = tmp_path / "content"
    (content / "targets").mkdir(parents=True)
    (content / "campaigns").mkdir()
    people = "".join(f"{n},Member {n},Member,m{n}@example.org\n" for n in range(1, 6))
    (content / "targets" / "council.csv").write_text("area,name,title,email\n" + people, "utf-8")
    letters = [LETTER, LETTER + "\n\n" + "Déjà vu, 中文. " * 200, LETTER + " Short."]
    text = campaign_md(slug="s", to=None, subject="Hello [Target name]", letters=letters)
    text = text.replace("Subject:", "Targets: council\nSubject:")
    (content / "campaigns" / "s.md").write_text(text, "utf-8")
    output = build(content, tmp_path / "output", TODAY)
    written = sum(p.stat().st_size for p in (output / "s" / "to").rglob("*.html"))
    estimate = target_pages_bytes(
        tuple(letters), ("Hello [Target name]",), (chamber("council", 5),)
    )
    assert written <= estimate <= 3 * written


LONG = "Dear Council,\n\n" + "Please. " * 2600


@pytest.mark.parametrize(
    "field,letters,subject,code,at",
    [
        ("letter", versions(MAX_LETTER_VERSIONS + 1), "Keep it", "letter-too-many", "```letter"),
        ("Subject", [LETTER], "S" * (MAX_SUBJECT_CHARS + 1), "subject-too-long", "Subject:"),
        ("letter", [LETTER, LONG], "Keep it", "letter-too-long", "Please. Please."),
    ],
)
def test_the_build_names_the_file_and_line(tmp_path, field, letters, subject, code, at):
    text = campaign_md(slug="a", subject=subject, letters=letters)
    content = write_site(tmp_path, {"a.md": text})
    status, printed = build_as_make_does(content, tmp_path / "out", TODAY)
    assert status != 0 and "Traceback" not in printed
    line = next(n for n, t in enumerate(text.splitlines(), 1) if t.startswith(at))
    assert re.search(rf"a\.md:{line}: \[{code}\] {field}: ", printed), printed


def test_a_campaign_too_large_stops_the_build_at_its_targets_line_and_writes_nothing(tmp_path):
    content = tmp_path / "content"
    (content / "targets").mkdir(parents=True)
    (content / "campaigns").mkdir()
    people = "".join(f"{n},{'N' * 1000},Member,m{n}@example.org\n" for n in range(1, 1001))
    (content / "targets" / "council.csv").write_text("area,name,title,email\n" + people, "utf-8")
    letter = "[Target name] " * 20  # a few blanks (a file of thousands is refused as such)
    text = campaign_md(slug="s", to=None, letters=[letter, letter])
    text = text.replace("Subject:", "Targets: council\nSubject:")
    (content / "campaigns" / "s.md").write_text(text, "utf-8")
    status, printed = build_as_make_does(content, tmp_path / "out", TODAY)
    assert status != 0 and "Traceback" not in printed
    line = next(n for n, t in enumerate(text.splitlines(), 1) if t.startswith("Targets:"))
    assert re.search(rf"s\.md:{line}: \[campaign-too-large\] Targets: the pages", printed)
    assert not (tmp_path / "out" / "s").exists()
