"""Checks that need the whole site: drafts, pages, settings, unreadable files."""

import pytest

from helpers import build, campaign_md, soup, write_site
from pelican.plugins.megaphone.model.report import CampaignProblems


def problems_of(tmp_path, files, raw=None, **override):
    content = write_site(tmp_path, files)
    for name, data in (raw or {}).items():
        path = content / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    with pytest.raises(CampaignProblems) as stop:
        build(content, tmp_path / "output", "2021-01-01", **override)
    return [(p.file.rsplit("/", 1)[-1], p.field) for p in stop.value.problems], stop.value


def test_a_draft_is_built_at_a_preview_address_and_not_listed(site):
    text = campaign_md(slug="secret").replace("Date:", "Status: draft\nDate:")
    out = site({"secret.md": text, "public.md": campaign_md(slug="public")}, today="2021-01-01")
    assert (out / "drafts" / "secret" / "index.html").exists()
    assert not (out / "secret").exists()
    home_links = [a["href"] for a in soup(out / "index.html").find_all("a")]
    assert "/public/" in home_links and not any("secret" in h for h in home_links)


def test_a_draft_is_checked_too(tmp_path):
    text = campaign_md(slug="d", to="nobody").replace("Date:", "Status: draft\nDate:")
    assert problems_of(tmp_path, {"d.md": text})[0] == [("d.md", "To")]


def test_control_characters_in_the_letter_or_subject(tmp_path):
    found, stop = problems_of(
        tmp_path,
        {
            "c.md": campaign_md(
                slug="c", subject="Hello\x07", letter="Dear Council,\x1b[0m\n\nThanks"
            )
        },
    )
    assert sorted(found) == [("c.md", "Subject"), ("c.md", "letter")]
    assert "U+001B" in str(stop) and "U+0007" in str(stop)


def test_a_file_that_is_not_utf8(tmp_path):
    raw = {"campaigns/latin1.md": campaign_md(slug="l", subject="Café").encode("latin-1")}
    found, stop = problems_of(tmp_path, {}, raw=raw)
    assert found == [("latin1.md", "file")] and "UTF-8" in str(stop)


def test_a_page_is_refused_whatever_its_address(tmp_path):
    """content/pages/ is not for a campaign site: a page gets none of a campaign's checks."""
    raw = {"pages/about.md": b"Title: About\nSlug: park\n\nAbout us.\n"}
    found, _ = problems_of(tmp_path, {"park.md": campaign_md(slug="park")}, raw=raw)
    assert sorted(found) == [("about.md", "file")]


def test_a_bad_default_timezone_is_reported_once_against_the_settings(tmp_path):
    files = {"a.md": campaign_md(slug="a"), "b.md": campaign_md(slug="b")}
    found, _ = problems_of(tmp_path, files, MEGAPHONE_TIMEZONE="Gotham/City")
    assert found == [("pelicanconf.py", "MEGAPHONE_TIMEZONE")]


def test_a_bad_timezone_does_not_hide_the_other_problems_in_the_file(tmp_path):
    found, _ = problems_of(
        tmp_path, {"t.md": campaign_md(slug="t", timezone="Nowhere", subject="")}
    )
    assert sorted(found) == [("t.md", "Subject"), ("t.md", "Timezone")]
