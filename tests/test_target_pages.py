"""Write to your own representative (issue 12): the campaign page lists every
target as a link to their own send page, whose links are exact.

Expected values come from the CSV read with the csv module and from the letter
as typed, filled by plain str.replace: never from the code under test."""

from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

import pytest

from decoders import form_decode, rfc_decode
from helpers import ROOT, build, build_as_make_does, campaign_md, letter_in_source, soup
from megaphone.model.targets import Target, area_slugs

FIXTURES = ROOT / "tests" / "fixtures" / "targets"
TODAY = "2021-01-01"
LETTER = (
    "Dear [Target title] [Target name],\n\n"
    "I live in district [Area]. Please support S79 & ban the scan.\n\n"
    "[Your name]"
)
SUBJECT = "Support S79, [Target title] [Target name] (district [Area])"


def rows(name: str) -> list[dict[str, str]]:
    with open(FIXTURES / f"{name}.csv", encoding="utf-8", newline="") as source:
        return list(csv.DictReader(source))


def filled(text: str, row: dict[str, str]) -> str:
    return (
        text.replace("[Target title]", row["title"])
        .replace("[Target name]", row["name"])
        .replace("[Area]", row["area"])
    )


def targets_site(tmp_path: Path, lists=("ny-senate",), **fields) -> tuple[Path, str]:
    content = tmp_path / "content"
    (content / "campaigns").mkdir(parents=True)
    (content / "targets").mkdir()
    for name in lists:
        shutil.copy(FIXTURES / f"{name}.csv", content / "targets" / f"{name}.csv")
    text = campaign_md(slug="s79", to=fields.pop("to", None), subject=SUBJECT, letter=LETTER)
    text = text.replace("Subject:", f"Targets: {', '.join(lists)}\nSubject:")
    for key, value in fields.items():
        text = text.replace("Subject:", f"{key}: {value}\nSubject:")
    (content / "campaigns" / "s79.md").write_text(text, "utf-8")
    return content, text


@pytest.fixture(scope="module")
def senate_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("senate")
    content, text = targets_site(root)
    return build(content, root / "output", TODAY), text


def test_one_page_per_senator_whose_every_link_decodes_to_them_and_the_filled_letter(senate_site):
    output, text = senate_site
    senators = rows("ny-senate")
    assert len(senators) == 63
    pages = sorted(p.name for p in (output / "s79" / "to").iterdir())
    assert sorted(pages) == sorted(r["area"] for r in senators)  # areas are plain numbers
    letter = letter_in_source(text)
    for row in senators:
        page = soup(output / "s79" / "to" / row["area"] / "index.html")
        links = [a["href"] for a in page.select("[data-link]")]
        assert len(links) == 5, row
        want_to = [a.strip() for a in row["email"].split(",")]
        for link in links:
            for decode in (rfc_decode, form_decode):
                got = decode(link)
                assert got["to"] == want_to, (row, link)
                assert got["subject"] == filled(SUBJECT, row)
                assert got["body"].replace("\r\n", "\n") == filled(letter, row)
                assert got["cc"] == [] and got["bcc"] == []
        assert row["name"] in page.select_one("h2#target-heading").get_text()
        assert page.select_one("article")["data-to"] == ",".join(want_to)


def test_without_javascript_every_senator_is_two_links_away(senate_site):
    output, _ = senate_site
    main = soup(output / "s79" / "index.html")
    listed = main.select(".targets a[href]")
    assert len(listed) == 63
    # The campaign page's send buttons would write to nobody: hidden until the
    # script has a representative (the letter's own placeholders unfilled).
    assert main.select_one("section.send").has_attr("hidden")
    assert all(a.find_parent(attrs={"hidden": True}) for a in main.select("[data-link]"))
    row = next(r for r in rows("ny-senate") if r["name"] == "Mike Gianaris")
    link = next(a for a in listed if "Mike Gianaris" in a.get_text())
    assert link["href"] == "/s79/to/12/"
    target = soup(output / link["href"].strip("/") / "index.html")
    mailto = target.select_one("a[data-link=mailto]")["href"]
    assert mailto.startswith("mailto:gianaris@nysenate.gov?")
    assert rfc_decode(mailto)["to"] == [row["email"]]
    back = target.select_one(".target a")["href"]
    assert back == "/s79/#targets-ny-senate"
    assert main.find(id="targets-ny-senate") is not None


def test_the_lists_are_not_published_as_files(senate_site):
    output, _ = senate_site
    assert not (output / "targets").exists()
    assert list(output.rglob("*.csv")) == []


def test_the_main_page_stays_light(senate_site):
    output, _ = senate_site
    main = (output / "s79" / "index.html").read_text("utf-8")
    # 63 names and links, not 63 letters.
    assert main.count("nysenate.gov") == 0
    assert len(main.encode()) < 40_000


def test_fixed_recipients_go_with_every_target(tmp_path):
    content, _ = targets_site(tmp_path, to="clerk@example.org", Cc="press@example.org")
    output = build(content, tmp_path / "output", TODAY)
    link = soup(output / "s79" / "to" / "1" / "index.html").select_one("a[data-link=mailto]")
    got = rfc_decode(link["href"])
    assert got["to"] == ["palumbo@nysenate.gov", "clerk@example.org"]
    assert got["cc"] == ["press@example.org"]


def test_several_lists_each_page_leads_on_to_the_next(tmp_path):
    content, _ = targets_site(tmp_path, lists=("ny-senate", "ny-assembly"))
    output = build(content, tmp_path / "output", TODAY)
    assert len(list((output / "s79" / "to" / "ny-senate").iterdir())) == 63
    assert len(list((output / "s79" / "to" / "ny-assembly").iterdir())) == 150
    senate = soup(output / "s79" / "to" / "ny-senate" / "1" / "index.html")
    onward = senate.select_one(".then-also a")["href"]
    assert onward == "/s79/#targets-ny-assembly"
    assembly_row = rows("ny-assembly")[0]
    page = soup(output / "s79" / "to" / "ny-assembly" / assembly_row["area"] / "index.html")
    assert page.select_one(".then-also") is None  # the last list
    got = rfc_decode(page.select_one("a[data-link=mailto]")["href"])
    assert got["to"] == [a.strip() for a in assembly_row["email"].split(",")]


def test_a_list_that_does_not_exist_is_named_with_a_guess(tmp_path):
    content, _ = targets_site(tmp_path)
    source = content / "campaigns" / "s79.md"
    source.write_text(source.read_text("utf-8").replace("Targets: ny-senate", "Targets: ny-senat"))
    status, printed = build_as_make_does(content, tmp_path / "out", TODAY)
    assert status != 0
    line = next(n for n, t in enumerate(source.read_text().splitlines(), 1) if "Targets" in t)
    assert re.search(
        rf"s79\.md:{line}: \[targets-unknown-list\] Targets: .*'ny-senat'.*"
        r"Did you mean 'ny-senate'\?",
        printed,
    ), printed
    assert "Traceback" not in printed


def test_a_broken_list_stops_the_build_with_its_line(tmp_path):
    content, _ = targets_site(tmp_path)
    csv_file = content / "targets" / "ny-senate.csv"
    csv_file.write_text(csv_file.read_text("utf-8") + "64,Nobody,Senator,\n", "utf-8")
    status, printed = build_as_make_does(content, tmp_path / "out", TODAY)
    assert status != 0
    assert re.search(r"ny-senate\.csv:65: \[targets-email-empty\] email: ", printed), printed
    assert "[targets-unknown-list]" not in printed  # the list exists: its own problem says why


def test_without_targets_to_is_still_required(tmp_path):
    content = tmp_path / "content"
    (content / "campaigns").mkdir(parents=True)
    (content / "campaigns" / "a.md").write_text(campaign_md(to=None), "utf-8")
    status, printed = build_as_make_does(content, tmp_path / "out", TODAY)
    assert status != 0 and "[to-missing]" in printed


def test_area_folders_are_safe_and_distinct():
    def t(area):
        return Target(area, "N", "T", ("a@example.org",))

    slugs = area_slugs((t("District 1"), t("Área 7"), t("../etc"), t("日本"), t("District-1")))
    assert list(slugs.values()) == ["district-1", "area-7", "etc", "area-4", "district-1-2"]
    assert all(re.fullmatch(r"[a-z0-9-]+", s) for s in slugs.values())


def csp(page) -> str:
    return page.select_one('meta[http-equiv="Content-Security-Policy"]')["content"]


def test_only_the_campaign_page_may_fetch_and_only_from_the_site(senate_site):
    output, _ = senate_site
    assert "connect-src 'self'" in csp(soup(output / "s79" / "index.html"))
    assert "connect-src 'none'" in csp(soup(output / "s79" / "to" / "1" / "index.html"))
    headers = (output / "_headers").read_text("utf-8")
    blocks = re.split(r"\n(?=\S)", headers.strip())
    assert blocks[0].startswith("/*\n") and "connect-src 'none'" in blocks[0]
    assert [b.split("\n")[0] for b in blocks[1:]] == ["/s79/", "/s79/index.html"]
    for block in blocks[1:]:
        lines = block.split("\n")
        assert lines[1] == "  ! Content-Security-Policy"
        assert "connect-src 'self'" in lines[2] and "frame-ancestors 'none'" in lines[2]


def test_the_script_gets_every_senator_from_one_file_of_the_site(senate_site):
    import json

    output, _ = senate_site
    data = json.loads((output / "s79" / "targets" / "data.json").read_text("utf-8"))
    (listed,) = data["lists"]
    assert listed["name"] == "ny-senate" and data["postcodes"] == {} and data["shards"] == {}
    assert [
        {"area": a, "name": n, "title": t, "email": ", ".join(e)}
        for a, n, t, e, _ in listed["targets"]
    ] == rows("ny-senate")
    for *_, path in listed["targets"]:
        assert (output / path / "index.html").exists()


def test_a_large_map_is_split_in_shards_a_visitor_downloads_one_of(tmp_path, monkeypatch):
    import json

    import megaphone.model.targets as model

    content, _ = targets_site(tmp_path)
    senators = rows("ny-senate")
    lines = ["postcode,area"] + [f"1{int(r['area']):04d},{r['area']}" for r in senators]
    lines += ["10001,2", "20001,3"]  # 10001 in districts 1 and 2
    (content / "targets" / "ny-senate.postcodes.csv").write_text("\n".join(lines) + "\n")
    monkeypatch.setattr(model, "INLINE_POSTCODES", 10)
    outputs = [build(content, tmp_path / f"out{n}", TODAY) for n in (1, 2)]
    folder = outputs[0] / "s79" / "targets"
    shards = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.json"))
    assert shards == ["data.json", "ny-senate/100.json", "ny-senate/200.json"]
    shard = json.loads((folder / "ny-senate" / "100.json").read_text("utf-8"))
    assert shard["10001"] == ["1", "2"] and len(shard) == 63
    # The same data gives the same bytes.
    for path in folder.rglob("*"):
        if path.is_file():
            twin = outputs[1] / "s79" / "targets" / path.relative_to(folder)
            assert path.read_bytes() == twin.read_bytes(), path


def test_stray_files_in_the_targets_folder_are_named(tmp_path):
    from megaphone.site.targets import read_site_targets

    folder = tmp_path / "targets"
    folder.mkdir()
    shutil.copy(FIXTURES / "ny-senate.csv", folder / "ny-senate.csv")
    (folder / "council.postcodes.csv").write_text("postcode,area\n10001,1\n", "utf-8")
    (folder / "council.xlsx").write_bytes(b"PK\x03\x04")
    (folder / "latin1.csv").write_bytes(
        "area,name,title,email\n1,Jos\xe9,T,a@example.org\n".encode("latin-1")
    )
    found = read_site_targets(str(tmp_path))
    assert list(found.lists) == ["ny-senate"]
    assert [(Path(p.file).name, p.code) for p in found.problems] == [
        ("latin1.csv", "targets-unreadable")
    ]
    warned = {Path(file).name: text for file, text in found.warnings}
    assert "content/targets/council.csv" in warned["council.postcodes.csv"]
    assert "CSV UTF-8" in warned["council.xlsx"]


NATIONAL = ROOT.parent / "shared" / "data" / "us-congress-postcodes.csv"


def test_the_national_map_puts_each_postcode_with_all_its_districts_in_its_shard(tmp_path):
    import json
    import os

    if not NATIONAL.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{NATIONAL} is missing", pytrace=False)
        pytest.skip(f"{NATIONAL} is missing")
    with open(NATIONAL, encoding="utf-8", newline="") as source:
        pairs = [(r["postcode"], r["area"]) for r in csv.DictReader(source)]
    want: dict[str, list[str]] = {}
    for postcode, area in pairs:
        want.setdefault(postcode, []).append(area)
    districts = sorted({area for _, area in pairs})
    assert len(districts) == 437
    content = tmp_path / "content"
    (content / "campaigns").mkdir(parents=True)
    (content / "targets").mkdir()
    lines = ["area,name,title,email"] + [
        f"{d},Member for {d},Representative,{d.lower()}@example.org" for d in districts
    ]
    (content / "targets" / "house.csv").write_text("\n".join(lines) + "\n", "utf-8")
    shutil.copy(NATIONAL, content / "targets" / "house.postcodes.csv")
    text = campaign_md(slug="house", to=None, subject=SUBJECT, letter=LETTER)
    (content / "campaigns" / "house.md").write_text(
        text.replace("Subject:", "Targets: house\nSubject:"), "utf-8"
    )
    output = build(content, tmp_path / "output", TODAY)
    assert len(list((output / "house" / "to").iterdir())) == 437
    folder = output / "house" / "targets"
    # Spot checks by hand: a Manhattan ZIP, a ZIP with a leading zero, and every
    # postcode in more than one district.
    several = [p for p, areas in want.items() if len(areas) > 1]
    assert len(several) == 7299
    for postcode in ["10001", "06390", *several]:
        shard = json.loads((folder / "house" / f"{postcode[:3]}.json").read_text("utf-8"))
        assert sorted(shard[postcode]) == sorted(want[postcode]), postcode
    biggest = max(p.stat().st_size for p in (folder / "house").iterdir())
    assert biggest < 4_000  # a visitor downloads a few KB at most
    page = output / "house" / "to" / "ny-12" / "index.html"
    got = rfc_decode(soup(page).select_one("a[data-link=mailto]")["href"])
    assert got["to"] == ["ny-12@example.org"]


def test_every_page_and_the_headers_file_agree_on_its_policy(senate_site):
    output, _ = senate_site
    blocks = re.split(r"\n(?=\S)", (output / "_headers").read_text("utf-8").strip())
    policies = {}
    for block in blocks:
        path, *lines = block.split("\n")
        found = [line.split(": ", 1)[1] for line in lines if "Content-Security-Policy:" in line]
        policies[path] = found[-1]
    for page in output.rglob("*.html"):
        path = "/" + page.relative_to(output).as_posix()
        want = policies.get(path, policies["/*"])
        assert csp(soup(page)) + "; frame-ancestors 'none'" == want, path
        if path == "/s79/index.html":
            assert policies.get("/s79/") == want


def test_an_empty_targets_line_is_a_problem_not_a_letter_to_nobody(tmp_path):
    content, _ = targets_site(tmp_path)
    source = content / "campaigns" / "s79.md"
    source.write_text(source.read_text("utf-8").replace("Targets: ny-senate", "Targets:"))
    status, printed = build_as_make_does(content, tmp_path / "out", TODAY)
    assert status != 0
    assert re.search(r"s79\.md:\d+: \[targets-empty\] Targets: names no list\.", printed), printed
