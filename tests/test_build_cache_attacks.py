"""The build cache under attack: edits, settings, time and a damaged cache folder.

Each test builds a tiny site from a warm cache and without one, and asks for
the same bytes (or the same report): the promise of build_cache.py."""

from __future__ import annotations

import contextlib
import datetime as datetime_module
import io
import os
import shutil
import types
from pathlib import Path

import pytest
from test_build_cache import Builds, assert_same_site

import pelican.plugins.megaphone.site.build_cache as build_cache
from helpers import ROOT, build, campaign_md, write_site
from pelican.plugins.megaphone.model.report import CampaignProblems

TODAY = "2021-02-22"
SENATORS = (  # three of tests/fixtures/targets/ny-senate.csv: fewer pages to write
    "area,name,title,email\n"
    "1,Tony Palumbo,Senator,palumbo@nysenate.gov\n"
    "2,Mario Mattera,Senator,mattera@nysenate.gov\n"
    "3,Dean Murray,Senator,murray@nysenate.gov\n"
)
# An example text of `make campaign`'s template: a warning in a draft, a problem otherwise.
LEFTOVER = "Explain the issue in a few short paragraphs: what is being decided, by whom,"


def _small_site() -> dict[str, str]:
    """Two campaigns (one with a Spanish translation) and a target list campaign."""
    park = campaign_md(slug="park", title="Keep the park open", summary="The park.")
    return {
        "park.md": park,
        "park.es.md": park.replace("Title: Keep the park open", "Title: Parque").replace(
            "Date:", "Lang: es\nDate:"
        ),
        "pool.md": campaign_md(slug="pool", title="Save the pool"),
        "s79.md": campaign_md(slug="s79", to=None).replace(
            "Subject:", "Targets: ny-senate\nSubject:"
        ),
    }


@pytest.fixture
def small(tmp_path) -> Builds:
    content = write_site(tmp_path, _small_site())
    (content / "targets").mkdir()
    (content / "targets" / "ny-senate.csv").write_text(SENATORS, "utf-8")
    (content / "images").mkdir()
    shutil.copy(
        ROOT / "tests" / "fixtures" / "example" / "images" / "ban-the-scan-nypd.png",
        content / "images" / "park.png",
    )
    return Builds(tmp_path, content)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, (old, path)
    path.write_text(text.replace(old, new, 1), "utf-8")


def _campaign(builds: Builds, name: str) -> Path:
    return builds.content / "campaigns" / name


def _pelican_cache(builds: Builds) -> Path:
    (found,) = (builds.root / "cache" / "megaphone").glob("*/pelican/ArticlesGenerator-Readers")
    return found


# --- Edits that change what another page shows: these hold -------------------------


def _campaign_linking_to_pool(content: Path) -> None:
    (content / "campaigns" / "about.md").write_text(
        campaign_md(slug="about", body="See [the pool]({filename}/campaigns/pool.md)."), "utf-8"
    )


CHANGES = {
    "translation title": lambda c: _edit(c / "campaigns/park.es.md", "Title: Parque", "Title: P2"),
    "translation lang": lambda c: _edit(c / "campaigns/park.es.md", "Lang: es", "Lang: fr"),
    # Said to stand alone: park.es.md at another Slug is otherwise a slip (translation-slug-near).
    "translation slug": lambda c: _edit(
        c / "campaigns/park.es.md", "Slug: park", "Slug: parque\nTranslation: false"
    ),
    "translation removed": lambda c: (c / "campaigns/park.es.md").unlink(),
    "translation added": lambda c: (c / "campaigns/pool.es.md").write_text(
        campaign_md(slug="pool", title="Piscina").replace("Date:", "Lang: es\nDate:"), "utf-8"
    ),
    # With its translation: left behind, park.es.md would be a slip (translation-slug-near).
    "campaign slug": lambda c: (
        _edit(c / "campaigns/park.md", "Slug: park", "Slug: green"),
        _edit(c / "campaigns/park.es.md", "Slug: park", "Slug: green"),
    ),
    "draft published": lambda c: _edit(c / "campaigns/pool.md", "Status: draft\n", ""),
    "published to draft": lambda c: _edit(c / "campaigns/park.md", "Date:", "Status: draft\nDate:"),
    "image field added": lambda c: _edit(
        c / "campaigns/park.md", "Date:", "Image: images/park.png\nDate:"
    ),
    "image edited": lambda c: (c / "images/park.png").write_bytes(
        (ROOT / "tests/fixtures/example/images/ban-the-scan-nypd.es.png").read_bytes()
    ),
    "target list edited": lambda c: _edit(
        c / "targets/ny-senate.csv", "Tony Palumbo", "Anthony Palumbo"
    ),
    "postcode map added": lambda c: (c / "targets/ny-senate.postcodes.csv").write_text(
        "postcode,area\n10001,1\n", "utf-8"
    ),
    "campaign linking to a campaign": _campaign_linking_to_pool,
    "campaign another links to renamed": lambda c: (
        _campaign_linking_to_pool(c),
        _edit(c / "campaigns/pool.md", "Slug: pool", "Slug: swim"),
    ),
}
BEFORE = {  # what the site holds before the first build, for some changes
    "draft published": lambda c: _edit(c / "campaigns/pool.md", "Date:", "Status: draft\nDate:"),
    "image edited": lambda c: _edit(
        c / "campaigns/park.md", "Date:", "Image: images/park.png\nDate:"
    ),
    "campaign another links to renamed": _campaign_linking_to_pool,
}


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_an_edit_elsewhere_shows_on_a_warm_build(small, change):
    BEFORE.get(change, lambda c: None)(small.content)
    small()
    CHANGES[change](small.content)
    assert_same_site(small(), small(cached=False))


def test_relative_urls_and_the_preview_settings_each_build_their_own_pages(small):
    small()
    relative = small(RELATIVE_URLS=True)
    preview = small(MEGAPHONE_PREVIEW_RELOAD=True)
    _edit(_campaign(small, "pool.md"), "Why this matters.", "Why it matters.")
    assert_same_site(small(RELATIVE_URLS=True), small(cached=False, RELATIVE_URLS=True))
    assert_same_site(
        small(MEGAPHONE_PREVIEW_RELOAD=True), small(cached=False, MEGAPHONE_PREVIEW_RELOAD=True)
    )
    assert relative.exists() and preview.exists()


def test_publishing_after_a_preview_build_with_one_cache_folder(small, monkeypatch):
    from pelican.plugins.megaphone.commands.build import build_site

    monkeypatch.setenv("SITEURL", "https://example.org/site")
    monkeypatch.setenv("CAMPAIGN_TODAY", TODAY)
    # The .gz and .br copies are made from the very files compared here: left out, for time.
    quick = {"PRECOMPRESS_GZIP": False, "PRECOMPRESS_BROTLI": False}
    cache = {"MEGAPHONE_CACHE": True, "CACHE_PATH": str(small.root / "cache"), **quick}
    publish = str(ROOT / "publishconf.py")
    content, out = str(small.content), small.root
    assert build_site(str(ROOT / "pelicanconf.py"), content, str(out / "p1"), **cache).ok
    assert build_site(publish, content, str(out / "p2"), **cache).ok
    warm = build_site(publish, content, str(out / "p3"), **cache)
    cold = build_site(publish, content, str(out / "p4"), MEGAPHONE_CACHE=False, **quick)
    assert warm.ok and cold.ok
    assert_same_site(out / "p3", out / "p4")


# --- Reports: `make check` says the same from a warm cache --------------------------


def _check(content: Path, cache: Path, monkeypatch) -> tuple[int, str]:
    from pelican.plugins.megaphone.commands.check import check
    from settings_under_test import CONF

    monkeypatch.setenv("MEGAPHONE_CACHE_PATH", str(cache))  # pelicanconf.py reads it
    monkeypatch.setenv("CAMPAIGN_TODAY", TODAY)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        status = check(str(content), str(CONF))
    return status, printed.getvalue()


def test_make_check_from_a_warm_cache_says_what_a_cold_one_says(small, monkeypatch):
    """A file broken, fixed, built, broken again, then published with a template
    leftover, its translation no longer writing to the same people: the warm report
    is the cold report every time."""
    park, spanish = _campaign(small, "park.md"), _campaign(small, "park.es.md")
    good = park.read_text("utf-8")
    broken = good.replace("Subject: Keep the park open\n", "").replace(
        "Summary:", "Bcc: x@\nSummary:"
    )
    leftover = good.replace("Why this matters.", LEFTOVER)
    cold = {}
    for name, text in (("broken", broken), ("good", good), ("leftover", leftover)):
        park.write_text(text, "utf-8")
        cold[name] = _check(small.content, small.root / f"cold-{name}", monkeypatch)
    assert cold["broken"][0] and not cold["good"][0] and cold["leftover"][0]

    def warm(text: str) -> tuple[int, str]:
        park.write_text(text, "utf-8")
        return _check(small.content, small.root / "cache", monkeypatch)

    assert warm(broken) == cold["broken"]
    assert warm(good) == cold["good"]
    small()  # a whole build keeps only what it used
    assert warm(broken) == cold["broken"]
    _edit(spanish, "To: council@example.org", "To: other@example.org")
    status, report = warm(leftover)
    assert status and "translation-differs" in report and "template-example" in report
    assert (status, report) == _check(small.content, small.root / "cold-last", monkeypatch)


# --- Findings ----------------------------------------------------------------------


@pytest.mark.parametrize("kept", [0, 0.5])
def test_a_damaged_pelican_cache_file_neither_stops_nor_changes_the_build(small, kept, caplog):
    """Pelican writes its reader cache in place, not atomically: a build killed while
    saving it, a full disk or a second build reading it meanwhile leaves it empty or
    cut short. An empty one made every later build fail (EOFError) until `make clean`;
    a cut one made Pelican warn on every build."""
    small()
    cache = _pelican_cache(small)
    data = cache.read_bytes()
    cache.write_bytes(data[: int(len(data) * kept)])
    caplog.clear()
    warm = small()
    assert not [r for r in caplog.records if r.name == "pelican.cache"]
    assert_same_site(warm, small(cached=False))


def test_a_damaged_build_cache_bundle_is_made_again(small):
    small()
    for number, bundle in enumerate(sorted((small.root / "cache").glob("megaphone/*/entries/*"))):
        data = bundle.read_bytes()
        bundle.write_bytes([b"", data[: len(data) // 2], b"not a pickle"][number % 3])
    assert_same_site(small(), small(cached=False))


def test_a_cache_folder_deleted_between_builds(small):
    small()
    shutil.rmtree(small.root / "cache" / "megaphone")
    small()
    shutil.rmtree(next((small.root / "cache" / "megaphone").glob("*/entries")))
    assert_same_site(small(), small(cached=False))


class _FutureClock:
    """Pelican's clock (WITH_FUTURE_DATES = False makes a page dated later a draft)."""

    def __init__(self, monkeypatch, now: datetime_module.datetime) -> None:
        clock = self

        class Clock(datetime_module.datetime):
            @classmethod
            def now(cls, tz=None):
                return clock.now if tz is None else clock.now.astimezone(tz)

        import pelican.contents

        self.now = now
        fake = types.SimpleNamespace(**vars(datetime_module))
        fake.datetime = Clock
        monkeypatch.setattr(pelican.contents, "datetime", fake)


def test_a_campaign_whose_date_arrives_is_checked_as_published(small, monkeypatch):
    """With WITH_FUTURE_DATES = False a campaign dated later is a draft until its date:
    a leftover template text is only a warning in a draft, and a problem once the
    date has come. Its reading was cached with the draft's answer, under a key that
    leaves out the status, so the warm build published the leftover text."""
    utc = datetime_module.UTC
    clock = _FutureClock(monkeypatch, datetime_module.datetime(2021, 2, 1, tzinfo=utc))
    later = campaign_md(slug="later", date="2021-02-10", body=LEFTOVER)
    _campaign(small, "later.md").write_text(later, "utf-8")
    small(WITH_FUTURE_DATES=False)  # a draft: built, with a warning
    clock.now = datetime_module.datetime(2021, 2, 20, tzinfo=utc)
    with pytest.raises(CampaignProblems) as cold:
        small(cached=False, WITH_FUTURE_DATES=False)
    with pytest.raises(CampaignProblems) as warm:
        small(WITH_FUTURE_DATES=False)
    assert warm.value.problems == cold.value.problems


def test_an_edited_template_override_shows_at_once(small):
    """Pelican looks for templates in THEME_TEMPLATES_OVERRIDES before the theme: the
    files there are inputs of every page as much as the theme's own."""
    overrides = small.root / "overrides"
    overrides.mkdir()
    article = overrides / "article.html"
    original = (ROOT / "theme" / "templates" / "article.html").read_text("utf-8")
    article.write_text(original.replace("{% block content %}", "{% block content %}<!-- v1 -->"))
    settings = {"THEME_TEMPLATES_OVERRIDES": [str(overrides)]}
    small(**settings)
    article.write_text(original.replace("{% block content %}", "{% block content %}<!-- v2 -->"))
    warm = small(**settings)
    assert "<!-- v2 -->" in (warm / "park" / "index.html").read_text("utf-8")
    assert_same_site(warm, small(cached=False, **settings))


def test_an_edited_function_in_the_settings_file_shows_at_once(small):
    """A Jinja filter defined in the settings file: the settings were hashed with the
    function's name only, so editing its body left every cached page as it was."""
    theme = small.root / "theme"
    shutil.copytree(ROOT / "theme", theme)
    _edit(theme / "templates" / "base.html", '<main id="main">', '<main id="main">{{ "x"|mark }}')
    conf = small.root / "filters.py"

    def settings(mark: str) -> dict:
        conf.write_text(f"def mark(text):\n    return text + {mark!r}\n", "utf-8")
        namespace: dict = {}
        exec(compile(conf.read_text("utf-8"), str(conf), "exec"), namespace)
        return {"THEME": str(theme), "JINJA_FILTERS": {"mark": namespace["mark"]}}

    small(**settings("-one"))
    warm = small(**settings("-two"))
    assert "x-two" in (warm / "park" / "index.html").read_text("utf-8")
    assert_same_site(warm, small(cached=False, **settings("-two")))


def test_a_cache_folder_this_user_may_not_change_does_not_stop_the_build(small, monkeypatch):
    """`sudo make html` once leaves cache/megaphone/<settings>/ owned by root: the next
    `make html` may read it but not write it, nor set its time (PermissionError), and
    that failed the whole build after every page was written."""
    small()

    def refused(*args, **kwargs):
        raise PermissionError(13, "Permission denied", str(args[0]))

    fake_os = types.SimpleNamespace(**{**vars(os), "utime": refused})
    monkeypatch.setattr(build_cache, "os", fake_os)
    assert_same_site(small(), small(cached=False))


def test_only_the_tiny_site_is_needed(small):
    """The fixture itself builds (a guard for the tests above)."""
    out = build(small.content, small.root / "plain", TODAY, MEGAPHONE_CACHE=False)
    assert (out / "park" / "index.html").exists() and (out / "es" / "park" / "index.html").exists()
