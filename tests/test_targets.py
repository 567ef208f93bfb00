"""Target lists: real legislatures, the national postcode map, and every mistake
a volunteer's spreadsheet makes, each named by file, line and column."""

import os
from pathlib import Path

import pytest

from helpers import ROOT
from megaphone.model.targets import list_names, read_target_list, unknown_list

FIXTURES = ROOT / "tests" / "fixtures" / "targets"
SHARED = ROOT.parent / "shared" / "data"
HEADER = "area,name,title,email\n"


def read(text, map_text=None):
    return read_target_list("council", "council.csv", text, "council.postcodes.csv", map_text)


def codes(reading):
    return [(p.file, p.line, p.field, p.code) for p in reading.problems]


@pytest.mark.parametrize("name,count", [("ny-senate", 63), ("ny-assembly", 150)])
def test_the_new_york_legislature_reads_cleanly(name, count):
    reading = read_target_list(name, f"{name}.csv", (FIXTURES / f"{name}.csv").read_text("utf-8"))
    assert reading.problems == []
    targets = reading.targets.targets
    assert len(targets) == count and len({t.area for t in targets}) == count
    assert all(t.emails and "@" in t.emails[0] for t in targets)
    assert targets[0].area == "1" and targets[0].line == 2


def test_the_national_postcode_map_with_several_areas_per_postcode():
    path = SHARED / "us-congress-postcodes.csv"
    if not path.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{path} is missing (CI lays shared/ beside the clone)", pytrace=False)
        pytest.skip(f"{path} is missing")
    text = path.read_text("utf-8")
    areas = sorted({line.split(",")[1] for line in text.splitlines()[1:]})
    assert len(areas) == 437
    people = HEADER + "".join(
        f"{a},Rep {a},Representative,{a.lower()}@example.org\n" for a in areas
    )
    reading = read_target_list("us", "us.csv", people, "us.postcodes.csv", text)
    assert reading.problems == [] and reading.warnings == []
    postcodes = dict(reading.targets.postcodes)
    assert len(postcodes) == 33774
    assert sum(1 for found in postcodes.values() if len(found) > 1) == 7299
    assert postcodes["06390"] == ("NY-1",)  # Fishers Island; the leading zero kept


def test_further_columns_are_kept_and_several_addresses_allowed():
    reading = read(
        HEADER.replace("email", "email,phone")
        + '3,Ana Ruiz,Council Member,"ana@city.gov, office3@city.gov",555-0103\n'
    )
    (target,) = reading.targets.targets
    assert target.emails == ("ana@city.gov", "office3@city.gov")
    assert target.extra == (("phone", "555-0103"),)


MISTAKES = {
    "a missing column": (
        "area,name,email\n1,Ana,ana@city.gov\n",
        None,
        [("council.csv", 1, "title", "targets-column-missing")],
    ),
    "a bad address": (
        HEADER + "1,Ana,Member,ana at city.gov\n",
        None,
        [("council.csv", 2, "email", "address-invalid")],
    ),
    "an empty email": (
        HEADER + "1,Ana,Member,ana@city.gov\n2,Bo,Member,\n",
        None,
        [("council.csv", 3, "email", "targets-email-empty")],
    ),
    "two rows for one area": (
        HEADER + "1,Ana,Member,ana@city.gov\n1,Bo,Member,bo@city.gov\n",
        None,
        [("council.csv", 3, "area", "targets-area-twice")],
    ),
    "an area in the map with nobody": (
        HEADER + "1,Ana,Member,ana@city.gov\n",
        "postcode,area\n10001,1\n10002,9\n",
        [("council.postcodes.csv", 3, "area", "targets-map-unknown-area")],
    ),
    "a postcode that lost its zero": (
        HEADER + "1,Ana,Member,ana@city.gov\n",
        "postcode,area\n06390,1\n6391,1\n06392,1\n",
        [("council.postcodes.csv", 3, "postcode", "targets-postcode-number")],
    ),
}


@pytest.mark.parametrize("name", MISTAKES)
def test_each_mistake_names_file_line_and_column(name):
    text, map_text, expected = MISTAKES[name]
    reading = read(text, map_text)
    assert codes(reading) == expected
    assert reading.targets is None


def test_warnings_for_an_unmapped_area_and_a_shared_inbox():
    reading = read(
        HEADER + "1,Ana,Member,office@city.gov\n2,Bo,Member,office@city.gov\n",
        "postcode,area\n10001,1\n",
    )
    texts = " ".join(text for _, text in reading.warnings)
    assert "[targets-area-unmapped]" in texts and "'2'" in texts
    assert "[targets-address-shared]" in texts and "office@city.gov" in texts
    assert reading.targets is not None  # warnings do not stop anything


def test_an_unknown_list_name_suggests_the_nearest():
    assert "Did you mean 'ny-senate'?" in unknown_list("ny-senat", ["ny-senate", "ny-assembly"])
    assert list_names("ny-senate, ny-assembly") == ["ny-senate", "ny-assembly"]


def test_the_fixtures_are_the_shared_real_data():
    for name in ("ny-senate", "ny-assembly"):
        shared = SHARED / f"{name}.csv"
        if shared.exists():
            assert (FIXTURES / f"{name}.csv").read_bytes() == shared.read_bytes()
    assert Path(FIXTURES / "ny-senate.csv").exists()
