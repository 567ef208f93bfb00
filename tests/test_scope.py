"""A blog that adds the plugin: campaigns are the Markdown files of the campaign
folders, and the rest of the site is Pelican's (MEGAPHONE_STRICT off); with
MEGAPHONE_STRICT = True the whole site is a campaign site's, as this repository's."""

from pathlib import Path

import pytest

from helpers import build, campaign_md, soup
from pelican.plugins.megaphone.model.report import CampaignProblems

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
ROBOTS = b"User-agent: *\nDisallow: /private/\n"
# Ordinary blog HTML that a campaign's checks would refuse: an iframe, a style.
POST = (
    "Title: Hello, readers\nDate: 2021-01-02\nSlug: hello\n\n"
    'A *post* with <span style="color: red">style</span>, the '
    "[report]({static}/files/report.pdf) and a video:\n\n"
    '<iframe src="https://video.example.org/embed/1"></iframe>\n'
)
RST_POST = (
    "Notes from the meeting\n######################\n\n:date: 2021-01-03\n:slug: notes\n\n"
    "Some *notes*, in reStructuredText.\n"
)
PAGE = "Title: About us\nSlug: about\n\nWe are a *neighbourhood* group.\n"

# The blog's own settings, over this repository's (read_settings(override=...)).
BLOG = {
    "MEGAPHONE_STRICT": False,
    "ARTICLE_PATHS": ["posts", "campaigns"],
    "PAGE_PATHS": ["pages"],
    "STATIC_PATHS": ["images", "files", "extra/robots.txt"],
    "EXTRA_PATH_METADATA": {"extra/robots.txt": {"path": "robots.txt"}},
    "READERS": {},  # Pelican's own: reStructuredText and HTML articles too
}


def write_blog(root: Path, campaign: str | None = None) -> Path:
    content = root / "content"
    files = {
        "posts/hello.md": POST,
        "posts/notes.rst": RST_POST,
        "pages/about.md": PAGE,
        "files/report.pdf": PDF,
        "extra/robots.txt": ROBOTS,
    }
    if campaign is not None:
        files["campaigns/park.md"] = campaign
    for name, data in files.items():
        path = content / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return content


def problems(content: Path, output: Path, **override) -> list[tuple[str, str]]:
    with pytest.raises(CampaignProblems) as stop:
        build(content, output, "2021-01-01", **override)
    return sorted((p.file.rsplit("/", 1)[-1], p.code) for p in stop.value.problems)


def test_the_blog_is_built_as_pelican_builds_it_and_the_campaign_as_a_campaign(tmp_path):
    content = write_blog(tmp_path, campaign_md(slug="park"))
    out = build(content, tmp_path / "output", "2021-01-01", **BLOG)
    # The blog's static files, copied as they are: not refused, not written again.
    assert (out / "files" / "report.pdf").read_bytes() == PDF
    assert (out / "robots.txt").read_bytes() == ROBOTS
    # Its articles and page, with their own HTML.
    hello = (out / "hello" / "index.html").read_text("utf-8")
    assert '<iframe src="https://video.example.org/embed/1"></iframe>' in hello
    assert '<span style="color: red">style</span>' in hello
    assert 'href="/files/report.pdf"' in hello
    assert "<em>notes</em>" in (out / "notes" / "index.html").read_text("utf-8")
    assert "<em>neighbourhood</em>" in (out / "about" / "index.html").read_text("utf-8")
    # The campaign, as a campaign: its send button, its flyer, its calendar file.
    park = soup(out / "park" / "index.html")
    assert park.find(attrs={"data-megaphone-letter": True}) or "mailto:" in str(park)
    assert (out / "park" / "flyer" / "index.html").exists()
    assert (out / "park" / "remind.ics").exists()


def test_a_broken_campaign_still_fails_with_its_code(tmp_path):
    content = write_blog(tmp_path, campaign_md(slug="park", to="nobody"))
    assert problems(content, tmp_path / "output", **BLOG) == [("park.md", "address-invalid")]


def test_a_campaign_missing_its_fields_is_still_a_campaign(tmp_path):
    content = write_blog(tmp_path, "Title: Park\nDate: 2021-01-01\n\nNo letter.\n")
    found = {code for _, code in problems(content, tmp_path / "output", **BLOG)}
    assert {"to-missing", "deadline-missing"} <= found


def test_a_file_in_the_campaign_folder_that_is_not_markdown(tmp_path):
    content = write_blog(tmp_path, campaign_md(slug="park"))
    (content / "campaigns" / "other.rst").write_text(RST_POST.replace("notes", "other"), "utf-8")
    (content / "campaigns" / "todo.txt").write_text("call the council\n", "utf-8")
    assert problems(content, tmp_path / "output", **BLOG) == [
        ("other.rst", "campaign-not-markdown"),
        ("todo.txt", "campaign-not-markdown"),
    ]


def test_a_campaign_picture_is_checked_and_the_blogs_files_are_not(tmp_path):
    campaign = campaign_md(slug="park").replace("Date:", "Image: images/park.png\nDate:")
    content = write_blog(tmp_path, campaign)
    (content / "images").mkdir()
    (content / "images" / "park.png").write_bytes(b"<html>not a picture</html>")
    assert problems(content, tmp_path / "output", **BLOG) == [
        ("park.md", "static-not-image"),  # its Image: line
        ("park.png", "static-link-outside"),  # the file Pelican was to copy
    ]


def test_a_campaign_folder_the_site_does_not_read(tmp_path):
    content = write_blog(tmp_path, campaign_md(slug="park"))
    found = problems(content, tmp_path / "output", **{**BLOG, "ARTICLE_PATHS": ["posts"]})
    assert found == [("pelicanconf.py", "campaign-paths-not-read")]
    with pytest.raises(CampaignProblems) as stop:
        build(content, tmp_path / "output", "2021-01-01", **{**BLOG, "ARTICLE_PATHS": ["posts"]})
    assert "ARTICLE_PATHS = ['posts', 'campaigns']" in str(stop.value)


def test_a_site_with_no_campaign_folder_builds_as_it_did(tmp_path):
    """Installed, the plugin is loaded by a site with no PLUGINS setting before any
    campaign is written: a blog that reads only posts/ must not stop."""
    content = write_blog(tmp_path)
    out = build(content, tmp_path / "output", "2021-01-01", **{**BLOG, "ARTICLE_PATHS": ["posts"]})
    assert (out / "hello" / "index.html").exists()


def test_a_campaign_folder_read_as_pages(tmp_path):
    content = write_blog(tmp_path)
    settings = {**BLOG, "MEGAPHONE_CAMPAIGN_PATHS": ["pages"]}
    with pytest.raises(CampaignProblems) as stop:
        build(content, tmp_path / "output", "2021-01-01", **settings)
    assert [(p.file, p.field, p.code) for p in stop.value.problems] == [
        ("pelicanconf.py", "PAGE_PATHS", "campaign-paths-not-read")
    ]
    assert "take 'pages' out of PAGE_PATHS, ARTICLE_PATHS = ['posts', 'campaigns', 'pages']" in (
        str(stop.value)
    )


def test_campaign_paths_is_an_alias_of_megaphone_campaign_paths(tmp_path):
    content = write_blog(tmp_path)
    (content / "actions").mkdir()
    (content / "actions" / "park.md").write_text(campaign_md(slug="park", to="nobody"), "utf-8")
    settings = {**BLOG, "ARTICLE_PATHS": ["posts", "actions"]}
    # Not a campaign folder: an ordinary article, built as Pelican builds it.
    out = build(
        content,
        tmp_path / "output",
        "2021-01-01",
        **{**BLOG, "ARTICLE_PATHS": ["posts", "actions", "campaigns"]},
    )
    assert (out / "park" / "index.html").exists()
    found = problems(content, tmp_path / "output2", **settings, CAMPAIGN_PATHS=["actions"])
    assert found == [("park.md", "address-invalid")]
    found = problems(
        content,
        tmp_path / "output3",
        **settings,
        CAMPAIGN_PATHS=["elsewhere"],
        MEGAPHONE_CAMPAIGN_PATHS=["actions"],
    )
    assert found == [("pelicanconf.py", "setting-both-names")]  # as every renamed setting


def test_the_same_blog_is_refused_with_strictness_on(tmp_path):
    content = write_blog(tmp_path, campaign_md(slug="park"))
    found = problems(content, tmp_path / "output", **{**BLOG, "MEGAPHONE_STRICT": True})
    codes = {code for _, code in found}
    files = {file for file, _ in found}
    assert {"page-not-campaign", "static-not-image", "to-missing"} <= codes
    assert {"about.md", "report.pdf", "robots.txt", "hello.md", "notes.rst"} <= files


def every_file(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_with_pelicans_simple_theme_the_blog_is_byte_for_byte_pelicans(tmp_path):
    """Without campaigns, on the `simple` theme: exactly what Pelican writes without the plugin."""
    content = write_blog(tmp_path)
    settings = {**BLOG, "THEME": "simple"}
    plain = every_file(build(content, tmp_path / "plain", "2021-01-01", PLUGINS=[], **settings))
    with_plugin = every_file(build(content, tmp_path / "with", "2021-01-01", **settings))
    assert "hello/index.html" in plain and "notes/index.html" in plain
    assert "files/report.pdf" in plain and "robots.txt" in plain
    assert with_plugin == plain


def test_a_campaign_on_another_theme_is_shown_in_that_theme(tmp_path):
    """Once `campaign-theme-missing`; now the page is in the site's theme (test_site_theme.py)."""
    content = write_blog(tmp_path, campaign_md(slug="park"))
    out = build(content, tmp_path / "output", "2021-01-01", **{**BLOG, "THEME": "simple"})
    park = soup(out / "park" / "index.html")
    assert park.find("main").find("section", class_="send") is not None


def test_the_blogs_markdown_extensions_are_its_own_and_not_the_campaigns(tmp_path):
    """codehilite and toc for the blog; a campaign is read with Megaphone's Markdown, so
    its letter block is never highlighted."""
    content = write_blog(tmp_path, campaign_md(slug="park"))
    code = "Title: Code\nDate: 2021-01-04\nSlug: code\n\n[TOC]\n\n# Part\n\n```python\nx = 1\n```\n"
    (content / "posts" / "code.md").write_text(code + "[" * 5000 + "\n", "utf-8")
    markdown = {
        "extension_configs": {
            "markdown.extensions.codehilite": {"css_class": "highlight"},
            "markdown.extensions.extra": {},
            "markdown.extensions.toc": {},
            "markdown.extensions.meta": {},
        },
        "output_format": "html5",
    }
    out = build(content, tmp_path / "output", "2021-01-01", **BLOG, MARKDOWN=markdown)
    post = (out / "code" / "index.html").read_text("utf-8")
    assert '<div class="highlight">' in post and 'class="toc"' in post
    assert "Please keep the park open." in (out / "park" / "index.html").read_text("utf-8")


def test_the_hosts_headers_are_the_campaigns_and_the_blogs_robots_txt_its_own(tmp_path):
    content = write_blog(tmp_path, campaign_md(slug="park"))
    out = build(content, tmp_path / "output", "2021-01-01", **BLOG)
    headers = (out / "_headers").read_text("utf-8")
    paths = [line for line in headers.splitlines() if not line.startswith((" ", "#"))]
    assert paths == ["/park/*", "/theme/*"]  # not /*: the blog's pages keep their headers
    assert headers.count("Content-Security-Policy") == 2
    assert (out / "robots.txt").read_bytes() == ROBOTS
    (content / "extra" / "robots.txt").unlink()
    out = build(content, tmp_path / "output2", "2021-01-01", **BLOG)
    assert "Disallow: /*/flyer/" in (out / "robots.txt").read_text("utf-8")


def test_a_second_build_into_the_same_output_writes_megaphones_files_anew(tmp_path):
    """Pelican keeps what it does not write: the _headers and robots.txt an earlier build
    of Megaphone left there are Megaphone's (their first line says so), written anew for
    the campaigns there are now; a site's own stays its own."""
    content = write_blog(tmp_path, campaign_md(slug="park"))
    (content / "extra" / "robots.txt").unlink()
    output = tmp_path / "output"
    build(content, output, "2021-01-01", **BLOG)
    (content / "campaigns" / "pond.md").write_text(campaign_md(slug="pond"), "utf-8")
    build(content, output, "2021-01-01", **BLOG)
    headers = (output / "_headers").read_text("utf-8")
    assert "/pond/*" in headers and "/park/*" in headers
    assert (output / "robots.txt").read_text("utf-8").startswith("# Written by Megaphone")
    (output / "_headers").write_text("/*\n  X-Frame-Options: DENY\n", "utf-8")  # the site's
    build(content, output, "2021-01-01", **BLOG)
    assert (output / "_headers").read_text("utf-8") == "/*\n  X-Frame-Options: DENY\n"


def test_make_htmls_own_code_ships_the_blog_unclaimed_files_and_all(tmp_path):
    """`make html` proves that nothing unclaimed ships on a strict site; the blog's files,
    another plugin's output, are not Megaphone's to claim."""
    from pelican.plugins.megaphone.commands.build import build_site
    from settings_under_test import CONF

    content = write_blog(tmp_path, campaign_md(slug="park"))
    output = tmp_path / "output"
    outcome = build_site(str(CONF), str(content), str(output), MEGAPHONE_TODAY="2021-01-01", **BLOG)
    assert outcome.ok and not outcome.problems, outcome.problems
    assert (output / "files" / "report.pdf").read_bytes() == PDF
    strict = build_site(
        str(CONF),
        str(content),
        str(tmp_path / "strict"),
        MEGAPHONE_TODAY="2021-01-01",
        **{**BLOG, "MEGAPHONE_STRICT": True},
    )
    assert not strict.ok and "page-not-campaign" in {p.code for p in strict.problems}


def test_a_posts_unknown_time_zone_is_pelicans_and_a_campaigns_is_said(tmp_path):
    """Pelican skips an article whose Timezone it does not know; a campaign's is set aside
    so that every problem of the file is said, the time zone among them."""
    content = write_blog(tmp_path, campaign_md(slug="park"))
    post = content / "posts" / "hello.md"
    post.write_text(POST.replace("Slug:", "Timezone: Mars/Olympus\nSlug:"), "utf-8")
    out = build(content, tmp_path / "output", "2021-01-01", **BLOG)
    assert not (out / "hello").exists() and (out / "park" / "index.html").exists()
    (content / "campaigns" / "park.md").write_text(
        campaign_md(slug="park", timezone="Mars/Olympus", to="nobody"), "utf-8"
    )
    assert problems(content, tmp_path / "output2", **BLOG) == [
        ("park.md", "address-invalid"),
        ("park.md", "timezone-unknown"),
    ]


def test_a_post_with_a_campaigns_slug_in_another_language(tmp_path):
    content = write_blog(tmp_path, campaign_md(slug="park"))
    post = "Title: Parque\nDate: 2021-01-05\nSlug: park\nLang: es\n\nHola.\n"
    (content / "posts" / "parque.md").write_text(post, "utf-8")
    assert problems(content, tmp_path / "output", **BLOG) == [("park.md", "campaign-slug-shared")]


def test_the_blogs_own_addresses_stay_and_each_campaign_gets_a_folder(tmp_path):
    """A blog of `{slug}.html` pages keeps them; a campaign's flyer and reminder go
    beside its page, so the campaign (only) is the index.html of a folder of its own."""
    content = write_blog(tmp_path, campaign_md(slug="park"))
    (content / "campaigns" / "pool.md").write_text(campaign_md(slug="pool"), "utf-8")
    flat = {
        **BLOG,
        "ARTICLE_URL": "{slug}.html",
        "ARTICLE_SAVE_AS": "{slug}.html",
        "ARTICLE_LANG_URL": "{slug}-{lang}.html",
        "ARTICLE_LANG_SAVE_AS": "{slug}-{lang}.html",
    }
    out = build(content, tmp_path / "output", "2021-01-01", **flat)
    assert (out / "hello.html").exists() and not (out / "hello").exists()
    for slug in ("park", "pool"):
        assert (out / slug / "index.html").exists() and not (out / f"{slug}.html").exists()
        assert (out / slug / "flyer" / "index.html").exists()
        assert (out / slug / "remind.ics").exists()
    assert 'href="/park/"' in (out / "index.html").read_text("utf-8")


def test_a_blog_on_its_own_theme_keeps_its_jinja_settings(tmp_path):
    """Pelican's themes write `{{ article.content }}` for Pelican's default Jinja, which
    escapes nothing: the plugin must not turn autoescape on for a theme not its own."""
    from pelican.settings import DEFAULT_CONFIG

    content = write_blog(tmp_path)
    site = {**BLOG, "THEME": "simple", "JINJA_ENVIRONMENT": DEFAULT_CONFIG["JINJA_ENVIRONMENT"]}
    out = build(content, tmp_path / "output", "2021-01-01", **site)
    hello = (out / "hello" / "index.html").read_text("utf-8")
    assert "A <em>post</em> with" in hello and "&lt;em&gt;" not in hello
