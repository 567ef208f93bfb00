"""The files of content/targets/ as the build finds them: names a URL can carry,
sizes a stranger's pull request cannot blow up, and the real lists and the
national postcode map still read without a problem."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from helpers import ROOT, build_as_make_does, campaign_md
from pelican.plugins.megaphone.model.limits import MAX_LIST_BYTES, MAX_MAP_BYTES
from pelican.plugins.megaphone.site.targets import read_site_targets

SHARED = ROOT.parent / "shared" / "data"
LIST = "area,name,title,email\n1,Ana Ruiz,Member,ana@city.gov\n"


def site_with(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    content = tmp_path / "content"
    (content / "targets").mkdir(parents=True)
    for name, text in files.items():
        path = content / "targets" / name
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, "utf-8")
    return content


def problems(content: Path) -> list[tuple[str, int | None, str, str]]:
    found = read_site_targets(str(content))
    return [(Path(p.file).name, p.line, p.field, p.code) for p in found.problems]


@pytest.mark.parametrize(
    "name,suggestion",
    [
        ("ny#senate", "ny-senate"),  # `#` ended the address: the postcode lookup fetched nothing
        ("ny senate", "ny-senate"),
        ("50%-council", "50-council"),
        ("who?", "who"),
        ("data.json", "data-json"),  # the campaign's own data file
        ("ny.senate", "ny-senate"),
        ("NY-Senate", "ny-senate"),  # the same folder as ny-senate on macOS and Windows
        ("ny_senate", "ny-senate"),  # looks like ny-senate in `Targets:`
        ("conseil-général", "conseil-general"),
        ("a" * 61, "a" * 60),
    ],
)
def test_a_list_name_a_url_cannot_carry_is_refused_with_a_name_that_can(tmp_path, name, suggestion):
    content = site_with(tmp_path, {f"{name}.csv": LIST})
    found = read_site_targets(str(content))
    (problem,) = found.problems
    assert (problem.line, problem.field, problem.code) == (1, "file", "targets-list-name")
    assert problem.file.endswith(f"{name}.csv")
    assert f"Rename the file to '{suggestion}.csv' and write 'Targets: {suggestion}'" in str(
        problem
    )
    assert found.lists == {} and name in found.broken


@pytest.mark.parametrize("name", ["ny-senate", "2024-council", "ward-7", "a" * 60])
def test_names_of_letters_digits_and_dashes_are_fine(tmp_path, name):
    content = site_with(tmp_path, {f"{name}.csv": LIST})
    assert problems(content) == []
    assert list(read_site_targets(str(content)).lists) == [name]


def test_a_list_larger_than_the_limit_is_not_read(tmp_path):
    head = LIST + "".join(f"{n},Name,Member,m{n}@city.gov\n" for n in range(2, 11))
    text = head + "x" * (MAX_LIST_BYTES + 1 - len(head))  # one byte over
    content = site_with(tmp_path, {"council.csv": text})
    assert problems(content) == [("council.csv", 1, "file", "targets-file-too-large")]
    (problem,) = read_site_targets(str(content)).problems
    assert "this file is over 2.0 MB, more than a file in content/targets/ may be" in str(problem)


def test_a_map_larger_than_its_limit_is_named_not_its_list(tmp_path):
    big_map = b"postcode,area\n" + b"10001,1\n" * (MAX_MAP_BYTES // 8)
    assert len(big_map) > MAX_MAP_BYTES
    content = site_with(tmp_path, {"council.csv": LIST, "council.postcodes.csv": big_map})
    assert problems(content) == [("council.postcodes.csv", 1, "file", "targets-file-too-large")]


def shared(name: str) -> Path:
    path = SHARED / name
    if not path.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{path} is missing (CI lays shared/ beside the clone)", pytrace=False)
        pytest.skip(f"{path} is missing")
    return path


@pytest.mark.parametrize(
    "name", ["ny-senate.csv", "ny-assembly.csv", "ny-senate-phones.csv", "ny-assembly-phones.csv"]
)
def test_the_real_legislatures_still_read_without_a_problem(tmp_path, name):
    content = site_with(tmp_path, {})
    shutil.copy(shared(name), content / "targets" / name)
    found = read_site_targets(str(content))
    assert found.problems == []
    assert [w.the_code for w in found.warnings if w.the_code != "targets-address-shared"] == []
    assert len(found.lists[name[: -len(".csv")]].targets) in (63, 150)


def test_the_national_postcode_map_still_reads_within_the_limits(tmp_path):
    """42,033 rows, 33,774 postcodes: real, and far from 8 MB."""
    text = shared("us-congress-postcodes.csv").read_text("utf-8")
    areas = sorted({line.split(",")[1] for line in text.splitlines()[1:]})
    people = "area,name,title,email\n" + "".join(
        f"{a},Rep {a},Representative,{a.lower()}@example.org\n" for a in areas
    )
    content = site_with(tmp_path, {"us-house.csv": people, "us-house.postcodes.csv": text})
    found = read_site_targets(str(content))
    assert found.problems == [] and found.warnings == []
    assert len(found.lists["us-house"].postcodes) == 33774


TODAY = "2021-01-01"


def test_a_list_problem_stops_the_build_with_file_line_and_code(tmp_path):
    council = LIST.replace("Ana Ruiz", "Ana\u200b") + "2,Bo,Member,bo@\u0441ity.gov\n"
    content = site_with(tmp_path, {"ny#senate.csv": LIST, "council.csv": council})
    (content / "campaigns").mkdir()
    text = campaign_md(slug="s", to=None).replace("Subject:", "Targets: council\nSubject:")
    (content / "campaigns" / "s.md").write_text(text, "utf-8")
    status, printed = build_as_make_does(content, tmp_path / "out", TODAY)
    assert status != 0
    assert re.search(r"ny#senate\.csv:1: \[targets-list-name\] file: 'ny#senate' ", printed)
    assert re.search(
        r"council\.csv:2: \[invisible-characters\] name: contains characters you cannot see: "
        r"ZERO WIDTH SPACE \(U\+200B\)",
        printed,
    ), printed
    assert re.search(r"council\.csv:3: \[address-mixed-scripts\] email: 'bo@", printed), printed
    assert "[targets-unknown-list]" not in printed and "Traceback" not in printed
