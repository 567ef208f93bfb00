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
from pelican.plugins.megaphone.model.targets import Target, area_slugs

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


def directives(policy: str) -> dict[str, str]:
    return dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())


def test_only_the_campaign_page_may_fetch_and_only_from_the_site(senate_site):
    output, _ = senate_site
    assert "connect-src 'self'" in csp(soup(output / "s79" / "index.html"))
    assert "connect-src 'none'" in csp(soup(output / "s79" / "to" / "1" / "index.html"))
    assert "connect-src 'none'" in csp(soup(output / "index.html"))


def test_the_headers_file_allows_what_one_page_needs_and_each_page_narrows_it(senate_site):
    """Hosts merge the headers of every matching path, so `_headers` has one block
    with the loosest policy a page needs; a browser enforces it and the page's own
    <meta> policy together, so each page gets the stricter of the two."""
    output, _ = senate_site
    blocks = re.split(r"\n(?=\S)", (output / "_headers").read_text("utf-8").strip())
    assert len(blocks) == 1 and blocks[0].startswith("/*\n")
    header = directives(
        next(line for line in blocks[0].split("\n") if "Content-Security-Policy:" in line).split(
            ": ", 1
        )[1]
    )
    assert header.pop("frame-ancestors") == "'none'" and header["connect-src"] == "'self'"
    for page in output.rglob("*.html"):
        meta = directives(csp(soup(page)))
        assert {k: v for k, v in meta.items() if k != "connect-src"} == {
            k: v for k, v in header.items() if k != "connect-src"
        }, page
        assert meta["connect-src"] in ("'none'", "'self'"), page


def test_an_empty_targets_line_is_a_problem_not_a_letter_to_nobody(tmp_path):
    content, _ = targets_site(tmp_path)
    source = content / "campaigns" / "s79.md"
    source.write_text(source.read_text("utf-8").replace("Targets: ny-senate", "Targets:"))
    status, printed = build_as_make_does(content, tmp_path / "out", TODAY)
    assert status != 0
    assert re.search(r"s79\.md:\d+: \[targets-empty\] Targets: names no list\.", printed), printed


def test_a_representatives_page_links_their_page_in_every_translation(tmp_path):
    """Issue 22: representatives' pages had no language switcher. Each links the same
    representative's page in each other language, by language code, in a second build
    from the cache too (the translation added after the first)."""
    content, text = targets_site(tmp_path)
    output = tmp_path / "out"
    build(content, output, TODAY)
    for lang in ("fr", "es"):
        other = text.replace("Slug: s79", f"Slug: s79\nLang: {lang}")
        (content / "campaigns" / f"s79.{lang}.md").write_text(other, "utf-8")
    build(content, output, TODAY)
    page = soup(output / "s79" / "to" / "7" / "index.html")
    links = page.find("nav", class_="languages").find_all("a")
    assert [(a["hreflang"], a["href"]) for a in links] == [
        ("es", "/es/s79/to/7/"),
        ("fr", "/fr/s79/to/7/"),
    ]
    alternates = [link["href"] for link in page.find_all("link", rel="alternate", hreflang=True)]
    assert any(href.endswith("/es/s79/to/7/") for href in alternates)
    spanish = soup(output / "es" / "s79" / "to" / "7" / "index.html")
    assert [a["hreflang"] for a in spanish.find("nav", class_="languages").find_all("a")] == [
        "en",
        "fr",
    ]
