"""The package pelican-megaphone as a site owner installs it (issue 20): what the
wheel and the sdist hold, and a site built with the wheel in a fresh virtual
environment, at requirements.txt's pins and at the lowest versions pyproject.toml
allows, the same site every time.

The wheel is built with `python -m build --no-isolation`, from what
requirements-test.txt installs (no network). The virtual environments need pip
to reach the package index (its cache makes a repeat fast): those tests are
marked `slow`, and run in `make test` and in CI like every other. Where something
they need is missing they skip, and in CI (CI=true) they fail."""

from __future__ import annotations

import email.parser
import hashlib
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version
from pelican import Pelican
from pelican.settings import read_settings

from decoders import form_decode, rfc_decode
from helpers import AWKWARD_LETTER, AWKWARD_SUBJECT, EXAMPLE_CONTENT, example_campaigns, soup
from pelican.plugins.megaphone import theme_path
from settings_under_test import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
NAME = PYPROJECT["project"]["name"]
VERSION = PYPROJECT["project"]["version"]
PACKAGE = "pelican/plugins/megaphone"

# What a checkout holds that is no part of the package, or is made by a build.
NOT_COPIED = shutil.ignore_patterns(
    *(".git", ".venv", "node_modules", "output", "cache", "build", "dist", "*.egg-info"),
    *(".mypy_cache", ".ruff_cache", ".pytest_cache", ".hypothesis", ".coverage*"),
)


def owner_conf() -> str:
    """A site owner's own pelicanconf.py: the lines the README gives them (the
    package installed, no PLUGIN_PATHS), and a few of their own."""
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme.split("\n## In a Pelican site of your own\n", 1)[1]
    lines = re.search(r"^```python\n(.*?)^```$", section, re.S | re.M).group(1)
    assert lines.startswith('PLUGINS = ["megaphone"]')
    # The README's lines for Megaphone's own look, as a site owner who wants it writes them.
    chosen = "# from pelican.plugins.megaphone import theme_path\n# THEME = theme_path()\n"
    assert chosen in lines
    lines = lines.replace(chosen, chosen.replace("# ", ""))
    own = 'SITENAME = "Friends of the park"\nPATH = "content"\nTIMEZONE = "Europe/London"\n'
    return lines + own + 'MEGAPHONE_TODAY = "2021-02-22"\n'


# What the installed package says about itself, run by the virtual environment's python.
PROBE = """\
import importlib.metadata, json
from pelican.plugins._utils import get_namespace_plugins
import pelican.plugins.megaphone as megaphone
print(json.dumps({
    "file": megaphone.__file__,
    "theme": megaphone.theme_path(),
    "namespace": sorted(get_namespace_plugins()),
    "installed": sorted(d.metadata["Name"].lower() for d in importlib.metadata.distributions()),
}))
"""


def need(present: bool, message: str) -> None:
    if not present:
        if os.environ.get("CI") == "true":
            pytest.fail(message + " (in CI this is a failure)", pytrace=False)
        pytest.skip(message)


def clean_env() -> dict[str, str]:
    """The environment, less what would let a subprocess see this checkout's Python."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("PYTHONPATH", "PYTHONHOME", "PYTHONSAFEPATH", "VIRTUAL_ENV")
    }
    env["PYTHONNOUSERSITE"] = "1"
    return env


def run(command: list, cwd: Path, timeout: int = 600) -> subprocess.CompletedProcess:
    done = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=clean_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert done.returncode == 0, f"{command}\n{done.stdout}\n{done.stderr}"
    return done


def wheel_files(wheel: Path) -> dict[str, str]:
    """Each file of a wheel, by its name, as a hash of its bytes."""
    with zipfile.ZipFile(wheel) as archive:
        return {
            name: hashlib.sha256(archive.read(name)).hexdigest()
            for name in archive.namelist()
            if not name.endswith("/")
        }


def files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


def package_files(checkout: Path) -> set[str]:
    """What the wheel must hold: the plugin's Python, every template, style and
    script, the catalogues, and the metadata with the licence; nothing else."""
    theme = checkout / "theme"
    expected = {
        f"{PACKAGE}/{p.relative_to(checkout / 'plugins' / 'megaphone')}"
        for p in files_under(checkout / "plugins" / "megaphone")
        if p.suffix == ".py" and "__pycache__" not in p.parts
    }
    shipped = files_under(theme / "templates") + files_under(theme / "static")
    shipped += [p for p in files_under(theme / "translations") if p.suffix == ".po"]
    shipped.append(theme / "translations" / "messages.pot")
    expected |= {f"{PACKAGE}/theme/{p.relative_to(theme)}" for p in shipped}
    # The guide, which the messages name: beside the plugin for a site owner.
    expected |= {f"{PACKAGE}/docs/{p.name}" for p in sorted((checkout / "docs").glob("*.md"))}
    info = f"{NAME.replace('-', '_')}-{VERSION}.dist-info"
    expected |= {f"{info}/{name}" for name in ("METADATA", "WHEEL", "RECORD", "top_level.txt")}
    expected.add(f"{info}/licenses/LICENSE")
    return expected


@pytest.fixture(scope="module")
def dists(tmp_path_factory):
    """The sdist, the wheel built from it (`python -m build` does so unless told
    otherwise), and a wheel built straight from the tree, of a copy of this
    checkout with what a working copy gathers: compiled Python in the package,
    compiled catalogues beside the .po files."""
    need(
        importlib.util.find_spec("build") is not None,
        "`build` is not installed (requirements-test.txt; make lint installs it)",
    )
    root = tmp_path_factory.mktemp("dist")
    checkout = root / "checkout"
    shutil.copytree(ROOT, checkout, symlinks=True, ignore=NOT_COPIED)
    stray = checkout / "plugins" / "megaphone" / "__pycache__" / "__init__.cpython-311.pyc"
    stray.parent.mkdir(exist_ok=True)
    stray.write_bytes(b"compiled")
    (checkout / "theme" / "translations" / "es" / "LC_MESSAGES" / "messages.mo").write_bytes(b"")
    python = [sys.executable, "-m", "build", "--no-isolation"]
    run([*python, "--outdir", root / "from-sdist", checkout], cwd=root)
    run([*python, "--wheel", "--outdir", root / "from-tree", checkout], cwd=root)
    wheel = f"{NAME.replace('-', '_')}-{VERSION}-py3-none-any.whl"
    return {
        "checkout": checkout,
        "sdist": root / "from-sdist" / f"{NAME.replace('-', '_')}-{VERSION}.tar.gz",
        "wheel": root / "from-sdist" / wheel,
        "tree wheel": root / "from-tree" / wheel,
    }


def test_the_wheel_holds_the_plugin_its_theme_and_licence_and_nothing_else(dists):
    files = wheel_files(dists["wheel"])
    assert set(files) == package_files(dists["checkout"])
    outside = ("tests/", "content/", ".plugin/", "theme/", "plugins/", "docs/")
    assert not [name for name in files if name.startswith(outside) or "__pycache__" in name]
    with zipfile.ZipFile(dists["wheel"]) as archive:
        licence = archive.read(f"{NAME.replace('-', '_')}-{VERSION}.dist-info/licenses/LICENSE")
        theme = archive.read(f"{PACKAGE}/theme/templates/article.html")
        metadata = email.parser.BytesParser().parsebytes(
            archive.read(f"{NAME.replace('-', '_')}-{VERSION}.dist-info/METADATA")
        )
    assert licence == (ROOT / "LICENSE").read_bytes()
    assert theme == (ROOT / "theme" / "templates" / "article.html").read_bytes()
    # Its dependencies are pyproject's, and no other plugin (pelican-precompress) is one.
    wanted = {str(Requirement(d)) for d in PYPROJECT["project"]["dependencies"]}
    assert {str(Requirement(d)) for d in metadata.get_all("Requires-Dist")} == wanted
    assert metadata["Name"] == NAME and metadata["License-Expression"] == "AGPL-3.0-only"


def test_the_sdist_builds_the_same_wheel_as_the_tree(dists):
    assert wheel_files(dists["wheel"]) == wheel_files(dists["tree wheel"])
    with tarfile.open(dists["sdist"]) as sdist:
        names = [member.name for member in sdist.getmembers() if member.isfile()]
    top = {name.split("/")[1] for name in names}
    assert top == {
        "PKG-INFO",
        "setup.cfg",
        "pyproject.toml",
        "MANIFEST.in",
        "README.md",
        "LICENSE",
        f"{NAME.replace('-', '_')}.egg-info",
        "plugins",
        "theme",
        "docs",
    }
    assert not [name for name in names if "__pycache__" in name or name.endswith(".mo")]


def test_the_theme_path_in_this_checkout_is_its_theme_folder():
    # Here the package is plugins/megaphone/, reached through .plugin/'s link.
    import pelican.plugins.megaphone as megaphone

    here, source = Path(megaphone.__file__).parent, ROOT / "plugins" / "megaphone"
    assert here != source and here.resolve() == source
    assert Path(theme_path()) == ROOT / "theme"
    assert (Path(theme_path()) / "templates" / "article.html").is_file()


def test_publishing_switches_precompress_on_itself(monkeypatch):
    """Installing the plugin installs no other plugin: the site's own requirements.txt
    has pelican-precompress, and publishconf.py names it."""
    monkeypatch.chdir(ROOT)  # publishconf.py imports pelicanconf.py from the folder it runs in
    monkeypatch.setattr(sys, "path", list(sys.path))  # and adds that folder to sys.path
    monkeypatch.setenv("SITEURL", "https://campaigns.example.org")
    assert read_settings(str(ROOT / "pelicanconf.py"))["PLUGINS"] == ["megaphone"]
    published = read_settings(str(ROOT / "publishconf.py"))["PLUGINS"]
    assert published == ["megaphone", "pelican.plugins.precompress"]
    pins = (ROOT / "requirements.txt").read_text("utf-8").splitlines()
    assert any(line.startswith("pelican-precompress==") for line in pins)


# --- The wheel installed in a fresh virtual environment, a site built with it -----


def owner_site(root: Path, plugins: bool = True) -> Path:
    """A site owner's folder: the example campaign (English and Spanish, with
    pictures), one full of awkward characters, and a pelicanconf.py of their own.
    With plugins=False it has no PLUGINS setting: Pelican loads every plugin of
    its namespace, so megaphone all the same."""
    site = root / ("site" if plugins else "site-no-plugins")
    (site / "content").mkdir(parents=True)
    shutil.copytree(EXAMPLE_CONTENT / "campaigns", site / "content" / "campaigns")
    (site / "content" / "images").mkdir()
    for picture in (EXAMPLE_CONTENT / "images").glob("*.png"):
        shutil.copy(picture, site / "content" / "images")
    awkward = example_campaigns()["awkward.md"]
    (site / "content" / "campaigns" / "awkward.md").write_text(awkward, "utf-8")
    conf = owner_conf() if plugins else owner_conf().replace('PLUGINS = ["megaphone"]\n', "")
    (site / "pelicanconf.py").write_text(conf, "utf-8")
    assert not site.resolve().is_relative_to(ROOT)  # nothing found by being beside it
    return site


def venv_with(root: Path, wheel: Path, constraints: Path) -> Path:
    """A fresh virtual environment with the wheel installed, versions as constrained."""
    need(importlib.util.find_spec("ensurepip") is not None, "python cannot make a venv")
    venv = root / "venv"
    run([sys.executable, "-m", "venv", venv], cwd=root)
    python = venv / "bin" / "python"
    installed = run(
        [python, "-m", "pip", "install", "--disable-pip-version-check", "--no-compile"]
        + ["-c", constraints, wheel],
        cwd=root,
    )
    assert "yanked" not in installed.stdout + installed.stderr  # a bound pip would not pick
    return venv


def built_by(venv: Path, site: Path) -> Path:
    """The site built as its owner does: their pelican, in their folder."""
    run([venv / "bin" / "pelican", "content", "-s", "pelicanconf.py"], cwd=site, timeout=300)
    return site / "output"


def reference_site(root: Path) -> Path:
    """The same site built here, in-process, with this checkout's plugin and theme."""
    site = owner_site(root / "reference")
    # Pelican reads a relative PATH, OUTPUT_PATH and CACHE_PATH its default gave from
    # the folder it runs in, as the owner's pelican does from their site's folder.
    folders = {"PATH": "content", "OUTPUT_PATH": "output", "CACHE_PATH": "cache"}
    override = {key: str(site / name) for key, name in folders.items()}
    settings = read_settings(str(site / "pelicanconf.py"), override=override)
    Pelican(settings).run()
    return site / "output"


def tree(output: Path) -> dict[str, bytes]:
    return {str(p.relative_to(output)): p.read_bytes() for p in files_under(output)}


def assert_campaign_page(output: Path) -> None:
    """The campaign page is there, and its mail-app link carries the letter exactly."""
    page = soup(output / "awkward" / "index.html")
    href = page.find("a", class_="button")["href"]
    want = {
        "to": ["council@example.org", "a+b@example.org"],
        "cc": ["josé@xn--exmple-cua.org"],  # the domain as mail servers spell it (IDNA)
        "bcc": [],
        "subject": AWKWARD_SUBJECT,
        "body": AWKWARD_LETTER.replace("\n", "\r\n"),
    }
    assert rfc_decode(href) == want and form_decode(href) == want, href
    assert (output / "ban-the-scan-nypd" / "index.html").is_file()
    # Pelican's own layout for a translation ({slug}-{lang}.html), in a folder of its own.
    assert (output / "ban-the-scan-nypd-es" / "index.html").is_file()


BLOG_CONF = """\
PLUGINS = ["megaphone"]
THEME = "simple"
SITENAME = "Friends of the park"
PATH = "content"
TIMEZONE = "Europe/London"
ARTICLE_PATHS = ["posts", "campaigns"]
MEGAPHONE_TODAY = "2021-02-22"
"""
BLOG_POST = "Title: Hello\nDate: 2021-01-02\nSlug: hello\n\nA *post*.\n"


def blog_site(root: Path, name: str = "blog") -> Path:
    """A blog of its own on Pelican's `simple` theme, with one campaign (the awkward one)."""
    site = root / name
    (site / "content" / "posts").mkdir(parents=True)
    (site / "content" / "campaigns").mkdir()
    (site / "content" / "posts" / "hello.md").write_text(BLOG_POST, "utf-8")
    awkward = example_campaigns()["awkward.md"]
    (site / "content" / "campaigns" / "awkward.md").write_text(awkward, "utf-8")
    (site / "pelicanconf.py").write_text(BLOG_CONF, "utf-8")
    return site


def reference_blog(root: Path) -> Path:
    site = blog_site(root / "reference", "blog")
    folders = {"PATH": "content", "OUTPUT_PATH": "output", "CACHE_PATH": "cache"}
    override = {key: str(site / name) for key, name in folders.items()}
    settings = read_settings(str(site / "pelicanconf.py"), override=override)
    # Not the tests' shared compiled templates (conftest.py): the blog's theme compiled
    # with its own autoescaping, as the owner's pelican compiles it.
    settings["JINJA_ENVIRONMENT"] = {**settings["JINJA_ENVIRONMENT"], "bytecode_cache": None}
    Pelican(settings).run()
    return site / "output"


def assert_blog_campaign_page(output: Path) -> None:
    page = soup(output / "awkward" / "index.html")
    assert page.find("main").find("section", class_="send") is not None  # in simple's <main>
    href = page.find("a", class_="button")["href"]
    assert rfc_decode(href)["body"] == AWKWARD_LETTER.replace("\n", "\r\n")
    assert rfc_decode(href)["subject"] == AWKWARD_SUBJECT
    assets = sorted(p.suffix for p in (output / "megaphone").iterdir())
    assert assets == [".css", ".js"]
    assert (output / "hello.html").is_file()


@pytest.mark.slow
def test_the_wheel_builds_a_site_at_the_pinned_versions(dists, tmp_path):
    venv = venv_with(tmp_path, dists["wheel"], ROOT / "requirements.txt")
    probe = json.loads(run([venv / "bin" / "python", "-I", "-c", PROBE], cwd=tmp_path).stdout)
    package = venv / "lib" / f"python{sys.version_info[0]}.{sys.version_info[1]}"
    package = package / "site-packages" / PACKAGE
    assert Path(probe["file"]).resolve() == package.resolve() / "__init__.py"
    assert Path(probe["theme"]).resolve() == package.resolve() / "theme"
    assert probe["namespace"] == ["pelican.plugins.megaphone"]  # and no other plugin
    assert NAME in probe["installed"] and "pelican-precompress" not in probe["installed"]

    output = built_by(venv, owner_site(tmp_path))
    assert_campaign_page(output)
    assert tree(output) == tree(reference_site(tmp_path))
    # No PLUGINS setting: Pelican's namespace lookup finds the plugin, the same site.
    assert tree(built_by(venv, owner_site(tmp_path, plugins=False))) == tree(output)
    # A blog on Pelican's `simple` theme: its campaign page in that theme, the campaign's
    # stylesheet and script from the installed package, as this checkout builds it.
    blog = built_by(venv, blog_site(tmp_path))
    assert_blog_campaign_page(blog)
    assert tree(blog) == tree(reference_blog(tmp_path))


def lowest_versions() -> str:
    """A constraints file of the lowest version each dependency's range allows."""
    lines = []
    for dependency in PYPROJECT["project"]["dependencies"]:
        requirement = Requirement(dependency)
        lowest = [s.version for s in requirement.specifier if s.operator == ">="]
        assert len(lowest) == 1, f"{dependency}: a range needs a lower bound to test"
        lines.append(f"{requirement.name}=={lowest[0]}\n")
    return "".join(lines)


@pytest.mark.slow
def test_the_wheel_builds_the_same_site_at_the_lowest_versions_allowed(dists, tmp_path):
    constraints = tmp_path / "lowest.txt"
    constraints.write_text(lowest_versions(), "utf-8")
    venv = venv_with(tmp_path, dists["wheel"], constraints)
    frozen = run([venv / "bin" / "python", "-m", "pip", "freeze"], cwd=tmp_path).stdout
    installed = {
        canonicalize_name(name): Version(version)
        for name, _, version in (line.partition("==") for line in frozen.splitlines())
        if version  # not the wheel itself, "name @ file://..."
    }
    for line in lowest_versions().splitlines():  # pip took each lower bound itself
        name, _, version = line.partition("==")
        assert installed[canonicalize_name(name)] == Version(version), line

    output = built_by(venv, owner_site(tmp_path))
    assert_campaign_page(output)
    assert tree(output) == tree(reference_site(tmp_path))
