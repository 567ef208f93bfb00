"""The build cache (issue 13, part 1): a build from a warm cache writes exactly
the bytes of a build without one, whatever changed in between: a campaign,
the theme, the settings, the build date, the time of day. And it is used:
an unchanged campaign is neither checked nor rendered again."""

from __future__ import annotations

import pickle
import shutil
from datetime import datetime
from pathlib import Path

import pytest
from pelican.writers import Writer

import pelican.plugins.megaphone.model.deadline as deadline_module
import pelican.plugins.megaphone.site.hooks as hooks
import pelican.plugins.megaphone.site.signing as signing
from helpers import ROOT, build, campaign_md, make, write_example
from settings_under_test import CONF

NEW_YORK = deadline_module.ZoneInfo("America/New_York")


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def assert_same_site(warm: Path, cold: Path) -> None:
    got, expected = tree(warm), tree(cold)
    assert sorted(got) == sorted(expected)
    differing = [name for name in expected if got[name] != expected[name]]
    assert differing == []


@pytest.fixture
def project(tmp_path):
    """The example campaigns, a target list, a draft; a cache folder of its own."""
    content = write_example(tmp_path)
    (content / "targets").mkdir()
    shutil.copy(ROOT / "tests" / "fixtures" / "targets" / "ny-senate.csv", content / "targets")
    senators = campaign_md(slug="s79", to=None).replace("Subject:", "Targets: ny-senate\nSubject:")
    (content / "campaigns" / "s79.md").write_text(senators, "utf-8")
    draft = campaign_md(slug="later").replace("Subject:", "Status: draft\nSubject:")
    (content / "campaigns" / "later.md").write_text(draft, "utf-8")
    return tmp_path, content


class Builds:
    """Numbered builds of one content folder: with the project's cache, or without any."""

    def __init__(self, root: Path, content: Path) -> None:
        self.root, self.content, self.number = root, content, 0

    def __call__(self, today: str = "2021-02-22", cached: bool = True, **override) -> Path:
        self.number += 1
        out = self.root / f"out-{self.number}"
        if cached:
            override.update(MEGAPHONE_CACHE=True, CACHE_PATH=str(self.root / "cache"))
        else:
            override.update(MEGAPHONE_CACHE=False)
        return build(self.content, out, today, **override)


@pytest.fixture
def builds(project):
    return Builds(*project)


@pytest.fixture
def counted(monkeypatch):
    """How many files were checked, and which pages rendered, during a build."""
    seen: dict[str, list] = {"read": [], "rendered": []}
    read_one = hooks.read_one

    def counting_read(article, source, site):
        seen["read"].append(Path(article.source_path).name)
        return read_one(article, source, site)

    write_file = Writer.write_file

    def counting_write(self, name, template, *args, **kwargs):
        # A page the cache gives back is written through the template that only
        # returns its bytes (site/page_cache.py): nothing of it is rendered.
        if template.name != "megaphone/cached.html":
            seen["rendered"].append(name)
        return write_file(self, name, template, *args, **kwargs)

    monkeypatch.setattr(hooks, "read_one", counting_read)
    monkeypatch.setattr(Writer, "write_file", counting_write)
    return seen


def test_a_warm_build_is_the_cold_build_and_checks_and_renders_nothing_again(builds, counted):
    cold = builds()
    read, rendered = len(counted["read"]), len(counted["rendered"])
    assert read >= 8 and any("s79/to/" in name for name in counted["rendered"])
    counted["read"].clear(), counted["rendered"].clear()
    warm = builds()
    assert_same_site(warm, cold)
    assert counted["read"] == []
    # Only the pages that list campaigns (home, archive) are rendered again.
    assert not [n for n in counted["rendered"] if "/" in n and not n.startswith("closed/")]
    assert_same_site(warm, builds(cached=False))
    assert read and rendered


def test_after_editing_one_campaign_only_it_is_checked_and_rendered_again(builds, counted):
    builds()
    source = builds.content / "campaigns" / "s79.md"
    source.write_text(source.read_text("utf-8").replace("Thank you,", "With thanks,"), "utf-8")
    counted["read"].clear(), counted["rendered"].clear()
    warm = builds()
    assert counted["read"] == ["s79.md"]
    campaign_pages = {n.split("/")[0] for n in counted["rendered"] if "/" in n}
    assert campaign_pages <= {"s79", "closed"}
    assert "With thanks," in (warm / "s79" / "index.html").read_text("utf-8")
    assert_same_site(warm, builds(cached=False))


def test_a_theme_edit_shows_at_once(builds, tmp_path):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    builds(THEME=str(theme))
    template = theme / "templates" / "base.html"
    template.write_text(template.read_text("utf-8").replace("</main>", "<!-- v2 --></main>"))
    warm = builds(THEME=str(theme))
    assert "<!-- v2 -->" in (warm / "s79" / "index.html").read_text("utf-8")
    assert_same_site(warm, builds(cached=False, THEME=str(theme)))


def test_a_settings_edit_shows_at_once(builds):
    builds()
    warm = builds(SITENAME="Stop the Scan")
    assert "Stop the Scan" in (warm / "s79" / "index.html").read_text("utf-8")
    assert_same_site(warm, builds(cached=False, SITENAME="Stop the Scan"))


def test_a_new_build_date_closes_what_has_closed(builds):
    builds("2021-02-22")
    warm = builds("2021-03-01")
    assert not (warm / "ban-the-scan-nypd" / "remind.ics").exists()
    assert_same_site(warm, builds("2021-03-01", cached=False))


def test_built_as_of_now_a_campaign_is_rendered_again_when_its_state_changes(builds, monkeypatch):
    """Without CAMPAIGN_TODAY the build is as of the moment it runs: a cached campaign
    is reused only while it is in the same state (open, days left) at that moment."""
    real = deadline_module.build_moment
    clock = {"now": datetime(2021, 2, 22, 12, 0, tzinfo=NEW_YORK)}

    def at_the_clock(zone, today, now=None):
        return real(zone, today, clock["now"])

    monkeypatch.setattr(deadline_module, "build_moment", at_the_clock)
    open_site = builds(today="")
    clock["now"] = datetime(2021, 2, 24, 12, 0, tzinfo=NEW_YORK)  # two days fewer
    fewer_days = builds(today="")
    assert (
        tree(fewer_days)["ban-the-scan-nypd/index.html"]
        != tree(open_site)["ban-the-scan-nypd/index.html"]
    )
    assert_same_site(fewer_days, builds(today="", cached=False))
    clock["now"] = datetime(2021, 2, 26, 0, 5, tzinfo=NEW_YORK)  # closed
    closed = builds(today="")
    assert not (closed / "ban-the-scan-nypd" / "remind.ics").exists()
    assert_same_site(closed, builds(today="", cached=False))


def test_the_cache_keeps_only_what_the_last_build_used(builds):
    def bundles() -> dict[str, int]:
        """One file per campaign file, holding its entries."""
        found = (builds.root / "cache" / "megaphone").glob("*/entries/*")
        key = signing.key_path().read_bytes()  # the tests' own (conftest.py)
        return {
            p.name: len(pickle.loads(signing.unseal(key, p.name, p.read_bytes()))) for p in found
        }

    builds()
    before = bundles()
    source = builds.content / "campaigns" / "s79.md"
    source.write_text(source.read_text("utf-8").replace("Thank you,", "With thanks,"), "utf-8")
    builds()
    assert bundles() == before  # the edited campaign's old entries are gone
    (builds.content / "campaigns" / "later.md").unlink()
    builds()
    assert len(bundles()) == len(before) - 1


def test_make_clean_clears_the_cache(tmp_path):
    shutil.copy(ROOT / "Makefile", tmp_path)
    for folder in ("output", "cache/megaphone/abc"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "file").write_text("x")
    result = make("clean", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not (tmp_path / "output").exists() and not (tmp_path / "cache").exists()


@pytest.mark.parametrize("preview", [True, False], ids=["make devserver", "make html"])
def test_the_preview_links_what_did_not_change_and_make_html_shares_nothing(project, preview):
    """The preview's rebuild links each unchanged file to the one on screen (most of its
    time on a slow disk is creating files); `make html` writes a site of its own."""
    from pelican.plugins.megaphone.commands.build import build_site

    root, content = project
    output = root / "site"

    def rebuild() -> dict[str, int]:
        outcome = build_site(str(CONF), str(content), str(output), preview=preview)
        assert outcome.ok, outcome
        return {p.relative_to(output).as_posix(): p.stat().st_ino for p in output.rglob("*")}

    first = rebuild()
    source = content / "campaigns" / "s79.md"
    source.write_text(source.read_text("utf-8").replace("Thank you,", "With thanks,"), "utf-8")
    second = rebuild()
    shared = {name for name in second if first.get(name) == second[name]}
    if preview:
        # A campaign's page is Pelican's to write (from the cached bytes): a new file.
        assert {"awkward/flyer/index.html", "awkward/remind.ics"} <= shared
        assert "s79/index.html" not in shared
        assert "With thanks," in (output / "s79" / "index.html").read_text("utf-8")
    else:
        assert shared == set()


def test_links_to_other_files_of_the_site_are_real_addresses_and_follow_a_rename(builds):
    """`{static}` and `{filename}` in a campaign's text, as Pelican's own pages have them:
    the published page had them as written. They depend on the other file's address."""
    park = builds.content / "campaigns" / "s79.md"
    park.write_text(
        park.read_text("utf-8").replace(
            "Why this matters.",
            "Why this matters. ![The scan]({static}/images/ban-the-scan-nypd.png) "
            "See also [the other letter]({filename}/campaigns/awkward.md).",
        ),
        "utf-8",
    )
    page = (builds() / "s79" / "index.html").read_text("utf-8")
    assert 'src="/images/ban-the-scan-nypd.png"' in page and 'href="/awkward/"' in page
    assert "{static}" not in page and "{filename}" not in page
    other = builds.content / "campaigns" / "awkward.md"
    other.write_text(other.read_text("utf-8").replace("Slug: awkward", "Slug: odd"), "utf-8")
    warm = builds()
    assert 'href="/odd/"' in (warm / "s79" / "index.html").read_text("utf-8")
    assert_same_site(warm, builds(cached=False))
    published = builds(SITEURL="https://example.org/campaigns", RELATIVE_URLS=False)
    assert 'href="https://example.org/campaigns/odd/"' in (
        published / "s79" / "index.html"
    ).read_text("utf-8")
