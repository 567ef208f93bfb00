"""Target lists: real legislatures, the national postcode map, and every mistake
a volunteer's spreadsheet makes, each named by file, line and column."""

import os
from pathlib import Path

import pytest

from helpers import ROOT
from pelican.plugins.megaphone.model.targets import (
    doubled_area_warnings,
    list_names,
    normal_postcode,
    postcode_format,
    read_target_list,
    target_data,
    unknown_list,
)

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
        HEADER.replace("email", "email,office")
        + '3,Ana Ruiz,Council Member,"ana@city.gov, office3@city.gov",Room 3\n'
    )
    (target,) = reading.targets.targets
    assert target.emails == ("ana@city.gov", "office3@city.gov")
    assert target.extra == (("office", "Room 3"),)


def prefix(number: int) -> str:
    """Three characters of a-z and 0-9, a different three for each number."""
    alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
    return "".join(alphabet[number // 36**i % 36] for i in range(3))


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
    # A list with nobody in it: "Write to your own representative" over nothing.
    "a list with only its header": (
        HEADER,
        None,
        [("council.csv", 1, "file", "targets-list-empty")],
    ),
    "an empty list file": ("", None, [("council.csv", 1, "file", "targets-list-empty")]),
    "a list of empty rows": (
        "\ufeff" + HEADER + ",,,\n\n ,, ,\n",
        None,
        [("council.csv", 1, "file", "targets-list-empty")],
    ),
    # Cells filled into the letter and the page are checked as the Subject is.
    "a right-to-left override in a name": (
        HEADER + "1,Ana Ruiz,Member,ana@city.gov\n2,Bo \u202eztiW,Member,bo@city.gov\n",
        None,
        [("council.csv", 3, "name", "invisible-characters")],
    ),
    "a zero-width space in an area": (
        HEADER + "1\u200b,Ana,Member,ana@city.gov\n",
        None,
        [("council.csv", 2, "area", "invisible-characters")],
    ),
    "hidden tag characters in a title": (
        HEADER + "1,Ana,Member\U000e0068\U000e0069,ana@city.gov\n",
        None,
        [("council.csv", 2, "title", "invisible-characters")],
    ),
    "a control character in a further column": (
        HEADER.replace("email", "email,phone") + "1,Ana,Member,ana@city.gov,555\x1b[0m\n",
        None,
        [("council.csv", 2, "phone", "invisible-characters")],
    ),
    "an invisible character in the header": (
        "area,name\u200b,title,email\n1,Ana,Member,ana@city.gov\n",
        None,
        [
            ("council.csv", 1, "column B", "invisible-characters"),
            ("council.csv", 1, "name", "targets-column-missing"),
        ],
    ),
    "an invisible character in the map": (
        HEADER + "1,Ana,Member,ana@city.gov\n",
        "postcode,area\n10001,1\n10002\u2060,1\n",
        [("council.postcodes.csv", 3, "postcode", "invisible-characters")],
    ),
    # A column named twice: the second would silently win (an attacker's address).
    "two email columns": (
        "area,name,title,email, Email \n1,Ana,Member,ana@city.gov,evil@example.org\n",
        None,
        [("council.csv", 1, "email", "targets-column-twice")],
    ),
    "two area columns in the map": (
        HEADER + "1,Ana,Member,ana@city.gov\n",
        "postcode,area,AREA\n10001,1,2\n",
        [("council.postcodes.csv", 1, "area", "targets-column-twice")],
    ),
    # Sizes: the csv module's own limit, and ours.
    "a quotation mark never closed": (
        HEADER + '1,Ana,Member,ana@city.gov\n2,"Bo,Member,bo@city.gov\n' + "x" * 140_000,
        None,
        [("council.csv", 3, "file", "targets-cell-too-long")],
    ),
    "a column name of a thousand characters and one": (
        HEADER.replace("email", "email," + "x" * 1001) + "1,Ana,Member,ana@city.gov\n",
        None,
        [("council.csv", 1, "column E", "targets-cell-too-long")],
    ),
    "a name of a thousand characters and one": (
        HEADER + "1," + "A" * 1001 + ",Member,ana@city.gov\n",
        None,
        [("council.csv", 2, "name", "targets-cell-too-long")],
    ),
    "a map whose postcodes begin in too many ways (a file each)": (
        HEADER + "1,Ana,Member,ana@city.gov\n",
        "postcode,area\n" + "".join(f"{prefix(n)}9,1\n" for n in range(5001)),
        [("council.postcodes.csv", 5002, "postcode", "targets-map-too-many-shards")],
    ),
    "more rows than any legislature": (
        HEADER + "".join(f"{n},N{n},Member,m{n}@city.gov\n" for n in range(1, 1002)),
        None,
        [("council.csv", 1002, "file", "targets-too-many-rows")],
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
    texts = " ".join(warning.message for warning in reading.warnings)
    assert "[targets-area-unmapped]" in texts and "'2'" in texts
    assert "[targets-address-shared]" in texts and "office@city.gov" in texts
    assert [(w.file, w.line, w.field, w.the_code) for w in reading.warnings] == [
        ("council.csv", 3, "email", "targets-address-shared"),
        ("council.csv", 3, "area", "targets-area-unmapped"),
    ]
    assert reading.targets is not None  # warnings do not stop anything


def test_problems_say_file_line_column_and_what_to_do():
    reading = read(HEADER + "1,Ana\u202e Ruiz,Member,ana@city.gov\n")
    (problem,) = reading.problems
    assert str(problem).startswith(
        "council.csv:2: [invisible-characters] name: contains characters you cannot see: "
        "RIGHT-TO-LEFT OVERRIDE (U+202E)"
    )
    (twice,) = read("area,name,title,email,email\n1,A,B,a@city.gov,b@city.gov\n").problems
    assert "columns D and E" in str(twice) and str(twice).startswith("council.csv:1: ")


def test_a_lookalike_address_is_a_warning_as_in_to():
    reading = read(HEADER + "1,Ana,Member,ana@city.gov\n2,Bo,Member,bo@\u0441ity.gov\n")
    assert reading.problems == [] and reading.targets is not None
    (warning,) = reading.warnings
    assert (warning.file, warning.line, warning.field) == ("council.csv", 3, "email")
    assert warning.the_code == "address-mixed-scripts" and "Cyrillic" in warning.message


def test_joiners_and_direction_marks_that_names_need_are_fine():
    reading = read(
        HEADER + "1,\u0645\u062d\u0645\u062f\u200c\u0631\u0636\u0627,Member,m@city.gov\n"
        "2,Family \U0001f468\u200d\U0001f469,Member,f@city.gov\n"
    )
    assert reading.problems == []


def test_a_file_saved_with_old_mac_line_ends_reads():
    """Excel's "CSV (Macintosh)" ends lines with CR alone; the csv module raised an error."""
    reading = read(
        HEADER.replace("\n", "\r") + "1,Ana,Member,ana@city.gov\r2,Bo,Member,bo@city.gov\r"
    )
    assert reading.problems == []
    assert [t.line for t in reading.targets.targets] == [2, 3]


def test_an_unknown_list_name_suggests_the_nearest():
    assert "Did you mean 'ny-senate'?" in unknown_list("ny-senat", ["ny-senate", "ny-assembly"])
    assert list_names("ny-senate, ny-assembly") == ["ny-senate", "ny-assembly"]


def test_the_fixtures_are_the_shared_real_data():
    for name in ("ny-senate", "ny-assembly"):
        shared = SHARED / f"{name}.csv"
        if shared.exists():
            assert (FIXTURES / f"{name}.csv").read_bytes() == shared.read_bytes()
    assert Path(FIXTURES / "ny-senate.csv").exists()


US = postcode_format("US", "the test's country")
MA_LIST = (FIXTURES / "ma-congress.csv").read_text("utf-8")
MA_MAP = (FIXTURES / "ma-congress.postcodes.csv").read_text("utf-8")


def without_zeros(text: str) -> str:
    """The map as a spreadsheet saves it when it took the postcodes for numbers."""
    lines = text.splitlines()
    return "\n".join(lines[:1] + [line.lstrip("0") for line in lines[1:]]) + "\n"


def test_massachusetts_reads_cleanly_with_the_country_known():
    """All 625 of its postcodes begin with 0: real data the new check must accept."""
    reading = read_target_list("ma", "ma.csv", MA_LIST, "ma.postcodes.csv", MA_MAP, US)
    assert reading.problems == [] and reading.warnings == []
    assert len(reading.targets.postcodes) == 540  # 625 rows: some postcodes in two areas


def test_a_map_whose_postcodes_all_lost_their_zero_is_one_problem_on_its_first_line():
    reading = read_target_list(
        "ma", "ma.csv", MA_LIST, "ma.postcodes.csv", without_zeros(MA_MAP), US
    )
    assert [(p.file, p.line, p.field, p.code) for p in reading.problems] == [
        ("ma.postcodes.csv", 2, "postcode", "targets-postcodes-all-short")
    ]
    (problem,) = reading.problems
    assert "all 540 postcodes" in problem.message and "the United States have 5" in problem.message
    assert "'01001' on this line became '1001'" in problem.message
    assert reading.targets is None


def test_short_postcodes_beside_right_ones_are_each_named_with_the_country_known():
    """Where the map's own usual length is too short, the country's length counts."""
    map_text = "postcode,area\n501,1\n2134,1\n2135,1\n10001,1\n"
    reading = read_target_list(
        "c", "c.csv", HEADER + "1,Ana,Member,ana@city.gov\n", "c.p", map_text, US
    )
    assert [(p.line, p.code) for p in reading.problems] == [
        (2, "targets-postcode-number"),
        (3, "targets-postcode-number"),
        (4, "targets-postcode-number"),
    ]
    assert "Write '00501'" in reading.problems[0].message


@pytest.mark.parametrize("country", ["AU", "CH", "", "XX"])
def test_four_digits_are_right_where_the_country_has_four_or_is_not_known(country):
    map_text = "postcode,area\n2000,1\n0800,1\n8001,1\n"
    known = postcode_format(country, "test")
    reading = read_target_list(
        "c", "c.csv", HEADER + "1,Ana,Member,ana@city.gov\n", "c.p", map_text, known
    )
    assert reading.problems == []


def test_a_zip_plus_four_is_read_as_its_zip_in_the_map():
    map_text = "postcode,area\n10001-1234,1\n10001-9999,2\n10002,2\n02134-0001,1\n"
    reading = read_target_list(
        "c",
        "c.csv",
        HEADER + "1,Ana,Member,ana@city.gov\n2,Bo,Member,bo@city.gov\n",
        "c.p",
        map_text,
        US,
    )
    assert reading.problems == []
    assert dict(reading.targets.postcodes) == {
        "02134": ("1",),
        "10001": ("1", "2"),
        "10002": ("2",),
    }
    data = target_data((reading.targets,), {("c", "1"): "a/", ("c", "2"): "b/"})
    assert b'"10001":["1","2"]' in data["data.json"]


@pytest.mark.parametrize(
    "typed,read_as",
    [
        ("10001-1234", "10001"),
        (" 10001 - 1234 ", "10001"),
        ("10001-123", "10001-123"),  # not yet a ZIP+4
        ("100-0001", "100-0001"),  # Japan
        ("01000-000", "01000-000"),  # Brazil
        ("sw1a 1aa", "SW1A1AA"),
        ("١٠٠٠١-١٢٣٤", "١٠٠٠١-١٢٣٤"),  # other digits: as the script's [0-9] reads them
    ],
)
def test_how_a_postcode_is_read(typed, read_as):
    assert normal_postcode(typed) == read_as


WARDS = (
    HEADER + "Ward 1,Ana,Member,a@city.gov\nWard 2,Bo,Member,b@city.gov\n3,Cy,Member,c@city.gov\n"
)


def test_words_before_area_that_repeat_the_areas_start_are_a_warning_naming_the_line():
    wards = read(WARDS).targets
    letter = "Dear [Target name],\n\nI live in ward [Area], by the park.\n\n[Your name]"
    warnings = doubled_area_warnings([wards], [("line {line} of the letter", letter)])
    (warning,) = warnings
    assert warning.startswith("line 3 of the letter says 'ward' just before [Area]")
    assert "'I live in ward Ward 1'" in warning
    assert "Write 'I live in [Area]' there" in warning and "without 'Ward'" in warning
    assert "('1')" in warning and warning.endswith("[area-said-twice]")


@pytest.mark.parametrize(
    "text",
    [
        "I live in [Area].",  # the areas say Ward themselves
        "Ward 3 and [Area].",  # "3" is not how an area begins
        "I live in Ward \\[Area\\].",  # not a blank
        "I live in Wardrobe [Area].",
    ],
)
def test_no_warning_where_nothing_doubles(text):
    assert doubled_area_warnings([read(WARDS).targets], [("the Subject", text)]) == []


def test_several_words_can_double():
    people = read(HEADER + "Council District 4,Ana,Member,a@city.gov\n").targets
    (warning,) = doubled_area_warnings([people], [("the Subject", "From council district [Area]")])
    assert "'council district'" in warning and "('4')" in warning
