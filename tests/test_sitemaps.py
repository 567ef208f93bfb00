"""Megaphone and pelican-sitemap (issue 20): one sitemap, each campaign page in it once.

A blog that adds Megaphone and pelican-sitemap (PLUGINS = ["megaphone", "sitemap"]):
pelican-sitemap lists every page by the address of the article it was written with,
and a campaign's flyer and representatives' pages are written with the campaign's
article. The expected addresses are written out here, not computed by the plugin."""

from __future__ import annotations

import logging
import shutil
from collections import Counter
from xml.etree import ElementTree

from test_scope import BLOG, write_blog

from helpers import ROOT, build, campaign_md

SITE = "https://lab.example.edu"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
WITH_SITEMAP = {
    **BLOG,
    "PLUGINS": ["megaphone", "sitemap"],
    "SITEURL": SITE,
    "MEGAPHONE_SITEURL": SITE,
}
CAMPAIGNS = {f"{SITE}/park/", f"{SITE}/es/park/", f"{SITE}/s79/"}
POSTS = {f"{SITE}/hello/", f"{SITE}/notes/", f"{SITE}/about/"}


def lab_site(tmp_path):
    """The blog, with a campaign in two languages and one written to representatives."""
    content = write_blog(tmp_path, campaign_md(slug="park"))
    spanish = campaign_md(slug="park", title="Mantener el parque", subject="El parque")
    (content / "campaigns" / "park-es.md").write_text(
        spanish.replace("Slug:", "Lang: es\nSlug:"), "utf-8"
    )
    (content / "targets").mkdir()
    shutil.copy(ROOT / "tests" / "fixtures" / "targets" / "ny-senate.csv", content / "targets")
    letter = "Dear [Target name],\n\nPlease support S79.\n\n[Your name]"
    s79 = campaign_md(slug="s79", to=None, subject="Support S79", letter=letter)
    (content / "campaigns" / "s79.md").write_text(
        s79.replace("Subject:", "Targets: ny-senate\nSubject:"), "utf-8"
    )
    return content


def locations(path) -> list[str]:
    root = ElementTree.parse(path).getroot()
    return [u.findtext("s:loc", namespaces=NS) for u in root.findall("s:url", NS)]


def test_pelican_sitemap_lists_each_campaign_and_post_once(tmp_path):
    content = lab_site(tmp_path)
    out = build(content, tmp_path / "output", "2021-01-01", **WITH_SITEMAP)
    assert (out / "s79" / "to").is_dir() and (out / "park" / "flyer" / "index.html").exists()
    found = locations(out / "sitemap.xml")
    assert "xsi:schemaLocation" in (out / "sitemap.xml").read_text("utf-8")  # theirs, not ours
    assert [url for url, n in Counter(found).items() if n > 1] == []  # nothing twice
    assert CAMPAIGNS | POSTS <= set(found)
    assert [u for u in found if "/flyer/" in u or "/to/" in u or u.endswith(".ics")] == []
    # The campaigns' addresses are their pages' and their translations', nothing else.
    campaign_folders = ("/park/", "/es/park/", "/s79/")
    assert {u for u in found if u.endswith(campaign_folders)} == CAMPAIGNS


def test_robots_txt_points_once_at_pelican_sitemaps_file(tmp_path):
    content = lab_site(tmp_path)
    (content / "extra" / "robots.txt").unlink()  # the blog has none: Megaphone's is written
    out = build(content, tmp_path / "output", "2021-01-01", **WITH_SITEMAP)
    sitemaps = [
        ln for ln in (out / "robots.txt").read_text("utf-8").splitlines() if "Sitemap" in ln
    ]
    assert sitemaps == [f"Sitemap: {SITE}/sitemap.xml"]
    out = build(
        content,
        tmp_path / "txt",
        "2021-01-01",
        **WITH_SITEMAP,
        SITEMAP={"format": "txt"},
        MEGAPHONE_SITEMAP=True,
    )
    sitemaps = [
        ln for ln in (out / "robots.txt").read_text("utf-8").splitlines() if "Sitemap" in ln
    ]
    assert sitemaps == [f"Sitemap: {SITE}/sitemap.txt"]
    assert not (out / "sitemap.xml").exists()
    listed = (out / "sitemap.txt").read_text("utf-8").split()
    assert CAMPAIGNS <= set(listed) and len(listed) == len(set(listed))


def test_megaphone_sitemap_beside_pelican_sitemap_is_a_warning_and_one_sitemap(tmp_path, caplog):
    from pelican.log import LimitFilter

    content = lab_site(tmp_path)
    LimitFilter._raised_messages.clear()  # Pelican says a warning once a process: once a build
    with caplog.at_level(logging.WARNING):
        out = build(
            content, tmp_path / "output", "2021-01-01", **WITH_SITEMAP, MEGAPHONE_SITEMAP=True
        )
    said = [r.getMessage() for r in caplog.records if "sitemap-two-plugins" in r.getMessage()]
    assert len(said) == 1 and "MEGAPHONE_SITEMAP" in said[0] and "pelican-sitemap" in said[0]
    found = locations(out / "sitemap.xml")
    assert "xsi:schemaLocation" in (out / "sitemap.xml").read_text("utf-8")
    assert len(found) == len(set(found)) and CAMPAIGNS | POSTS <= set(found)


def test_megaphones_own_sitemap_without_pelican_sitemap_lists_the_campaigns(tmp_path):
    content = lab_site(tmp_path)
    (content / "extra" / "robots.txt").unlink()
    out = build(
        content,
        tmp_path / "output",
        "2021-01-01",
        **{**WITH_SITEMAP, "PLUGINS": ["megaphone"]},
        MEGAPHONE_SITEMAP=True,
    )
    assert set(locations(out / "sitemap.xml")) == CAMPAIGNS | {f"{SITE}/"}
    sitemaps = [
        ln for ln in (out / "robots.txt").read_text("utf-8").splitlines() if "Sitemap" in ln
    ]
    assert sitemaps == [f"Sitemap: {SITE}/sitemap.xml"]


def test_a_warm_build_lists_the_same_pages_once(tmp_path):
    """The build cache gives back the flyer and representatives' pages: still unlisted."""
    content = lab_site(tmp_path)
    first = locations(
        build(content, tmp_path / "cold", "2021-01-01", **WITH_SITEMAP) / "sitemap.xml"
    )
    again = locations(
        build(content, tmp_path / "warm", "2021-01-01", **WITH_SITEMAP) / "sitemap.xml"
    )
    assert again == first and len(again) == len(set(again))


def test_a_campaign_site_with_pelican_sitemap_ships_it_claimed(tmp_path):
    """MEGAPHONE_STRICT = True (this repository's settings): `make html`'s own code, which
    ships nothing unclaimed, with pelican-sitemap's sitemap.txt and MEGAPHONE_SITEMAP."""
    from helpers import write_site
    from pelican.plugins.megaphone.commands.build import build_site
    from settings_under_test import CONF

    content = write_site(tmp_path, {"park.md": campaign_md(slug="park")})
    outcome = build_site(
        str(CONF),
        str(content),
        str(tmp_path / "output"),
        MEGAPHONE_TODAY="2021-01-01",
        PLUGINS=["megaphone", "sitemap"],
        SITEMAP={"format": "txt"},
        SITEURL=SITE,
        MEGAPHONE_SITEURL=SITE,
        MEGAPHONE_SITEMAP=True,
    )
    assert outcome.ok, (outcome.problems, outcome.failure)
    assert [w.code for w in outcome.warnings if "sitemap" in w.code] == ["sitemap-two-plugins"]
    out = tmp_path / "output"
    listed = (out / "sitemap.txt").read_text("utf-8").split()
    assert listed.count(f"{SITE}/park/") == 1 and not any("/flyer/" in u for u in listed)
    assert not (out / "sitemap.xml").exists()
    robots = (out / "robots.txt").read_text("utf-8").splitlines()
    assert [ln for ln in robots if ln.startswith("Sitemap:")] == [f"Sitemap: {SITE}/sitemap.txt"]
