"""What an attacker's review of issue 20's last changes found (Pelican's own writer,
the page cache, CampaignGenerator, pelican -r's wait, the site theme's page): each
test failed on the reviewed code and says what holds now."""

from __future__ import annotations

import threading
import time

import pytest
from pelican.settings import read_settings
from test_site_theme import blog, build_blog, every_file, the_campaign

from helpers import build, campaign_md, write_site
from pelican.plugins.megaphone.model.report import CampaignProblems
from pelican.plugins.megaphone.site.rebuild import snapshot, wait_for_a_save


def _edit(path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, (old, path)
    path.write_text(text.replace(old, new, 1), "utf-8")


# --- 1. A warm build gives back a stale campaign page in a site's own theme ------------


@pytest.mark.parametrize("theme", ["simple", "notmyidea"])
def test_a_new_category_on_a_blog_post_shows_on_the_cached_campaign_page(tmp_path, theme):
    """The site's theme puts the blog's categories in every page's menu (Pelican's
    simple and notmyidea both do). hooks.key_pages keys a campaign's pages on every
    page's address, language, status, title and dates, not its category: a post moved
    to a new category leaves the campaign page and its flyer with last build's menu."""
    content = blog(tmp_path, the_campaign())
    cache = str(tmp_path / "cache")
    build_blog(content, tmp_path / "first", theme, CACHE_PATH=cache)
    _edit(content / "posts" / "hello.md", "Slug: hello", "Slug: hello\nCategory: News")
    warm = every_file(build_blog(content, tmp_path / "warm", theme, CACHE_PATH=cache))
    cold = every_file(
        build_blog(content, tmp_path / "cold", theme, CACHE_PATH=str(tmp_path / "cold-cache"))
    )
    assert b"category/news.html" in cold["park/index.html"]
    stale = sorted(name for name in cold if warm.get(name) != cold[name])
    assert stale == []  # reviewed code: ['park/flyer/index.html', 'park/index.html']


# --- 2. The home page speaks two languages ----------------------------------------------


def test_the_home_page_is_in_the_sites_language_only(tmp_path):
    """A campaign written only in Spanish, on an English site: the home page
    (<html lang="en">) lists it with "Closes Monday 1 March 2021..." in English, then
    its countdown in Spanish ("Quedan 7 días"): partials/countdown.html, included in
    the loop `for article in campaigns_open`, sees the loop's `article`, and gettext
    (i18n.page_lang_of) takes that article's language. Before, one page, one language."""
    solo = campaign_md(slug="solo", title="Solo", deadline="2021-03-01").replace(
        "Date:", "Lang: es\nDate:"
    )
    content = write_site(tmp_path, {"park.md": campaign_md(slug="park"), "solo.md": solo})
    out = build(content, tmp_path / "out", "2021-02-22")
    home = (out / "index.html").read_text("utf-8")
    assert '<html lang="en"' in home
    assert "Quedan" not in home  # reviewed code: "Quedan 7 días" under English words
    assert "7 days left" in home


def test_the_closed_archive_is_in_the_sites_language_only(tmp_path):
    """The same through partials/closed_item.html, on the home page's closed list and
    in the archive (closed/): "Cerrada el lunes, 1 de febrero de 2021" on English pages."""
    solo = campaign_md(slug="solo", title="Solo", deadline="2021-02-01").replace(
        "Date:", "Lang: es\nDate:"
    )
    content = write_site(tmp_path, {"park.md": campaign_md(slug="park"), "solo.md": solo})
    out = build(content, tmp_path / "out", "2021-02-22")
    for name in ("index.html", "closed/index.html"):
        page = (out / name).read_text("utf-8")
        assert '<html lang="en"' in page
        assert "Cerrada" not in page and "febrero" not in page, name
        assert "Closed <time" in page and ">Monday 1 February 2021 at" in page, name


# --- 3. pelican -r misses a fix made while the stopped build ran ------------------------


def _waits(settings, since: dict, seconds: float = 5.0) -> bool:
    done = threading.Event()

    def wait() -> None:
        wait_for_a_save(settings, since)
        done.set()

    threading.Thread(target=wait, daemon=True).start()
    return not done.wait(seconds)


@pytest.mark.parametrize("fix", ["deleted", "moved in"])
def test_a_fix_made_while_the_stopped_build_ran_is_not_missed(tmp_path, fix):
    """A snapshot of the watched files when the stopped build started, not their times: deleting the
    broken file (a stranger's bad translation), or moving in a fixed copy made earlier
    (`mv`: a rename keeps the file's mtime), while the
    stopped build ran, is seen by neither it nor the watcher started afterwards:
    `pelican -r` waits for ever with the fix already on disk."""
    campaigns = tmp_path / "content" / "campaigns"
    campaigns.mkdir(parents=True)
    (campaigns / "park.md").write_text("good", "utf-8")
    (campaigns / "bad.md").write_text("bad", "utf-8")
    (tmp_path / "fixed.md").write_text("fixed", "utf-8")
    theme = tmp_path / "theme"
    theme.mkdir()
    time.sleep(1.1)
    settings = read_settings(
        None, override={"PATH": str(tmp_path / "content"), "THEME": str(theme)}
    )
    since = snapshot(settings)  # the build that will stop starts
    if fix == "deleted":
        (campaigns / "bad.md").unlink()
    else:
        (tmp_path / "fixed.md").replace(campaigns / "bad.md")
    assert not _waits(settings, since), "pelican -r still waits, the fix already saved"


# --- 4. A traceback from a blog post's header ---------------------------------------------


@pytest.mark.parametrize("template", ["megaphone/cached", "megaphone/campaign"])
def test_a_blog_post_naming_megaphones_templates_is_no_traceback(tmp_path, template):
    """A site that added the plugin gets Megaphone's templates in its theme's loader
    (site_theme.write_templates). A post with `Template: megaphone/cached` (the page
    cache's template, new here) or `Template: megaphone/campaign` is rendered with it
    and Jinja's UndefinedError ('... has no attribute megaphone_cached_page') comes out
    of Pelican as a traceback. Expected: the post is built as a post, or a plain problem
    naming its file and the Template field."""
    content = blog(tmp_path, the_campaign())
    _edit(content / "posts" / "hello.md", "Slug: hello", f"Slug: hello\nTemplate: {template}")
    with pytest.raises(CampaignProblems) as stop:
        build_blog(content, tmp_path / "out", "simple")
    [problem] = stop.value.problems
    assert problem.file.endswith("posts/hello.md") and problem.field == "Template"
    assert problem.code == "template-reserved" and problem.line == 4
