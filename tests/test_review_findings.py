"""Findings of the security review (branch `review`): each test fails on the code
as reviewed, and passes once the hole it describes is closed.

Every test works on a copy of the project (or on a content folder in tmp_path),
never on the volunteer's checkout."""

from __future__ import annotations

import os
import py_compile
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import EXAMPLE_CONTENT, ROOT, campaign_md, make, write_site

VENV = ROOT / ".venv"
_LEFT_OUT = shutil.ignore_patterns(
    ".git",
    ".venv",
    ".plugin",
    "node_modules",
    "cache",
    "output",
    "__pycache__",
    "*.pyc",
    ".pytest_cache",
)


def _project_copy(tmp_path: Path) -> Path:
    """The project as a pull request's checkout holds it, with the example campaigns."""
    copy = tmp_path / "checkout"
    shutil.copytree(ROOT, copy, ignore=_LEFT_OUT)
    shutil.rmtree(copy / "content", ignore_errors=True)
    shutil.copytree(EXAMPLE_CONTENT, copy / "content")
    os.utime(copy / "requirements.txt", (0, 0))  # make: the shared .venv is up to date
    return copy


def _make(copy: Path, target: str, tmp_path: Path) -> subprocess.CompletedProcess:
    return make(
        target,
        f"VENV={VENV}",
        cwd=copy,
        CAMPAIGN_TODAY="2021-02-22",
        MEGAPHONE_CACHE_PATH=str(tmp_path / "cache"),
    )


# --- HIGH: bytecode committed with a pull request runs on the build machine -----------


def test_committed_pycache_is_not_run_by_make_check(tmp_path):
    """`git add -f plugins/megaphone/commands/__pycache__/check.cpython-311.pyc`: an
    unchecked-hash .pyc (PEP 552) is loaded without looking at check.py at all, so
    `make check` on the pull request runs whatever it holds."""
    copy = _project_copy(tmp_path)
    marker = tmp_path / "ran-from-pycache"
    module = copy / "plugins" / "megaphone" / "commands" / "check.py"
    planted = tmp_path / "check_planted.py"
    planted.write_text(
        module.read_text("utf-8") + f"\nimport pathlib\npathlib.Path({str(marker)!r}).touch()\n",
        "utf-8",
    )
    tag = sys.implementation.cache_tag
    py_compile.compile(
        str(planted),
        cfile=str(module.parent / "__pycache__" / f"check.{tag}.pyc"),
        dfile=str(module),
        invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH,
        doraise=True,
    )
    _make(copy, "check", tmp_path)
    assert not marker.exists(), "make check ran code from a committed __pycache__/ .pyc"


def test_sourceless_pyc_at_the_top_of_the_checkout_is_not_imported(tmp_path):
    """`python -m pelican.plugins.megaphone.commands` puts the folder it runs in first on sys.path,
    so a committed `nh3.pyc` beside the Makefile is imported instead of the real
    nh3, and `make check` still says "No problems"."""
    copy = _project_copy(tmp_path)
    marker = tmp_path / "ran-from-top-level-pyc"
    planted = tmp_path / "nh3_planted.py"
    planted.write_text(
        "import pathlib, sys\n"
        f"pathlib.Path({str(marker)!r}).touch()\n"
        "del sys.modules[__name__]\n"
        f"sys.path[:] = [p for p in sys.path if p not in ('', '.', {str(copy)!r})]\n"
        "import nh3 as _real\n"
        "sys.modules[__name__] = _real\n",
        "utf-8",
    )
    py_compile.compile(str(planted), cfile=str(copy / "nh3.pyc"), doraise=True)
    _make(copy, "check", tmp_path)
    assert not marker.exists(), "make check imported a .pyc from the top of the checkout"


# --- MEDIUM: a theme translation writes markup into every page of its language --------


def test_translation_cannot_write_markup_into_pages(tmp_path):
    """theme/translations/es/LC_MESSAGES/messages.po is a volunteer's translation, yet
    a `{% trans %}` block's msgstr is written into the page unescaped: here a link
    dressed as a button to another site, on every Spanish campaign page. `make check`
    says "No problems" and `make html` publishes it."""
    copy = _project_copy(tmp_path)
    catalogue = copy / "theme" / "translations" / "es" / "LC_MESSAGES" / "messages.po"
    text = catalogue.read_text("utf-8")
    original = '"Antes de enviar, cambia las palabras entre corchetes, como %(example)s, "'
    assert original in text
    catalogue.write_text(
        text.replace(
            original,
            '"<a class=\\"button\\" href=\\"https://evil.example/phish\\">Firma</a>' + original[1:],
        ),
        "utf-8",
    )
    built = _make(copy, "html", tmp_path)
    page = copy / "output" / "es" / "ban-the-scan-nypd" / "index.html"
    published = built.returncode == 0 and page.exists()
    assert not (published and "https://evil.example/phish" in page.read_text("utf-8")), (
        "a translation put a link to another site on the Spanish page"
    )


# --- MEDIUM: one small campaign file keeps the build machine busy for minutes --------


def test_a_small_campaign_file_cannot_keep_make_check_busy(tmp_path):
    """6,000 `[` (6 KB) in the explanation: Python-Markdown's link patterns take time
    that grows faster than the square of the length (4,000 take over 10 s, 12,000
    minutes); no limit on a campaign file's size or shape stops it first."""
    content = tmp_path / "content"
    shutil.copytree(EXAMPLE_CONTENT, content)
    (content / "campaigns" / "park.md").write_text(
        campaign_md(slug="park", deadline="2030-01-31", body="[" * 6000), "utf-8"
    )
    env = dict(
        os.environ,
        PYTHONPATH=str(ROOT / ".plugin"),
        CAMPAIGN_TODAY="2021-02-22",
        MEGAPHONE_CACHE_PATH=str(tmp_path / "cache"),
    )
    command = [sys.executable, "-m", "pelican.plugins.megaphone.commands", "check", str(content)]
    command += ["-s", "pelicanconf.py"]
    try:
        subprocess.run(command, cwd=ROOT, env=env, capture_output=True, timeout=15)
    except subprocess.TimeoutExpired:
        pytest.fail("make check on one 6 KB campaign file took over 15 seconds")


# --- HIGH: theme/static/ is published whole, links and hidden files included ----------


def test_a_link_in_the_theme_cannot_publish_a_file_from_outside(tmp_path):
    """Pelican copies theme/static/ into output/theme/, following links, and the
    claims give the whole folder to the site: `theme/static/css/env.css ->
    /proc/self/environ` publishes the build's environment (the publishing secrets),
    `-> ~/.aws/credentials` any file the build can read. `make check` says nothing."""
    copy = _project_copy(tmp_path)
    secret = tmp_path / "outside" / "credentials"
    secret.parent.mkdir()
    secret.write_text("PUBLISH_TOKEN=not-for-the-site\n", "utf-8")
    (copy / "theme" / "static" / "css" / "fonts.css").symlink_to(secret)
    checked = _make(copy, "check", tmp_path)
    built = _make(copy, "html", tmp_path)
    leaked = [
        path
        for path in (copy / "output").rglob("*")
        if path.is_file() and "not-for-the-site" in path.read_text("utf-8", errors="replace")
    ]
    assert not leaked, f"published a file from outside the project: {leaked}"
    assert checked.returncode != 0 or built.returncode == 0, "make check and make html disagree"


def test_hidden_and_host_files_in_the_theme_are_not_published(tmp_path):
    """docs/publishing.md: hidden files and the files a host reads as instructions
    are written by Megaphone alone. theme/static/.htaccess becomes
    output/theme/.htaccess (Apache obeys it for every file under /theme/, the
    site's script included), and theme/static/x.html a page on the site's own
    address that no check reads."""
    copy = _project_copy(tmp_path)
    static = copy / "theme" / "static"
    (static / ".htaccess").write_text("Redirect 302 /theme/ https://evil.example/\n", "utf-8")
    (static / "x.html").write_text('<!doctype html><script src="/theme/js/x.js"></script>\n')
    (static / "js" / "x.js").write_text("alert(document.domain)\n", "utf-8")
    _make(copy, "html", tmp_path)
    output = copy / "output" / "theme"
    shipped = sorted(p.name for p in (output / ".htaccess", output / "x.html") if p.exists())
    assert not shipped, f"published from theme/static/ unchecked: {shipped}"


# --- MEDIUM: the explanation is written into every representative's page, uncounted ---


def test_the_explanation_counts_towards_a_campaigns_size(tmp_path):
    """MAX_CAMPAIGN_BYTES (100 MB) estimates a campaign's target pages from its
    letters alone, but each page also carries the whole explanation, which has no
    limit: 150 KB of text and a 1,000-row list built 169 MB (1,002 pages) with "No
    problems"; two lists and a 1.5 MB explanation would make 3 GB, and every
    campaign may do the same. Here 1.2 MB x 100 pages: about 120 MB."""
    from pelican.plugins.megaphone.commands.check import check
    from settings_under_test import CONF

    rows = "".join(f"{i},Name {i},Member,m{i}@example.org\n" for i in range(1, 101))
    paragraph = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 20
    content = write_site(
        tmp_path,
        {
            "park.md": campaign_md(slug="park", body="\n\n".join([paragraph] * 1050)).replace(
                "Deadline:", "Targets: t\nDeadline:"
            )
        },
    )
    (content / "targets").mkdir()
    (content / "targets" / "t.csv").write_text("area,name,title,email\n" + rows, "utf-8")
    assert check(str(content), str(CONF)) != 0, "a campaign of ~120 MB of pages was accepted"
