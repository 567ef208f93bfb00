"""Right to left (issue 22, part 2): a page in a language CLDR writes right to left
says so (`dir="rtl"`), and what mixes scripts keeps its own direction (`dir="auto"`),
while the email carries the letter exactly. The campaigns are the team's test
fixtures (tests/fixtures/rtl/README.md), not reviewed translations."""

from __future__ import annotations

import pytest

from decoders import form_decode, rfc_decode
from helpers import RTL_FIXTURES as FIXTURES
from helpers import build, letter_in_source, soup, write_rtl_site
from pelican.plugins.megaphone.model.language import text_direction


@pytest.fixture(scope="module")
def rtl_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("rtl")
    return build(write_rtl_site(root), root / "out", "2021-01-01")


@pytest.mark.parametrize(
    "lang, direction",
    [("ar", "rtl"), ("he", "rtl"), ("fa", "rtl"), ("ur", "rtl"), ("yi", "rtl"), ("ckb", "rtl")]
    + [("en", "ltr"), ("hi", "ltr"), ("zh", "ltr"), ("xx", "ltr"), ("", "ltr")],
)
def test_the_direction_is_cldrs(lang, direction):
    assert text_direction(lang) == direction


@pytest.mark.parametrize("lang", ["ar", "he"])
def test_a_right_to_left_page_says_so_and_its_letter_is_exact(rtl_site, lang):
    page = soup(rtl_site / lang / "park" / "index.html")
    assert page.html["dir"] == "rtl" and page.html["lang"] == lang
    assert page.find("article", class_="campaign")["dir"] == "rtl"
    letter = page.find("pre", class_="letter-body")
    assert letter["dir"] == "auto"
    assert page.find(attrs={"data-subject-text": True})["dir"] == "auto"
    assert page.find(attrs={"data-to-text": True})["dir"] == "auto"
    written = letter_in_source((FIXTURES / f"park.{lang}.md").read_text("utf-8"))
    assert letter.get_text() == written
    mailto = page.find("a", attrs={"data-link": "mailto"})["href"]
    for decoded in (rfc_decode(mailto), form_decode(mailto)):
        assert decoded["body"] == written.replace("\n", "\r\n")  # no mark added, none lost
    flyer = soup(rtl_site / lang / "park" / "flyer" / "index.html")
    assert flyer.html["dir"] == "rtl"


def test_a_left_to_right_page_has_no_dir(rtl_site):
    page = soup(rtl_site / "park" / "index.html")
    assert page.html.get("dir") is None
    assert page.find("article", class_="campaign").get("dir") is None
