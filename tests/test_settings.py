"""The plugin owns its settings' defaults (site/settings.py): a plain Pelican site builds,
every setting is checked with its own code, and the names used before still work."""

from pathlib import Path

import pytest
from pelican.settings import read_settings

from helpers import campaign_md, soup, write_site
from pelican.plugins.megaphone.commands.pelican_run import run_pelican
from pelican.plugins.megaphone.model.report import CampaignProblems
from pelican.plugins.megaphone.site.settings import SETTINGS, fill_in
from settings_under_test import ROOT

THEME = str(ROOT / "theme")
CANONICAL_WARNING = "siteurl-canonical-missing"


def plain_settings(**override) -> dict:
    """Pelican's defaults, the plugin and this theme: nothing of this repository's
    pelicanconf.py."""
    return read_settings(None, override={"PLUGINS": ["megaphone"], "THEME": THEME, **override})


def problems(**override) -> list[tuple[str, str, str]]:
    return [(p.file, p.field, p.code) for p in fill_in(plain_settings(**override))]


def plain_conf(tmp_path: Path, *lines: str) -> str:
    """A settings file as a new site writes it: the plugin, the theme, and `lines`."""
    conf = tmp_path / "plainconf.py"
    conf.write_text(
        "\n".join(
            [
                'PLUGINS = ["megaphone"]',
                f"THEME = {THEME!r}",
                f"CACHE_PATH = {str(tmp_path / 'cache')!r}",
                *lines,
            ]
        )
        + "\n",
        "utf-8",
    )
    return str(conf)


def plain_build(tmp_path: Path, *lines: str, files=None, **override):
    content = write_site(tmp_path, files or {"park.md": campaign_md(slug="park")})
    outcome = run_pelican(
        plain_conf(tmp_path, *lines),
        {"PATH": str(content), "OUTPUT_PATH": str(tmp_path / "out"), **override},
    )
    return outcome, tmp_path / "out"


def codes(outcome) -> list[str]:
    return [w.code or w.the_code for w in outcome.warnings]


def test_a_plain_pelican_site_builds_a_campaign_page(tmp_path, monkeypatch):
    monkeypatch.delenv("CAMPAIGN_TODAY", raising=False)
    outcome, out = plain_build(tmp_path)
    assert outcome.ok, (outcome.failure, [str(p) for p in outcome.problems])
    page = soup(out / "park" / "index.html")
    assert page.select_one("[data-budget]")["data-budget"] == "1800"
    assert "Please keep the park open." in page.get_text()
    assert "Traceback" not in outcome.failure


def test_in_process_with_pelicans_defaults_nothing_is_missing(tmp_path):
    """Pelican itself, as pelican-plugins' tests run a plugin: no KeyError, no Jinja error."""
    from pelican import Pelican

    content = write_site(tmp_path, {"park.md": campaign_md(slug="park")})
    settings = plain_settings(
        PATH=str(content),
        OUTPUT_PATH=str(tmp_path / "out"),
        CACHE_PATH=str(tmp_path / "cache"),
        MEGAPHONE_TODAY="2021-01-01",
    )
    Pelican(settings).run()
    assert (tmp_path / "out" / "park" / "index.html").exists()
    assert (tmp_path / "out" / "index.html").exists()


def test_the_defaults_fill_in_only_what_the_site_leaves_out():
    settings = plain_settings(TIMEZONE="Europe/Paris", MEGAPHONE_HOME_CLOSED=2)
    assert fill_in(settings) == []
    assert settings["MEGAPHONE_HOME_CLOSED"] == 2  # the site's value wins
    assert settings["MEGAPHONE_TIMEZONE"] == "Europe/Paris"  # Pelican's TIMEZONE, then UTC
    assert settings["MEGAPHONE_MAILTO_BUDGET"] == 1800
    assert settings["MEGAPHONE_SITEMAP"] is False and settings["MEGAPHONE_CACHE"] is True
    assert settings["MEGAPHONE_POSTCODE_COUNTRY"] is None  # the country of the time zone
    assert settings["PAGINATED_TEMPLATES"]["closed"] == 50
    assert "jinja2.ext.i18n" in settings["JINJA_ENVIRONMENT"]["extensions"]
    assert settings["JINJA_ENVIRONMENT"]["autoescape"] is True
    # A site not only of campaigns keeps its Markdown (campaigns are read with Megaphone's).
    assert any("codehilite" in name for name in settings["MARKDOWN"]["extension_configs"])
    # On a strict site every article is a campaign: Pelican's codehilite would colour the
    # letter block, so the plugin's default has none.
    strict = plain_settings(MEGAPHONE_STRICT=True)
    assert fill_in(strict) == []
    assert not any("codehilite" in name for name in strict["MARKDOWN"]["extension_configs"])
    bare = plain_settings()
    fill_in(bare)
    assert bare["MEGAPHONE_TIMEZONE"] == "UTC" and bare["MEGAPHONE_SITEURL"] == ""


def test_this_repositorys_settings_have_no_problem():
    from settings_under_test import site_settings

    assert fill_in(site_settings()) == []


@pytest.mark.parametrize(
    ("name", "value", "code"),
    [
        ("SITEURL", "example.org/campaigns", "siteurl-not-absolute"),
        ("MEGAPHONE_SITEURL", "campaigns.example.org", "setting-siteurl"),
        ("MEGAPHONE_SITEURL", 8000, "setting-siteurl"),
        ("MEGAPHONE_TIMEZONE", "Gotham/City", "site-timezone-unknown"),
        ("TIMEZONE", "Gotham/City", "site-timezone-unknown"),  # the default comes from it
        ("MEGAPHONE_TODAY", "yesterday", "build-date-invalid"),
        ("MEGAPHONE_EXTRA_FIELDS", "Region", "setting-extra-fields"),
        ("MEGAPHONE_EXTRA_FIELDS", ["Region: north"], "setting-extra-fields"),
        ("MEGAPHONE_MAILTO_BUDGET", "1800", "budget-not-a-number"),
        ("MEGAPHONE_MAILTO_BUDGET", 0, "budget-not-a-number"),
        ("MEGAPHONE_MAILTO_BUDGET", True, "budget-not-a-number"),
        ("MEGAPHONE_HOME_CLOSED", -1, "setting-home-closed"),
        ("MEGAPHONE_HOME_CLOSED", "5", "setting-home-closed"),
        ("MEGAPHONE_CLOSED_URL", "/closed/", "setting-closed-url"),
        ("MEGAPHONE_CLOSED_URL", "https://elsewhere.example/", "setting-closed-url"),
        ("MEGAPHONE_CLOSED_SAVE_AS", "../closed/index.html", "setting-closed-save-as"),
        ("MEGAPHONE_CLOSED_SAVE_AS", "closed/", "setting-closed-save-as"),
        ("MEGAPHONE_LOCALES", {"en": "klingon_XX"}, "setting-locales"),
        ("MEGAPHONE_LOCALES", ["en_GB"], "setting-locales"),
        ("MEGAPHONE_POSTCODE_COUNTRY", "USA", "setting-postcode-country"),
        ("MEGAPHONE_POSTCODE_COUNTRY", 61, "setting-postcode-country"),
        ("MEGAPHONE_SITEMAP", "yes", "setting-sitemap"),
        ("MEGAPHONE_CACHE", "False", "setting-cache"),
    ],
)
def test_each_setting_refuses_a_bad_value_with_its_code(name, value, code, monkeypatch):
    monkeypatch.delenv("CAMPAIGN_TODAY", raising=False)
    assert problems(**{name: value}) == [("pelicanconf.py", name, code)]


def test_a_strict_site_in_another_theme_is_told_which_setting_to_change(tmp_path):
    """MEGAPHONE_STRICT shows every page in Megaphone's theme: with Pelican's own `simple`
    theme it is one plain problem, not a traceback from a stylesheet it cannot find."""
    outcome, output = plain_build(tmp_path, "MEGAPHONE_STRICT = True", 'THEME = "simple"')
    assert [(p.field, p.code) for p in outcome.problems] == [
        ("MEGAPHONE_STRICT", "setting-strict-theme")
    ]
    assert not outcome.failure and not (output / "park" / "index.html").exists()
    assert "THEME = " in str(outcome.problems[0]) and "Traceback" not in str(outcome.problems[0])


def test_a_bad_build_day_from_the_environment_names_the_variable(monkeypatch):
    monkeypatch.setenv("CAMPAIGN_TODAY", "yesterday")
    assert problems(MEGAPHONE_TODAY="yesterday") == [
        ("(environment)", "CAMPAIGN_TODAY", "build-date-invalid")
    ]


def test_pelicans_own_settings_the_theme_needs_are_checked():
    highlighted = {
        "extension_configs": {"markdown.extensions.codehilite": {}, "markdown.extensions.extra": {}}
    }
    assert problems(MARKDOWN=highlighted, MEGAPHONE_STRICT=True) == [
        ("pelicanconf.py", "MARKDOWN", "setting-markdown-codehilite")
    ]
    assert problems(MARKDOWN=highlighted) == []  # the blog's; campaigns are read without it
    assert problems(JINJA_ENVIRONMENT={"autoescape": False}) == [
        ("pelicanconf.py", "JINJA_ENVIRONMENT", "setting-autoescape")
    ]


def test_good_values_pass():
    assert (
        problems(
            SITEURL="https://campaigns.example.org",
            MEGAPHONE_TODAY="2021-02-22",
            MEGAPHONE_EXTRA_FIELDS=("Region", "Ward-2"),
            MEGAPHONE_HOME_CLOSED=0,
            MEGAPHONE_CLOSED_SAVE_AS="",
            MEGAPHONE_LOCALES={"en": "en_GB", "fr": "fr-CA"},
            MEGAPHONE_POSTCODE_COUNTRY="au",
            MEGAPHONE_SITEMAP=True,
        )
        == []
    )


def test_a_bad_setting_stops_the_build_before_anything_is_read(tmp_path):
    outcome, out = plain_build(tmp_path, 'MEGAPHONE_MAILTO_BUDGET = "lots"')
    assert [(p.field, p.code) for p in outcome.problems] == [
        ("MEGAPHONE_MAILTO_BUDGET", "budget-not-a-number")
    ]
    assert not (out / "park" / "index.html").exists()


ALIASES = [
    ("CANONICAL_SITEURL", "https://campaigns.example.org", "MEGAPHONE_SITEURL"),
    ("CAMPAIGN_TIMEZONE", "Europe/Madrid", "MEGAPHONE_TIMEZONE"),
    ("CAMPAIGN_TODAY", "2021-02-22", "MEGAPHONE_TODAY"),
    ("CAMPAIGN_EXTRA_FIELDS", ["Region"], "MEGAPHONE_EXTRA_FIELDS"),
    ("MAILTO_BUDGET", 900, "MEGAPHONE_MAILTO_BUDGET"),
    ("HOME_CLOSED_CAMPAIGNS", 3, "MEGAPHONE_HOME_CLOSED"),
    ("CLOSED_URL", "archive/", "MEGAPHONE_CLOSED_URL"),
    ("CLOSED_SAVE_AS", "archive/index.html", "MEGAPHONE_CLOSED_SAVE_AS"),
    ("LOCALES", {"en": "en_US"}, "MEGAPHONE_LOCALES"),
    ("POSTCODE_COUNTRY", "AU", "MEGAPHONE_POSTCODE_COUNTRY"),
    ("SITEMAP", True, "MEGAPHONE_SITEMAP"),
    ("CAMPAIGN_PATHS", ["actions"], "MEGAPHONE_CAMPAIGN_PATHS"),
]


def test_every_old_name_is_an_alias():
    assert {(old, new) for old, _, new in ALIASES} == {
        (s.alias, s.name) for s in SETTINGS if s.alias
    }


@pytest.mark.parametrize(("old", "value", "new"), ALIASES)
def test_an_old_name_still_works(old, value, new):
    settings = plain_settings(**{old: value})
    assert fill_in(settings) == []
    assert settings[new] == value


@pytest.mark.parametrize(("old", "value", "new"), ALIASES)
def test_both_names_with_different_values_is_a_problem(old, value, new):
    other = {"MEGAPHONE_SITEMAP": False, "MEGAPHONE_POSTCODE_COUNTRY": "CH"}.get(new, "x")
    found = fill_in(plain_settings(**{old: value, new: other}))
    assert [(p.field, p.code) for p in found] == [(old, "setting-both-names")]
    assert new in found[0].message and f"delete the {old} line" in found[0].message
    assert fill_in(plain_settings(**{old: value, new: value})) == []  # the same: no problem


def test_an_old_name_works_in_a_build(tmp_path):
    outcome, out = plain_build(
        tmp_path, 'CAMPAIGN_TIMEZONE = "Europe/Madrid"', "MAILTO_BUDGET = 900"
    )
    assert outcome.ok, [str(p) for p in outcome.problems]
    page = soup(out / "park" / "index.html")
    assert page.select_one("[data-budget]")["data-budget"] == "900"
    assert "Madrid time" in page.get_text()


def test_pelican_sitemaps_setting_is_never_megaphones():
    """pelican-sitemap's SITEMAP = {"format": "xml", ...}: not Megaphone's switch, no conflict."""
    theirs = {"format": "xml", "priorities": {"articles": 0.5}}
    settings = plain_settings(SITEMAP=theirs)
    assert fill_in(settings) == [] and settings["MEGAPHONE_SITEMAP"] is False
    settings = plain_settings(SITEMAP=theirs, MEGAPHONE_SITEMAP=True)
    assert fill_in(settings) == [] and settings["MEGAPHONE_SITEMAP"] is True
    assert settings["SITEMAP"] == theirs  # left to pelican-sitemap as it was


def test_pelican_sitemaps_dict_writes_no_sitemap_of_ours(tmp_path):
    outcome, out = plain_build(
        tmp_path, 'SITEURL = "https://campaigns.example.org"', 'SITEMAP = {"format": "xml"}'
    )
    assert outcome.ok, [str(p) for p in outcome.problems]
    assert not (out / "sitemap.xml").exists()
    assert "Sitemap:" not in (out / "robots.txt").read_text()


def test_without_a_public_address_share_links_are_said_to_be_relative(tmp_path):
    outcome, out = plain_build(tmp_path)
    warned = [w for w in outcome.warnings if w.the_code == CANONICAL_WARNING]
    conf = str(tmp_path / "plainconf.py")  # the settings file it is about
    assert [(w.file, w.field) for w in warned] == [(conf, "MEGAPHONE_SITEURL")]
    canonical = soup(out / "park" / "index.html").select_one("link[rel=canonical]")["href"]
    assert not canonical.startswith("http")  # what the warning is about


def test_the_warning_is_said_once_however_many_campaigns(tmp_path):
    files = {f"{slug}.md": campaign_md(slug=slug) for slug in ("a", "b", "c")}
    # Each campaign in its own folder, as its flyer and reminder need (pelicanconf.py's).
    folders = {"ARTICLE_URL": "{slug}/", "ARTICLE_SAVE_AS": "{slug}/index.html"}
    outcome, _ = plain_build(tmp_path, files=files, **folders)
    assert outcome.ok, [str(p) for p in outcome.problems]
    assert codes(outcome).count(CANONICAL_WARNING) == 1


def test_a_public_address_takes_the_warning_away(tmp_path):
    outcome, out = plain_build(tmp_path, 'MEGAPHONE_SITEURL = "https://campaigns.example.org"')
    assert CANONICAL_WARNING not in codes(outcome)
    canonical = soup(out / "park" / "index.html").select_one("link[rel=canonical]")["href"]
    assert canonical == "https://campaigns.example.org/park/"


def test_an_absolute_siteurl_is_the_public_address_by_default(tmp_path):
    outcome, out = plain_build(tmp_path, 'SITEURL = "https://example.github.io/campaigns/"')
    assert outcome.ok and CANONICAL_WARNING not in codes(outcome)
    canonical = soup(out / "park" / "index.html").select_one("link[rel=canonical]")["href"]
    assert canonical == "https://example.github.io/campaigns/park/"


def test_no_warning_when_no_page_has_share_links(tmp_path):
    closed = {"park.md": campaign_md(slug="park", deadline="2020-01-31")}
    outcome, _ = plain_build(tmp_path, files=closed)
    assert outcome.ok and CANONICAL_WARNING not in codes(outcome)


def test_a_settings_problem_is_a_campaign_problem_in_process(tmp_path):
    from pelican import Pelican

    content = write_site(tmp_path, {"park.md": campaign_md(slug="park")})
    settings = plain_settings(
        PATH=str(content),
        OUTPUT_PATH=str(tmp_path / "out"),
        CACHE_PATH=str(tmp_path / "cache"),
        CAMPAIGN_TIMEZONE="Gotham/City",
    )
    with pytest.raises(CampaignProblems) as stop:
        Pelican(settings).run()
    assert [(p.field, p.code) for p in stop.value.problems] == [
        ("CAMPAIGN_TIMEZONE", "site-timezone-unknown")
    ]


def test_a_blank_address_or_time_zone_is_the_default():
    """As `CANONICAL_SITEURL or SITEURL` read them before: "" is "not given"."""
    settings = plain_settings(
        SITEURL="https://campaigns.example.org", MEGAPHONE_SITEURL="", CAMPAIGN_TIMEZONE=""
    )
    assert fill_in(settings) == []
    assert settings["MEGAPHONE_SITEURL"] == "https://campaigns.example.org"
    assert settings["MEGAPHONE_TIMEZONE"] == "UTC"


def test_two_campaigns_on_a_plain_site_each_get_their_folder(tmp_path):
    """Pelican's {slug}.html would put both flyers at flyer/: the plugin's layout instead."""
    files = {"park.md": campaign_md(slug="park"), "pool.md": campaign_md(slug="pool")}
    outcome, out = plain_build(tmp_path, files=files, MEGAPHONE_TODAY="2021-01-01")
    assert outcome.ok, [str(p) for p in outcome.problems]
    for slug in ("park", "pool"):
        assert (out / slug / "index.html").exists()
        assert (out / slug / "flyer" / "index.html").exists()


@pytest.mark.parametrize(
    "layout",
    [
        {},  # Pelican's {slug}.html
        {"ARTICLE_URL": "campaigns/{slug}.html", "ARTICLE_SAVE_AS": "campaigns/{slug}.html"},
        {"ARTICLE_URL": "{slug}.html", "ARTICLE_SAVE_AS": "{slug}/index.html"},
    ],
)
def test_a_strict_site_gives_each_campaign_a_folder_whatever_its_layout(tmp_path, layout):
    """As on a blog (tests/test_scope.py): the page, its flyer and its reminder together,
    and links to the folder."""
    files = {"park.md": campaign_md(slug="park"), "pool.md": campaign_md(slug="pool")}
    outcome, out = plain_build(
        tmp_path, files=files, MEGAPHONE_TODAY="2021-01-01", MEGAPHONE_STRICT=True, **layout
    )
    assert outcome.ok, [str(p) for p in outcome.problems]
    folder = "campaigns/" if "campaigns/" in layout.get("ARTICLE_URL", "") else ""
    for slug in ("park", "pool"):
        assert (out / folder / slug / "index.html").exists()
        assert (out / folder / slug / "flyer" / "index.html").exists()
        assert (out / folder / slug / "remind.ics").exists()
    home = (out / "index.html").read_text("utf-8")
    assert f'href="/{folder}park/"' in home


def test_a_problem_names_the_settings_file_it_is_in(tmp_path):
    outcome, _ = plain_build(tmp_path, "MEGAPHONE_HOME_CLOSED = -1")
    assert [(p.file, p.field, p.code) for p in outcome.problems] == [
        (str(tmp_path / "plainconf.py"), "MEGAPHONE_HOME_CLOSED", "setting-home-closed")
    ]


@pytest.mark.parametrize("cache", [True, False])
def test_a_site_whose_jinja_settings_leave_out_autoescape_gets_escaped_pages(tmp_path, cache):
    """Pelican's Jinja does not escape by default; Megaphone's default turns it on, and the
    build cache's own Jinja settings (a bytecode cache) must keep it, cache or none."""
    subject = 'Save "the park" & <b>pool</b>'
    files = {"park.md": campaign_md(slug="park", subject=subject)}
    jinja = "JINJA_ENVIRONMENT = {'extensions': ['jinja2.ext.i18n']}"
    outcome, out = plain_build(
        tmp_path, jinja, files=files, MEGAPHONE_TODAY="2021-01-01", MEGAPHONE_CACHE=cache
    )
    assert outcome.ok, (outcome.failure, [str(p) for p in outcome.problems])
    html = (out / "park" / "index.html").read_text("utf-8")
    assert "<b>pool</b>" not in html and "&lt;b&gt;pool&lt;/b&gt;" in html
    assert soup(out / "park" / "index.html").select_one("[data-subject]")["data-subject"] == subject


def test_a_theme_template_that_fails_while_rendering_is_named_with_its_line(tmp_path):
    """`make html` says where a theme's own template went wrong, not only Jinja's words."""
    from jinja2 import Environment, FileSystemLoader, TemplateError

    from pelican.plugins.megaphone.commands.pelican_run import in_a_template

    (tmp_path / "page.html").write_text("<p>\n{{ a }}\n{{ a.missing.deeper }}\n", "utf-8")
    (tmp_path / "open.html").write_text("<p>\n{% if a %}\n", "utf-8")
    env = Environment(loader=FileSystemLoader(str(tmp_path)))
    for name, line in (("page.html", 3), ("open.html", 2)):
        with pytest.raises(TemplateError) as failed:
            env.get_template(name).render(a={})
        assert in_a_template(failed.value) == f" (in {tmp_path / name}, line {line})"
    assert in_a_template(ValueError("no template")) == ""
