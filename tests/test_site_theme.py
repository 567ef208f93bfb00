"""A campaign page in the site's own theme (issue 20, section 3): a blog on Pelican's
`simple` and `notmyidea` themes, with pelican-sitemap beside Megaphone, Typogrify and
codehilite on, Markdown and reStructuredText articles, a page and static files."""

import datetime
import logging
import os
import shutil
from pathlib import Path

import pytest
from pelican import Pelican
from pelican.settings import read_settings
from test_scope import PDF, ROBOTS, write_blog

from decoders import form_decode, rfc_decode
from helpers import campaign_md, disconnect_receivers_since, signal_receivers, soup
from pelican.plugins.megaphone.model.report import CampaignProblems
from settings_under_test import ROOT

CODE_POST = (
    "Title: Some code\nDate: 2021-01-04\nSlug: code\n\n"
    '"Quotes" -- and code:\n\n```python\nx = 1\n```\n'
)
LETTER = 'Dear Council,\n\nPlease keep the "park" open -- for everyone.\n\nThank you,\n[Your name]'
TO, SUBJECT = "council@example.org", "Keep the park open"
THEMES = ("simple", "notmyidea")
# The files that list the blog's articles: a campaign is one of them, so these list it
# too (its category, misc, is every article's: USE_FOLDER_AS_CATEGORY is off).
LISTINGS = {
    "index.html",
    "archives.html",
    "authors.html",  # each author's and category's number of articles
    "categories.html",
    "author/megaphone-volunteers.html",
    "category/misc.html",
    "feeds/all.atom.xml",
    "feeds/all-en.atom.xml",
    "feeds/misc.atom.xml",
    "feeds/megaphone-volunteers.atom.xml",
    "feeds/megaphone-volunteers.rss.xml",
    "sitemap.xml",  # pelican-sitemap's: every page of the site
}


class FixedNow(datetime.datetime):
    """pelican-sitemap dates the pages without a date by the time of the build."""

    @classmethod
    def now(cls, tz=None):
        return cls(2021, 1, 1, 12, 0, 0, tzinfo=tz)


@pytest.fixture(autouse=True)
def fixed_sitemap_time(monkeypatch):
    import pelican.plugins.sitemap.sitemap as sitemap

    monkeypatch.setattr(sitemap, "datetime", FixedNow)


def blog(root: Path, campaign: str | None = None) -> Path:
    content = write_blog(root, campaign)
    (content / "posts" / "code.md").write_text(CODE_POST, "utf-8")
    return content


def build_blog(content: Path, output: Path, theme: str, plugin: bool = True, **override) -> Path:
    """Pelican's own defaults, as a blog has them, and the blog's few settings."""
    settings = read_settings(
        None,
        override={
            "PATH": str(content),
            "OUTPUT_PATH": str(output),
            "THEME": theme,
            "PLUGINS": ["sitemap", "megaphone"] if plugin else ["sitemap"],
            "AUTHOR": "Megaphone volunteers",
            "SITEURL": "",
            "TIMEZONE": "UTC",
            "ARTICLE_PATHS": ["posts", "campaigns"],
            "PAGE_PATHS": ["pages"],
            "STATIC_PATHS": ["images", "files", "extra/robots.txt"],
            "EXTRA_PATH_METADATA": {"extra/robots.txt": {"path": "robots.txt"}},
            "TYPOGRIFY": True,
            # One category for every article, so the menu of every page stays as it was.
            "USE_FOLDER_AS_CATEGORY": False,
            "MARKDOWN": {
                "extension_configs": {
                    "markdown.extensions.codehilite": {"css_class": "highlight"},
                    "markdown.extensions.extra": {},
                    "markdown.extensions.meta": {},
                },
                "output_format": "html5",
            },
            "SITEMAP": {"format": "xml"},
            # Not the tests' shared compiled templates (conftest.py): a template compiled
            # by another test's site, with its autoescaping, is not this blog's.
            "JINJA_ENVIRONMENT": {"extensions": [], "bytecode_cache": None},
            "FEED_DOMAIN": "http://blog.example.org",
            "CACHE_CONTENT": False,
            "LOAD_CONTENT_CACHE": False,
            "CACHE_PATH": str(output.parent / f"{output.name}-cache"),
            "MEGAPHONE_TODAY": "2021-01-01",
            **override,
        },
    )
    before = signal_receivers()  # each build's plugins are its own
    try:
        Pelican(settings).run()
    finally:
        disconnect_receivers_since(before)
    return output


def every_file(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def the_campaign(**changes) -> str:
    return campaign_md(slug="park", to=TO, subject=SUBJECT, letter=LETTER, **changes)


@pytest.mark.parametrize("theme", THEMES)
def test_with_no_campaign_the_plugin_changes_no_byte(tmp_path, theme):
    content = blog(tmp_path)
    plain = every_file(build_blog(content, tmp_path / "plain", theme, plugin=False))
    with_plugin = every_file(build_blog(content, tmp_path / "with", theme))
    assert {"code.html", "notes.html", "files/report.pdf", "sitemap.xml"} <= set(plain)
    assert "highlight" in plain["code.html"].decode()  # codehilite, the blog's own
    assert "&#8220;" in plain["code.html"].decode()  # Typogrify's quotes
    assert with_plugin == plain


@pytest.mark.parametrize("cached", [False, True], ids=["cold", "warm"])
def test_a_blog_post_with_fields_named_like_megaphones_attributes_is_only_a_post(tmp_path, cached):
    """Pelican makes every header field an attribute of its article: a post's
    `Campaign_page:` or `Megaphone_cached_page:` is not a campaign, nor a page from the cache."""
    content = blog(tmp_path, the_campaign())
    (content / "posts" / "odd.md").write_text(
        "Title: Odd fields\nDate: 2020-05-01\nCampaign_page: yes\n"
        "Megaphone_cached_page: <script>alert(1)</script>\nMegaphone_page_key: k\n\nJust a post.\n",
        "utf-8",
    )
    if cached:
        build_blog(content, tmp_path / "first", "simple", CACHE_PATH=str(tmp_path / "c"))
    out = build_blog(content, tmp_path / "out", "simple", CACHE_PATH=str(tmp_path / "c"))
    post = (out / "odd-fields.html").read_text("utf-8")
    assert "<p>Just a&nbsp;post.</p>" in post and "alert(1)" not in post  # Typogrify's
    assert (out / "park" / "index.html").exists()


def test_a_blog_keeps_its_own_cache_settings(tmp_path):
    """No campaign yet: no cache folder at all. With a campaign: Megaphone's own cache of
    what it checked, and Pelican's cache of each file left off, as the blog has it."""
    content = blog(tmp_path)
    build_blog(content, tmp_path / "out", "simple")
    assert not (tmp_path / "out-cache").exists()
    (content / "campaigns").mkdir()
    (content / "campaigns" / "park.md").write_text(the_campaign(), "utf-8")
    build_blog(content, tmp_path / "out", "simple")
    kept = [
        p.relative_to(tmp_path / "out-cache").parts[0] for p in (tmp_path / "out-cache").rglob("*")
    ]
    assert "megaphone" in kept
    assert not list((tmp_path / "out-cache").rglob("ArticlesGenerator*"))  # Pelican's own


@pytest.mark.parametrize("theme", THEMES)
def test_a_campaign_page_inside_the_sites_theme(tmp_path, theme):
    content = blog(tmp_path)
    plain = every_file(build_blog(content, tmp_path / "plain", theme, plugin=False))
    (content / "campaigns").mkdir()
    (content / "campaigns" / "park.md").write_text(the_campaign(), "utf-8")
    out = build_blog(content, tmp_path / "with", theme)
    built = every_file(out)

    page = soup(out / "park" / "index.html")
    # The theme's own page around it: its header, navigation and footer.
    if theme == "simple":
        main = page.find("main")
        assert page.find("header").find("nav") is not None
        assert "Proudly powered by" in page.find("footer").get_text()
    else:
        main = page.find("body")
        assert page.find(id="banner") is not None and page.find(id="contentinfo") is not None
    # Its content block holds the campaign, send box and all.
    send = main.find("section", class_="send")
    assert send is not None and main.find("article", class_="campaign") is not None
    mailto = send.find("a", attrs={"data-link": "mailto"})["href"]
    for decode in (rfc_decode, form_decode):
        decoded = decode(mailto)
        assert decoded["to"] == [TO] and decoded["subject"] == SUBJECT
        assert decoded["body"] == LETTER.replace("\n", "\r\n")
    # Its title as written: not typographed (a &nbsp; would be shown, and shared).
    assert page.find("article", class_="campaign").find("h1").get_text() == "Keep the park open"
    # Megaphone's stylesheet and script, from the package, linked from the page.
    link = main.find("link", rel="stylesheet")["href"]
    script = main.find("script", src=True)["src"]
    assert link.startswith("/megaphone/") and script.startswith("/megaphone/")
    assert built[link.lstrip("/")].startswith(b"/* Megaphone")
    assert b"\nbody {" not in built[link.lstrip("/")]  # the theme styles its own page
    assert b"data-campaign" in built[script.lstrip("/")]
    # No promise about the whole page that only Megaphone's theme can keep.
    assert "loads nothing from other sites" not in page.get_text()
    # The page says what it is, in the theme's own <head>: title, language, address.
    assert page.find("title").get_text() == "Keep the park open"
    assert page.find("html")["lang"] == "en" and len(page.find_all("title")) == 1
    assert page.find("link", rel="canonical")["href"].endswith("/park/")
    # The flyer, in the theme too.
    flyer = soup(out / "park" / "flyer" / "index.html")
    assert flyer.find("article", class_="flyer") is not None
    assert (out / "park" / "remind.ics").exists()
    # _headers: for the campaign's pages and Megaphone's files only.
    headers = built["_headers"].decode()
    paths = [line for line in headers.splitlines() if not line.startswith((" ", "#"))]
    assert paths == ["/park/*", "/megaphone/*"]
    assert "style-src 'self'" in headers
    # The rest of the blog, byte for byte, but for the pages that list every article.
    ours = {"_headers", link.lstrip("/"), script.lstrip("/")}
    added = {name for name in built if name not in plain}
    assert {n for n in added if not n.startswith("park/")} == ours
    changed = {name for name in plain if built.get(name) != plain[name]}
    assert changed == LISTINGS
    assert plain["files/report.pdf"] == PDF and plain["robots.txt"] == ROBOTS


@pytest.mark.parametrize("theme", THEMES)
def test_a_translation_in_the_sites_theme_says_its_language_and_links_its_original(tmp_path, theme):
    content = blog(tmp_path)
    (content / "campaigns").mkdir()
    (content / "campaigns" / "park.md").write_text(the_campaign(), "utf-8")
    spanish = the_campaign(title="Que el parque siga abierto").replace(
        "Slug: park\n", "Slug: park\nLang: es\n"
    )
    (content / "campaigns" / "park.es.md").write_text(spanish, "utf-8")
    out = build_blog(content, tmp_path / "out", theme)
    english = soup(out / "park" / "index.html")
    es = soup(
        out / english.find("link", rel="alternate", hreflang="es")["href"].strip("/") / "index.html"
    )
    assert es.find("html")["lang"] == "es" and english.find("html")["lang"] == "en"
    assert es.find("title").get_text() == "Que el parque siga abierto"
    for page, other in ((english, "es"), (es, "en")):
        alternates = {a["hreflang"] for a in page.find_all("link", rel="alternate", hreflang=True)}
        assert alternates == {"en", "es"}
        switcher = page.find("nav", class_="languages")
        assert switcher.find("a", hreflang=other) is not None
    assert "jueves" in es.get_text() or "de 20" in es.get_text()  # its dates in Spanish


def test_which_files_a_campaign_adds(tmp_path):
    content = blog(tmp_path, the_campaign())
    built = every_file(build_blog(content, tmp_path / "with", "simple"))
    names = {n for n in built if n.startswith(("park/", "megaphone/", "_headers"))}
    kinds = sorted(n.rsplit(".", 1)[-1] if n.startswith("megaphone/") else n for n in names)
    assert kinds == [
        "_headers",
        "css",
        "js",
        "park/flyer/index.html",
        "park/index.html",
        "park/remind.ics",
    ]


CUSTOM_BASE = """<!doctype html>
<html><head><title>{{ SITENAME }}</title></head>
<body><div class="custom-header">Our group</div>
<div id="main">{% block main %}{% endblock %}</div>
<div class="custom-footer">Made by us</div></body></html>
"""
CUSTOM_ARTICLE = """{% extends "layout.html" %}
{% block main %}<h1>{{ article.title }}</h1>{{ article.content }}{% endblock %}
"""


def custom_theme(root: Path, base: str = CUSTOM_BASE) -> Path:
    theme = root / "custom-theme"
    templates = theme / "templates"
    templates.mkdir(parents=True)
    (templates / "layout.html").write_text(base, "utf-8")
    for name in ("article.html", "page.html"):
        (templates / name).write_text(CUSTOM_ARTICLE.replace("article.", name[:-5] + "."), "utf-8")
    for name in ("index", "archives", "tags", "categories", "authors", "category", "tag"):
        (templates / f"{name}.html").write_text('{% extends "layout.html" %}', "utf-8")
    (templates / "author.html").write_text('{% extends "layout.html" %}', "utf-8")
    (theme / "static").mkdir()
    return theme


def test_another_base_template_and_block(tmp_path):
    theme = custom_theme(tmp_path)
    content = blog(tmp_path, the_campaign())
    out = build_blog(
        content,
        tmp_path / "out",
        str(theme),
        MEGAPHONE_BASE_TEMPLATE="layout.html",
        MEGAPHONE_CONTENT_BLOCK="main",
    )
    page = soup(out / "park" / "index.html")
    assert page.find(class_="custom-header") and page.find(class_="custom-footer")
    assert page.find(id="main").find("section", class_="send") is not None


OWN_CAMPAIGN_PAGE = """{% extends "layout.html" %}
{% import "megaphone/macros.html" as megaphone with context %}
{% block main %}
{{ megaphone.assets() }}
{% call megaphone.root(article) %}
<div class="our-top">{{ megaphone.header(article) }}</div>
<div class="our-letter">{{ megaphone.letter(article) }}</div>
<div class="our-send">{{ megaphone.send_box(article) }}</div>
<div class="our-share">{{ megaphone.share_links(article) }}</div>
{% endcall %}
{{ megaphone.privacy(article) }}
{% endblock %}
"""


def test_a_theme_places_the_pieces_itself(tmp_path):
    """A theme's own megaphone/campaign.html, made of the macros (docs/site-owners.md)."""
    theme = custom_theme(tmp_path)
    (theme / "templates" / "megaphone").mkdir()
    (theme / "templates" / "megaphone" / "campaign.html").write_text(OWN_CAMPAIGN_PAGE, "utf-8")
    content = blog(tmp_path, the_campaign())
    out = build_blog(content, tmp_path / "out", str(theme), MEGAPHONE_CONTENT_BLOCK="nowhere")
    page = soup(out / "park" / "index.html")
    root = page.find(id="main").find(attrs={"data-campaign": True})
    assert root["data-to"] == TO and root["data-subject"] == SUBJECT
    assert root.find(class_="our-top").find("h1").get_text() == "Keep the park open"
    assert root.find(class_="our-top").find(attrs={"data-countdown": True}) is not None
    assert root.find(class_="our-letter").find("pre").get_text() == LETTER
    mailto = root.find(class_="our-send").find("a", attrs={"data-link": "mailto"})["href"]
    assert rfc_decode(mailto)["body"] == LETTER.replace("\n", "\r\n")
    assert root.find(class_="our-share").find("ul", class_="share-links") is not None
    assert page.find("link", rel="stylesheet")["href"].startswith("/megaphone/")


def problems(content: Path, output: Path, theme: str, **override) -> list[tuple[str, str]]:
    with pytest.raises(CampaignProblems) as stop:
        build_blog(content, output, theme, **override)
    return sorted((p.file.rsplit("/", 1)[-1], p.code) for p in stop.value.problems)


def own_page_problems(tmp_path, template: str, name: str = "campaign.html") -> list:
    theme = custom_theme(tmp_path)
    (theme / "templates" / "megaphone").mkdir()
    (theme / "templates" / "megaphone" / name).write_text(template, "utf-8")
    content = blog(tmp_path, the_campaign())
    with pytest.raises(CampaignProblems) as stop:
        build_blog(content, tmp_path / "out", str(theme))
    assert not (tmp_path / "out" / "park").exists()  # stopped before any page
    return [(Path(p.file).name, p.line, p.code) for p in stop.value.problems]


@pytest.mark.parametrize(
    "mistake, line",
    [
        ("{% block main %}\n{{ megaphone.letter(article) }}\n", 2),  # never ended
        ("{% block main %}{% endblock %}\n{% block main %}{% endblock %}", 2),  # twice
        ("{% block main %}\n\n{{ megaphone.letter(article) }\n{% endblock %}", 3),
    ],
)
def test_a_theme_campaign_page_jinja_cannot_read_is_a_plain_problem(tmp_path, mistake, line):
    template = OWN_CAMPAIGN_PAGE.split("{% block main %}")[0] + mistake
    found = own_page_problems(tmp_path, template)
    assert found == [("campaign.html", line + 2, "site-theme-template-broken")]


def test_a_piece_the_macros_do_not_have_is_named_at_its_line(tmp_path):
    template = OWN_CAMPAIGN_PAGE.replace("megaphone.send_box(", "megaphone.sendbox(")
    found = own_page_problems(tmp_path, template)
    assert found == [("campaign.html", 8, "site-theme-piece-unknown")]


def test_a_piece_imported_by_name_is_checked_too(tmp_path):
    template = (
        '{% extends "layout.html" %}\n'
        '{% from "megaphone/macros.html" import letter, sendbox with context %}\n'
        "{% block main %}{{ letter(article) }}{% endblock %}"
    )
    found = own_page_problems(tmp_path, template)
    assert found == [("campaign.html", 2, "site-theme-piece-unknown")]


def test_a_theme_flyer_that_extends_a_template_that_is_nowhere(tmp_path):
    (tmp_path / "x").mkdir()
    theme = custom_theme(tmp_path / "x")
    (theme / "templates" / "megaphone").mkdir()
    (theme / "templates" / "megaphone" / "campaign.html").write_text(OWN_CAMPAIGN_PAGE, "utf-8")
    flyer = '{% import "megaphone/macros.html" as m %}\n{% extends "layuot.html" %}'
    (theme / "templates" / "megaphone" / "flyer.html").write_text(flyer, "utf-8")
    content = blog(tmp_path, the_campaign())
    with pytest.raises(CampaignProblems) as stop:
        build_blog(content, tmp_path / "out", str(theme))
    found = [(Path(p.file).name, p.line, p.code) for p in stop.value.problems]
    assert found == [("flyer.html", 2, "site-theme-template-names-nothing")]


def test_the_pieces_a_theme_can_place_are_the_documented_ones():
    """docs/site-owners.md lists the pieces: the check's list is the macros' own."""
    from jinja2 import Environment

    from pelican.plugins.megaphone.site.site_theme import macro_names

    documented = (ROOT / "docs" / "site-owners.md").read_text("utf-8")
    names = macro_names(Environment(extensions=["jinja2.ext.i18n"]))
    assert {"send_box", "letter", "countdown", "targets", "share_links"} <= names
    assert all(f"`{name}" in documented for name in names), names


def test_a_block_the_theme_does_not_have_is_a_plain_problem(tmp_path):
    theme = custom_theme(tmp_path)
    content = blog(tmp_path, the_campaign())
    found = problems(content, tmp_path / "out", str(theme), MEGAPHONE_BASE_TEMPLATE="layout.html")
    assert found == [("park.md", "site-theme-block-missing")]


def test_a_template_the_theme_does_not_have_is_a_plain_problem(tmp_path):
    content = blog(tmp_path, the_campaign())
    found = problems(content, tmp_path / "out", "simple", MEGAPHONE_BASE_TEMPLATE="layout.html")
    assert found == [("park.md", "site-theme-template-missing")]


def test_a_theme_without_base_html_is_not_quietly_given_pelicans_simple_one(tmp_path):
    """Pelican's loader falls back to its `simple` theme's base.html: the campaign page
    would be a page of another theme. A plain problem, naming the theme's templates."""
    theme = custom_theme(tmp_path)  # layout.html, no base.html
    content = blog(tmp_path, the_campaign())
    with pytest.raises(CampaignProblems) as stop:
        build_blog(content, tmp_path / "out", str(theme))
    [problem] = stop.value.problems
    assert problem.code == "site-theme-template-missing"
    assert "layout.html" in problem.message and "'base.html'" in problem.message
    assert not (tmp_path / "out" / "park").exists()


@pytest.mark.parametrize("value", ["", "{{ x }}.html", "/etc/base.html"])
def test_a_base_template_setting_that_is_no_name(tmp_path, value):
    content = blog(tmp_path, the_campaign())
    found = problems(content, tmp_path / "out", "simple", MEGAPHONE_BASE_TEMPLATE=value)
    assert found == [("pelicanconf.py", "setting-site-theme")]


@pytest.mark.parametrize("value", ["", "main content", "x-y", 3])
def test_a_content_block_setting_that_is_no_name(tmp_path, value):
    content = blog(tmp_path, the_campaign())
    found = problems(content, tmp_path / "out", "simple", MEGAPHONE_CONTENT_BLOCK=value)
    assert found == [("pelicanconf.py", "setting-site-theme")]


def test_a_theme_that_loads_a_font_from_another_site_is_warned_of(tmp_path, caplog):
    font = '<link rel="preconnect" href="https://fonts.gstatic.com">\n'
    font += '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Inter">\n'
    theme = custom_theme(tmp_path, CUSTOM_BASE.replace("</head>", font + "</head>"))
    content = blog(tmp_path, the_campaign())
    with caplog.at_level(logging.WARNING):
        out = build_blog(
            content,
            tmp_path / "out",
            str(theme),
            MEGAPHONE_BASE_TEMPLATE="layout.html",
            MEGAPHONE_CONTENT_BLOCK="main",
        )
    said = [r.getMessage() for r in caplog.records if "site-theme-other-hosts" in r.getMessage()]
    assert len(said) == 2  # the campaign page, and its flyer
    assert all("fonts.googleapis.com, fonts.gstatic.com" in text for text in said)
    assert "park/index.html" in said[0] and "park/flyer/index.html" in said[1]
    assert (out / "park" / "index.html").exists()  # a warning: the site is built


@pytest.mark.parametrize("theme", THEMES)
def test_a_theme_that_loads_nothing_from_elsewhere_is_not_warned_of(tmp_path, caplog, theme):
    content = blog(tmp_path, the_campaign())
    with caplog.at_level(logging.WARNING):
        build_blog(content, tmp_path / "out", theme)
    said = [r.getMessage() for r in caplog.records]
    assert not [t for t in said if "site-theme-other-hosts" in t or "site-theme-inline" in t]


def test_code_a_theme_writes_into_its_pages_is_said_to_be_blocked_there(tmp_path, caplog):
    """The campaign pages' policy in _headers lets only the site's files run and style
    them: a theme's inline script, style element and style attribute are said, once a page."""
    inline = '<style>body { color: #222; }</style>\n<script>document.title += "!";</script>\n'
    inline += '<script type="application/ld+json">{"@type": "Organization"}</script>\n'
    base = CUSTOM_BASE.replace("</head>", inline + "</head>")
    theme = custom_theme(tmp_path, base.replace("<body", '<body style="margin: 0"'))
    content = blog(tmp_path, the_campaign())
    with caplog.at_level(logging.WARNING):
        build_blog(
            content,
            tmp_path / "out",
            str(theme),
            MEGAPHONE_BASE_TEMPLATE="layout.html",
            MEGAPHONE_CONTENT_BLOCK="main",
        )
    said = [r.getMessage() for r in caplog.records if "site-theme-inline-code" in r.getMessage()]
    assert len(said) == 2 and "park/index.html" in said[0]  # the page, and its flyer
    assert "(<script>, <style>, style=)" in said[0]


def test_a_second_build_from_the_cache_is_the_same_site(tmp_path):
    content = blog(tmp_path, the_campaign())
    cache = str(tmp_path / "cache")
    first = every_file(build_blog(content, tmp_path / "first", "simple", CACHE_PATH=cache))
    second = every_file(build_blog(content, tmp_path / "second", "simple", CACHE_PATH=cache))
    assert any(name.startswith("megaphone/") for name in first)
    assert second == first


def test_what_counts_as_loading_from_another_site():
    from pelican.plugins.megaphone.site.site_theme import other_hosts

    html = """
    <link rel="stylesheet" href="/theme/css/main.css">
    <link rel="preconnect" href="https://fonts.gstatic.com">
    <link rel="alternate" href="https://feeds.example.net/all.atom.xml">
    <script src="//cdn.example.com/x.js"></script>
    <iframe src="https://video.example.org/embed/1"></iframe>
    <img srcset="https://img.example.org/a.png 1x, /b.png 2x" src="/b.png">
    <div style="background: url('https://bg.example.org/p.png')"></div>
    <style>@import "https://css.example.org/a.css"; body { font: 1em x; }</style>
    <a href="https://elsewhere.example.org/">a link loads nothing</a>
    <img src="https://www.example.org/own.png">
    """
    assert other_hosts(html, {"www.example.org"}) == [
        "bg.example.org",
        "cdn.example.com",
        "css.example.org",
        "fonts.gstatic.com",
        "img.example.org",
        "video.example.org",
    ]


def test_a_killed_builds_template_folder_is_removed_by_the_next_build(tmp_path):
    """atexit does not run when `pelican -r` is stopped with SIGTERM: the next build of
    a site in its own theme removes the folders of processes that are gone."""
    import subprocess
    import sys
    import tempfile

    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        text=True,
        capture_output=True,
        check=True,
    ).stdout.strip()
    left = Path(tempfile.gettempdir()) / f"megaphone-templates-{gone}-abc"
    mine = Path(tempfile.gettempdir()) / f"megaphone-templates-{os.getpid()}-mine"
    for folder in (left, mine):
        (folder / "megaphone").mkdir(parents=True, exist_ok=True)
    try:
        build_blog(blog(tmp_path, the_campaign()), tmp_path / "out", "simple")
        assert not left.exists() and mine.exists()
    finally:
        shutil.rmtree(left, ignore_errors=True)
        shutil.rmtree(mine, ignore_errors=True)


def test_in_a_sites_theme_megaphones_rules_reach_only_its_own_parts():
    """`button`, `.summary`, `.notice`, `[hidden]`...: in a site's theme each rule is for
    the campaign's (or its flyer's) elements only, so that the theme's own buttons and
    summaries keep their look on a campaign page."""
    import re

    from pelican.plugins.megaphone import theme_path
    from pelican.plugins.megaphone.site.site_theme import site_theme_stylesheet

    source = (Path(theme_path()) / "static" / "css" / "megaphone.css").read_text("utf-8")
    css = re.sub(r"/\*.*?\*/", "", site_theme_stylesheet(source), flags=re.S)
    preludes = [p.strip() for p in re.findall(r"([^{}]+)\{", css) if not p.strip().startswith("@")]
    own = (".campaign", ".flyer", ".megaphone-part", "[data-", "#", ":root")
    loose = [
        selector.strip()
        for prelude in preludes
        for selector in re.split(r",(?![^(]*\))", prelude)
        if not selector.strip().startswith(own)
    ]
    assert loose == []
    assert ".campaign button, .flyer button {" in css and ".campaign .summary," in css
    assert "\nbutton {" not in css and "\n.summary {" not in css
    assert ".megaphone-part .languages ul" in css and "\n.privacy {" not in css


def test_a_themes_own_languages_and_privacy_classes_keep_their_look(tmp_path):
    """Megaphone's rules for its language links and privacy note reach them, wherever
    the macros put them, and not a theme's own `.languages` or `.privacy`."""
    from pelican.plugins.megaphone.site.site_theme import site_theme_stylesheet

    theme = custom_theme(
        tmp_path,
        CUSTOM_BASE.replace(
            "<body>", '<body><ul class="languages"><li>theme</li></ul><p class="privacy">ours</p>'
        ),
    )
    (theme / "templates" / "megaphone").mkdir()
    (theme / "templates" / "megaphone" / "campaign.html").write_text(OWN_CAMPAIGN_PAGE, "utf-8")
    content = blog(tmp_path, the_campaign())
    out = build_blog(content, tmp_path / "out", str(theme))
    page = soup(out / "park" / "index.html")
    for theirs in (page.find("p", class_="privacy"), page.find("ul", class_="languages")):
        assert theirs.find_parent(class_=["megaphone-part", "campaign", "flyer"]) is None
    assert page.find("aside", class_="privacy").find_parent(class_="megaphone-part")
    from pelican.plugins.megaphone import theme_path

    source = (Path(theme_path()) / "static" / "css" / "megaphone.css").read_text("utf-8")
    css = site_theme_stylesheet(source)
    assert "\n.campaign .privacy, .flyer .privacy, .megaphone-part .privacy {" in css


def test_a_theme_page_without_the_call_is_told_to_place_it(tmp_path):
    theme = custom_theme(tmp_path)
    (theme / "templates" / "megaphone").mkdir()
    own = theme / "templates" / "megaphone" / "campaign.html"
    own.write_text(OWN_CAMPAIGN_PAGE, "utf-8")
    call = the_campaign().replace("Subject:", "Call: 212-639-9675\nSubject:")
    call += "\n```call\nHello, please keep the park open.\n```\n"
    content = blog(tmp_path, call)
    found = problems(content, tmp_path / "out", str(theme))
    assert found == [("park.md", "site-theme-piece-missing")]
    own.write_text(
        OWN_CAMPAIGN_PAGE.replace("{% endcall %}", "{{ megaphone.call(article) }}\n{% endcall %}"),
        "utf-8",
    )
    out = build_blog(content, tmp_path / "out2", str(theme))
    page = soup(out / "park" / "index.html")
    assert page.find(attrs={"data-call-link": True})["href"] == "tel:+12126399675"
