"""Every kind of page says what it is to search engines and link previews (issue 22,
part 6: the home page and the archive had no description; SEO 82)."""

from __future__ import annotations

import pytest

from helpers import build, campaign_md, site_settings, soup, write_site
from pelican.plugins.megaphone.site.settings import fill_in


def description(path) -> str | None:
    found = soup(path).find("meta", attrs={"name": "description"})
    return found["content"] if found else None


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("descriptions")
    files = {
        "open.md": campaign_md(slug="open", summary="Keep the park open."),
        "old.md": campaign_md(slug="old", deadline="2020-06-01", summary="Old."),
    }
    return build(write_site(root, files), root / "out", "2021-01-01")


def test_the_home_page_and_the_archive_have_a_description(site):
    home = description(site / "index.html")
    assert home and "email" in home
    archive = description(site / "closed" / "index.html")
    assert archive and "closed" in archive
    assert description(site / "open" / "index.html") == "Keep the park open."


def test_a_site_says_its_own(tmp_path):
    content = write_site(tmp_path, {"open.md": campaign_md(slug="open")})
    out = build(
        content, tmp_path / "out", "2021-01-01", MEGAPHONE_DESCRIPTION="Letters for the river."
    )
    assert description(out / "index.html") == "Letters for the river."


@pytest.mark.parametrize("value", ["two\nlines", "x" * 301, 42, "   "])
def test_a_description_that_is_no_line_of_words_is_refused(value):
    problems = fill_in(site_settings(MEGAPHONE_DESCRIPTION=value))
    assert [p.code for p in problems] == ["setting-description"]


def test_a_campaign_without_summary_describes_itself_with_its_explanation(tmp_path):
    body = "The council <em>votes</em> on closing the park &amp; the pool.\n\nMore words."
    content = write_site(tmp_path, {"open.md": campaign_md(slug="open", body=body)})
    out = build(content, tmp_path / "out", "2021-01-01")
    said = "The council votes on closing the park & the pool."
    assert description(out / "open" / "index.html") == said
    page = soup(out / "open" / "index.html")
    assert page.find("meta", property="og:description")["content"] == said
    assert page.find("p", class_="summary") is None  # the page shows no summary it lacks


def test_every_flyer_has_a_description(site):
    assert description(site / "open" / "flyer" / "index.html") == "Keep the park open."


def test_a_long_first_paragraph_is_cut_at_a_word():
    from pelican.plugins.megaphone.model.page import DESCRIPTION_MOST, first_words

    words = " ".join(["Sentence"] * 60)
    cut = first_words(f"<p>{words}</p><p>Second.</p>")
    assert len(cut) <= DESCRIPTION_MOST and cut.endswith("Sentence…")
    assert first_words("<p> </p>\n<p>Second <strong>one</strong>.</p>") == "Second one."
    assert first_words("") == ""
