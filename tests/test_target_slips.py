"""Slips in target lists and around them that built a wrong page in silence
(issue 19), each now stopped or warned about by `make html` and `make check`,
by file and line: a list with nobody in it, a postcode map that lost every
leading zero, and "Ward [Area]" over areas written "Ward 3". A ZIP+4 in the
map is read as its ZIP. The lists are the real data (tests/fixtures/targets/)."""

from __future__ import annotations

import json
import re

import pytest

from helpers import ROOT, both_commands, build, campaign_md, write_files

FIXTURES = ROOT / "tests" / "fixtures" / "targets"
LETTER = "Dear [Target title] [Target name],\n\nI live in [Area].\n\n[Your name]"


def campaign(letter: str = LETTER, lists: str = "ma-congress", subject: str = "Hello") -> str:
    text = campaign_md(slug="park", to=None, subject=subject, letter=letter, summary="S")
    return text.replace("Subject:", f"Targets: {lists}\nSubject:")


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text("utf-8")


def ma_files(**changed: str) -> dict[str, str]:
    files = {
        "targets/ma-congress.csv": fixture("ma-congress.csv"),
        "targets/ma-congress.postcodes.csv": fixture("ma-congress.postcodes.csv"),
    }
    return {**files, **{f"targets/{name}": text for name, text in changed.items()}}


def run(tmp_path, files: dict[str, str], letter: str = LETTER, lists="ma-congress"):
    content = write_files(tmp_path, {"park.md": campaign(letter, lists)}, files)
    return both_commands(content, tmp_path / "output")


def stopped(tmp_path, files, code, where) -> str:
    status, built, checked, report = run(tmp_path, files)
    for printed in (built, report):
        assert "Traceback" not in printed, printed
        assert re.search(rf"{re.escape(where)} \[{code}\] ", printed), printed
    assert status == 1 and checked == 1
    assert not (tmp_path / "output" / "park").exists()  # nothing was published
    return report


def test_the_real_massachusetts_map_builds(tmp_path):
    status, built, checked, report = run(tmp_path, ma_files())
    assert status == 0 and checked == 0, built + report
    assert "[targets-" not in report and "[area-said-twice]" not in report


@pytest.mark.parametrize(
    "text",
    ["area,name,title,email\n", "area,name,title,email\r\n,,,\r\n\r\n", ""],
    ids=["its header alone", "empty rows", "an empty file"],
)
def test_a_list_with_nobody_in_it_stops_both_commands(tmp_path, text):
    report = stopped(
        tmp_path,
        ma_files(**{"ma-congress.csv": text}),
        "targets-list-empty",
        "targets/ma-congress.csv:1:",
    )
    assert "this list has nobody in it" in report
    assert "[targets-map-unknown-area]" not in report  # its own problem says why
    assert "[targets-column-missing]" not in report


def test_a_map_that_lost_every_leading_zero_stops_both_commands(tmp_path):
    lines = fixture("ma-congress.postcodes.csv").splitlines()
    lost = "\n".join(lines[:1] + [line.lstrip("0") for line in lines[1:]]) + "\n"
    report = stopped(
        tmp_path,
        ma_files(**{"ma-congress.postcodes.csv": lost}),
        "targets-postcodes-all-short",
        "targets/ma-congress.postcodes.csv:2:",
    )
    assert "'01001' on this line became '1001'" in report
    assert "America/New_York" in report  # where the build took the country from
    assert report.count("[targets-postcode-number]") == 0  # once, not 540 times


def test_a_map_of_a_four_digit_country_builds_when_the_site_names_it(tmp_path):
    """Sydney's 2000 on a site in New York time is refused; the way out the
    message gives, POSTCODE_COUNTRY, builds it."""
    people = "area,name,title,email\n1,Ana,Member,ana@example.org\n"
    files = {"targets/au.csv": people, "targets/au.postcodes.csv": "postcode,area\n2000,1\n"}
    content = write_files(tmp_path, {"park.md": campaign(lists="au")}, files)
    status, built, *_ = both_commands(content, tmp_path / "refused")
    assert status == 1 and "POSTCODE_COUNTRY = 'CH'" in built, built
    output = build(content, tmp_path / "output", "2021-01-01", MEGAPHONE_POSTCODE_COUNTRY="AU")
    data = json.loads((output / "park" / "targets" / "data.json").read_text("utf-8"))
    assert data["postcodes"]["au"] == {"2000": ["1"]}


def test_a_zip_plus_four_in_the_map_is_published_as_its_zip(tmp_path):
    text = fixture("ma-congress.postcodes.csv").replace("01001,MA-1", "01001-2345,MA-1")
    status, built, checked, report = run(tmp_path, ma_files(**{"ma-congress.postcodes.csv": text}))
    assert status == 0 and checked == 0, built + report
    data = json.loads((tmp_path / "output" / "park" / "targets" / "data.json").read_text("utf-8"))
    assert data["postcodes"]["ma-congress"]["01001"] == ["MA-1"]
    assert not [p for p in data["postcodes"]["ma-congress"] if "-" in p]


WARDS = "area,name,title,email\n" + "".join(
    f"Ward {n},Member {n},Council Member,ward{n}@example.org\n" for n in range(1, 8)
)


def test_ward_before_an_area_that_says_ward_is_a_warning_naming_the_line(tmp_path):
    letter = "Dear [Target name],\n\nI live in Ward [Area], near the park.\n\n[Your name]"
    status, built, checked, report = run(
        tmp_path, {"targets/wards.csv": WARDS}, letter, lists="wards"
    )
    assert status == 0 and checked == 0, built + report  # a warning: it still builds
    (line,) = [line for line in report.splitlines() if "[area-said-twice]" in line]
    assert re.search(r"park\.md: \[area-said-twice\] line 3 of the letter says 'Ward'", line)
    assert "'I live in Ward Ward 1'" in line and "Write 'I live in [Area]'" in line
    assert "content/targets/wards.csv" in line


def test_the_subject_too(tmp_path):
    content = write_files(
        tmp_path,
        {"park.md": campaign(lists="wards", subject="From ward [Area]: keep the park")},
        {"targets/wards.csv": WARDS},
    )
    *_, report = both_commands(content, tmp_path / "output")
    assert re.search(r"\[area-said-twice\] the Subject says 'ward' just before", report), report
