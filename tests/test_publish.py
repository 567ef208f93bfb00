"""`make publish` and `make github`, offline: sitemap, robots.txt, precompressed
copies, reproducible output, and a gh-pages branch pushed to a local bare repository."""

import filecmp
import gzip
import os
import shutil
import subprocess
from xml.etree import ElementTree

import brotli
import pytest

from helpers import make as run_make
from settings_under_test import ROOT

SITE = "https://campaigns.example.org"
TEXT = {".html", ".xml", ".js", ".txt", ".ics", ".svg"}


def make(*arguments, cwd=ROOT, **env):
    """The example campaigns (tests/fixtures/example in `cwd`), published as of a day."""
    content = cwd / "tests" / "fixtures" / "example"
    return run_make(
        *arguments, f"INPUTDIR={content}", cwd=cwd, CAMPAIGN_TODAY="2021-02-22", SITEURL=SITE, **env
    )


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    out = tmp_path_factory.mktemp("published") / "output"
    result = make("publish", f"OUTPUTDIR={out}")
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def test_sitemap_lists_every_campaign_with_its_translations(published):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ElementTree.parse(published / "sitemap.xml").getroot()
    urls = {u.findtext("s:loc", namespaces=ns): u for u in root.findall("s:url", ns)}
    assert set(urls) == {f"{SITE}/", f"{SITE}/ban-the-scan-nypd/", f"{SITE}/es/ban-the-scan-nypd/"}
    links = urls[f"{SITE}/ban-the-scan-nypd/"].findall("x:link", ns)
    assert {(link.get("hreflang"), link.get("href")) for link in links} == {
        ("en", f"{SITE}/ban-the-scan-nypd/"),
        ("es", f"{SITE}/es/ban-the-scan-nypd/"),
    }


def test_robots_points_to_the_sitemap_and_hides_drafts(published):
    robots = (published / "robots.txt").read_text()
    assert f"Sitemap: {SITE}/sitemap.xml" in robots and "Disallow: /drafts/" in robots


def test_every_text_file_has_gzip_and_brotli_copies(published):
    texts = [p for p in published.rglob("*") if p.suffix in TEXT]
    assert len(texts) > 5
    for path in texts:
        data = path.read_bytes()
        if len(data) < 200:  # too small to be worth compressing
            continue
        assert gzip.decompress((path.parent / (path.name + ".gz")).read_bytes()) == data, path
        assert brotli.decompress((path.parent / (path.name + ".br")).read_bytes()) == data, path


def test_published_urls_are_absolute(published):
    page = (published / "ban-the-scan-nypd" / "index.html").read_text()
    assert f'<link rel="canonical" href="{SITE}/ban-the-scan-nypd/">' in page
    assert f'src="{SITE}/theme/js/megaphone.' in page


def test_publishing_twice_gives_the_same_bytes(published, tmp_path):
    again = tmp_path / "output"
    assert make("publish", f"OUTPUTDIR={again}").returncode == 0
    files = sorted(p.relative_to(published).as_posix() for p in published.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(again).as_posix() for p in again.rglob("*") if p.is_file())
    _, mismatch, errors = filecmp.cmpfiles(published, again, files, shallow=False)
    assert mismatch == [] and errors == []


def test_make_github_pushes_the_site_to_a_gh_pages_branch(tmp_path):
    def git(*arguments, cwd=tmp_path):
        return subprocess.run(
            ["git", *arguments], cwd=cwd, check=True, capture_output=True, text=True
        ).stdout

    git("init", "--bare", "-q", str(tmp_path / "remote.git"))
    git("clone", "-q", str(ROOT), str(tmp_path / "clone"))
    clone = tmp_path / "clone"
    git("remote", "add", "pages", str(tmp_path / "remote.git"), cwd=clone)
    for name in ("requirements.txt", "requirements-test.txt"):  # use this checkout's .venv as is
        os.utime(clone / name, (0, 0))
    identity = {
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
    }
    result = make("github", "GITHUB_REMOTE=pages", f"VENV={ROOT / '.venv'}", cwd=clone, **identity)
    assert result.returncode == 0, result.stdout + result.stderr
    files = git(
        "--git-dir", str(tmp_path / "remote.git"), "ls-tree", "-r", "--name-only", "gh-pages"
    )
    built = sorted(
        p.relative_to(clone / "output").as_posix()
        for p in (clone / "output").rglob("*")
        if p.is_file()
    )
    assert sorted(files.split()) == sorted(built + [".nojekyll"])
    page = git(
        "--git-dir", str(tmp_path / "remote.git"), "show", "gh-pages:ban-the-scan-nypd/index.html"
    )
    assert "Tell the NYPD: ban facial recognition" in page
    shutil.rmtree(clone / "output")


def publish_in_process(tmp_path, capsys, monkeypatch, siteurl, command):
    """What `make publish` and `make github` run, in-process (each command runs
    through make above and below): its exit status and everything it printed."""
    from pelican.plugins.megaphone.commands.build import build

    monkeypatch.setenv("SITEURL", siteurl)
    content = ROOT / "content"
    status = build(str(content), str(tmp_path / "out"), str(ROOT / "publishconf.py"), command)
    said = capsys.readouterr()
    return status, said.out + said.err


def test_publishing_needs_the_site_address(tmp_path, capsys, monkeypatch):
    status, said = publish_in_process(tmp_path, capsys, monkeypatch, "", "make publish")
    assert status != 0 and "SITEURL=https://" in said
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("target", ["publish", "github", "rsync_upload", "s3_upload"])
def test_each_publishing_command_names_itself(tmp_path, target):
    result = run_make(target, f"OUTPUTDIR={tmp_path / 'out'}", SITEURL="")
    said = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"SITEURL=https://campaigns.example.org make {target}" in said, said
    assert "[siteurl-missing]" in said
    assert [line for line in said.splitlines() if line.startswith("make:")] == [
        f"make: *** [Makefile:{_publish_line()}: publish] Error 1"
    ], said  # make's own one line, and nothing from the targets after publish
    assert not (tmp_path / "out").exists()


def _publish_line() -> int:
    lines = (ROOT / "Makefile").read_text().splitlines()
    return lines.index("publish: $(VENV)/.built") + 2


def test_publishing_refuses_an_address_without_https(tmp_path, capsys, monkeypatch):
    status, said = publish_in_process(
        tmp_path, capsys, monkeypatch, "example.github.io/campaigns", "make github"
    )
    assert status != 0 and "[siteurl-not-absolute]" in said
    assert "SITEURL=https://example.github.io/campaigns make github" in said, said
    assert not (tmp_path / "out").exists()


def test_a_settings_file_with_a_relative_siteurl_is_a_problem(tmp_path):
    from helpers import campaign_md, write_site
    from pelican.plugins.megaphone.commands.pelican_run import run_pelican
    from settings_under_test import CONF

    content = write_site(tmp_path, {"park.md": campaign_md(slug="park")})
    outcome = run_pelican(
        str(CONF),
        {
            "PATH": str(content),
            "OUTPUT_PATH": str(tmp_path / "out"),
            "SITEURL": "example.github.io/campaigns",
        },
    )
    assert [(p.field, p.code) for p in outcome.problems] == [("SITEURL", "siteurl-not-absolute")]


def test_robots_txt_under_a_sub_path_carries_it(tmp_path):
    from helpers import build, campaign_md, write_site

    site = "https://example.github.io/campaigns"
    content = write_site(tmp_path, {"park.md": campaign_md(slug="park")})
    out = build(
        content, tmp_path / "out", SITEURL=site, MEGAPHONE_SITEURL=site, MEGAPHONE_SITEMAP=True
    )
    assert (out / "robots.txt").read_text().splitlines() == [
        "User-agent: *",
        "Disallow: /campaigns/drafts/",
        "Disallow: /campaigns/*/flyer/",
        f"Sitemap: {site}/sitemap.xml",
    ]


def test_drafts_are_never_published(tmp_path, monkeypatch):
    from helpers import campaign_md, write_site
    from pelican.plugins.megaphone.commands.build import build_site
    from settings_under_test import CONF

    draft = campaign_md(slug="secret", title="A secret draft", deadline="2030-01-01")
    content = write_site(
        tmp_path,
        {
            "park.md": campaign_md(slug="park"),
            "secret.md": draft.replace("Date:", "Status: draft\nDate:"),
            "secret.es.md": draft.replace("Date:", "Status: draft\nLang: es\nDate:"),
        },
    )
    monkeypatch.setenv("SITEURL", SITE)
    monkeypatch.setenv("CAMPAIGN_TODAY", "2021-02-22")
    preview = build_site(str(CONF), str(content), str(tmp_path / "preview"))
    assert preview.ok and (tmp_path / "preview" / "drafts" / "secret" / "index.html").exists()
    published = build_site(str(ROOT / "publishconf.py"), str(content), str(tmp_path / "out"))
    assert published.ok, published
    files = [p for p in (tmp_path / "out").rglob("*") if p.is_file()]
    assert files and not (tmp_path / "out" / "drafts").exists()
    assert not [p for p in files if b"secret" in p.read_bytes() and p.suffix not in (".gz", ".br")]
    assert not (tmp_path / "out" / "remind.ics").exists()


def test_a_publishing_build_leaves_no_plugin_behind_in_the_test_process(tmp_path, monkeypatch):
    """Pelican never disconnects a plugin: without conftest's plugins_stay_in_their_test,
    every later in-process build of the test run wrote .gz and .br copies too."""
    from helpers import build, campaign_md, disconnect_receivers_since, signal_receivers, write_site
    from pelican.plugins.megaphone.commands.build import build_site

    content = write_site(tmp_path, {"park.md": campaign_md(slug="park")})
    monkeypatch.setenv("SITEURL", SITE)
    monkeypatch.setenv("CAMPAIGN_TODAY", "2021-02-22")
    before = signal_receivers()
    published = tmp_path / "published"
    assert build_site(str(ROOT / "publishconf.py"), str(content), str(published)).ok
    assert (published / "park" / "index.html.gz").exists()
    leaked = build(content, tmp_path / "leaked", "2021-02-22")
    assert (leaked / "park" / "index.html.gz").exists(), "the leak this guards against is gone"
    disconnect_receivers_since(before)
    plain = build(content, tmp_path / "plain", "2021-02-22")
    assert not [p for p in plain.rglob("*") if p.suffix in (".gz", ".br")]
