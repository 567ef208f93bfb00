"""Nothing a checkout brings is loaded as code (issue 18, part 4).

A pull request can commit a cache folder (`git add -f cache/`), and a CI cache can
carry one from a pull request's build to the publishing build. Every cache file
that is loaded as a pickle or as code is signed with a key outside the checkout
(plugins/megaphone/site/signing.py): a planted one is dropped, never loaded, and
the build is the build without a cache."""

from __future__ import annotations

import json
import os
import pickle
import shutil
import subprocess
import zoneinfo
from pathlib import Path

import pytest
from jinja2.bccache import bc_magic
from test_build_cache import Builds, assert_same_site, tree
from test_build_cache_attacks import SENATORS, _check, _small_site

import pelican.plugins.megaphone.site.build_cache as build_cache
import pelican.plugins.megaphone.site.hooks as hooks
import pelican.plugins.megaphone.site.signing as signing
from helpers import campaign_md, write_site
from settings_under_test import site_settings


class Planted:
    """Unpickled, it creates the marker file: a stranger's code could do anything else."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (self.marker,))


@pytest.fixture
def small(tmp_path) -> Builds:
    content = write_site(tmp_path, _small_site())
    (content / "targets").mkdir()
    (content / "targets" / "ny-senate.csv").write_text(SENATORS, "utf-8")
    return Builds(tmp_path, content)


@pytest.fixture
def marker(tmp_path) -> Path:
    found = tmp_path / "the-payload-ran"
    yield found
    assert not found.exists(), "a planted cache file was loaded as code"


# Jinja's compiled templates in the cache folder, as `make html` has them (the tests
# otherwise share theirs in memory: conftest.py).
OWN_TEMPLATES = {
    "JINJA_ENVIRONMENT": {**site_settings()["JINJA_ENVIRONMENT"], "bytecode_cache": None}
}


def _payload(marker: Path, size: int = 0) -> bytes:
    """The pickle, padded to `size` bytes (pickle stops reading at its end)."""
    data = pickle.dumps(Planted(marker))
    return data + b"\0" * max(0, size - len(data))


def _stamps(folder: Path) -> dict[str, list[int]]:
    """pelican.ok as it was before signing: each file's size and time."""
    return {p.name: [p.stat().st_size, p.stat().st_mtime_ns] for p in folder.iterdir()}


def plant(cache: Path, marker: Path) -> None:
    """Every file of a cache folder made code, as a pull request could commit it: the
    bundles and Pelican's files pickles, the templates Jinja's buckets (whose checksum
    Jinja unpickles), and a pelican.ok vouching for Pelican's files."""
    for path in [p for p in cache.rglob("*") if p.is_file()]:
        prefix = bc_magic if path.name.startswith("__jinja2_") else b""
        path.write_bytes(prefix + _payload(marker))
    for record in cache.glob("megaphone/*/pelican.ok"):
        record.write_text(json.dumps(_stamps(record.parent / "pelican")), "utf-8")


def git(folder: Path, *arguments: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Stranger", "-c", "user.email=s@example.org", *arguments],
        cwd=folder,
        check=True,
        capture_output=True,
    )


def _builds_with_another_key(small: Builds, monkeypatch, **settings) -> None:
    """A build elsewhere (a stranger's computer): the same cache layout, another key."""
    with monkeypatch.context() as elsewhere:
        elsewhere.setenv(signing.KEY_PATH_VARIABLE, str(small.root / "stranger" / "key"))
        small(**settings)
        _check(small.content, small.root / "cache", elsewhere)


def test_a_committed_cache_is_never_loaded_and_the_build_is_the_cold_build(
    small, marker, monkeypatch
):
    _builds_with_another_key(small, monkeypatch, **OWN_TEMPLATES)
    plant(small.root / "cache", marker)
    git(small.root, "init", "-q")
    git(small.root, "add", "-f", "cache")
    git(small.root, "commit", "-q", "-m", "A helpful cache")

    status, report = _check(small.content, small.root / "cache", monkeypatch)
    assert not marker.exists()
    assert status == 0 and "[cache-tracked]" in report, report
    assert "git rm -r --cached" in report
    warm = small(**OWN_TEMPLATES)
    assert not marker.exists()
    assert_same_site(warm, small(cached=False, **OWN_TEMPLATES))
    assert_same_site(small(**OWN_TEMPLATES), warm)  # and its own cache is used again


def test_a_tampered_template_file_is_not_loaded(small, marker):
    small(**OWN_TEMPLATES)
    (folder,) = (small.root / "cache" / "megaphone").glob("*/templates")
    compiled = sorted(folder.glob("__jinja2_*.cache"))
    assert compiled
    for number, path in enumerate(compiled):
        signed = path.read_bytes()
        if number % 2:  # unsigned, as Jinja's own cache writes it
            path.write_bytes(bc_magic + _payload(marker))
        else:  # the signature left as it was, the rest changed
            path.write_bytes(signed[:51] + bc_magic + _payload(marker))
    warm = small(**OWN_TEMPLATES)
    assert_same_site(warm, small(cached=False, **OWN_TEMPLATES))


def test_a_tampered_pelican_cache_file_is_not_loaded(small, marker):
    """Changed in place, with its size and time as they were: what the record of a
    finished build held before it was signed."""
    small()
    (readers,) = (small.root / "cache" / "megaphone").glob("*/pelican/ArticlesGenerator-Readers")
    before = readers.stat()
    readers.write_bytes(_payload(marker, before.st_size))
    os.utime(readers, ns=(before.st_atime_ns, before.st_mtime_ns))
    warm = small()
    assert_same_site(warm, small(cached=False))


def test_links_in_a_planted_cache_lead_nowhere(small):
    """Git keeps symbolic links: a planted pelican/ or entries/ linked to a folder of the
    volunteer's had every file there not signed, or not used, deleted."""
    small()
    (site,) = (small.root / "cache" / "megaphone").glob("*")
    documents, notes = small.root / "documents", small.root / "notes"
    for folder, name in ((documents, "pelican"), (notes, "entries")):
        folder.mkdir()
        (folder / "mine.txt").write_text("years of work", "utf-8")
        shutil.rmtree(site / name)
        (site / name).symlink_to(folder, target_is_directory=True)
    warm = small()
    assert (documents / "mine.txt").exists() and (notes / "mine.txt").exists()
    assert_same_site(warm, small(cached=False))
    assert not (site / "pelican").is_symlink() and not (site / "entries").is_symlink()


def test_a_cache_signed_with_another_key_is_read_again(small, monkeypatch):
    _builds_with_another_key(small, monkeypatch)
    read: list[str] = []
    read_one = hooks.read_one

    def counting_read(article, source, site):
        read.append(Path(article.source_path).name)
        return read_one(article, source, site)

    monkeypatch.setattr(hooks, "read_one", counting_read)
    warm = small()
    assert sorted(read) == sorted(_small_site())
    assert_same_site(warm, small(cached=False))


def test_the_key_is_made_once_for_this_user_alone(tmp_path, monkeypatch):
    path = tmp_path / "keys" / "signing-key"
    monkeypatch.setenv(signing.KEY_PATH_VARIABLE, str(path))
    key = signing.signing_key(tmp_path / "cache")
    assert key is not None and len(key) == signing.KEY_BYTES
    assert path.stat().st_mode & 0o777 == 0o600
    assert signing.signing_key(tmp_path / "cache") == key
    path.chmod(0o644)  # as git checks a file out: another user could have written it
    assert signing.signing_key(tmp_path / "cache") is None


def test_the_key_lives_in_the_users_cache_folder(tmp_path, monkeypatch):
    monkeypatch.delenv(signing.KEY_PATH_VARIABLE)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert signing.key_path() == tmp_path / "xdg" / "megaphone" / "signing-key"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")  # ignored, as XDG says
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert signing.key_path() == tmp_path / "home" / ".cache" / "megaphone" / "signing-key"


def test_a_key_inside_the_cache_folder_is_never_used(tmp_path, monkeypatch):
    """It could have come with the cache itself, and signed what came with it."""
    monkeypatch.setenv(signing.KEY_PATH_VARIABLE, str(tmp_path / "cache" / "signing-key"))
    assert signing.signing_key(tmp_path / "cache") is None


def test_without_a_key_the_site_builds_without_its_cache(small, monkeypatch):
    """A read-only home: no key can be made, so the build runs without a cache."""
    (small.root / "a-file").write_text("")
    monkeypatch.setenv(signing.KEY_PATH_VARIABLE, str(small.root / "a-file" / "signing-key"))
    built = small()
    assert not (small.root / "cache").exists()
    assert_same_site(built, small(cached=False))
    status, report = _check(small.content, small.root / "cache", monkeypatch)
    assert status == 0 and "error" not in report, report


# --- Git ------------------------------------------------------------------------------


def test_a_cache_folder_git_tracks_is_reported_and_an_ignored_one_is_not(small, monkeypatch):
    git(small.root, "init", "-q")
    (small.root / ".gitignore").write_text("cache/\n")
    small()
    status, report = _check(small.content, small.root / "cache", monkeypatch)
    assert "cache-tracked" not in report
    git(small.root, "add", "-f", "cache")
    status, report = _check(small.content, small.root / "cache", monkeypatch)
    (line,) = [line for line in report.splitlines() if "[cache-tracked]" in line]
    tracked = len(build_cache.tracked_files(small.root / "cache"))
    assert line.startswith(f"{small.root / 'cache'}: [cache-tracked] git tracks {tracked} files")
    assert "'git rm -r --cached " in line and status == 0


def test_asking_git_runs_no_program_the_repository_names(small, tmp_path):
    """A repository's config can name a program for `git ls-files` to start
    (core.fsmonitor): the project may be a downloaded copy, .git/config and all."""
    git(small.root, "init", "-q")
    (small.root / "cache").mkdir()
    (small.root / "cache" / "file").write_text("x")
    git(small.root, "add", "-f", "cache")
    ran = tmp_path / "fsmonitor-ran"
    git(small.root, "config", "core.fsmonitor", f"touch {ran}; true")
    assert build_cache.tracked_files(small.root / "cache") == ["file"]
    assert not ran.exists()


def test_no_git_or_no_repository_is_no_warning(tmp_path, monkeypatch):
    (tmp_path / "cache").mkdir()
    assert build_cache.tracked_files(tmp_path / "cache") == []
    assert build_cache.tracked_files(tmp_path / "missing") == []
    monkeypatch.setenv("PATH", str(tmp_path / "no-programs"))
    git_less = tmp_path / "repo" / "cache"
    git_less.mkdir(parents=True)
    assert build_cache.tracked_files(git_less) == []


# --- Time zones -----------------------------------------------------------------------


@pytest.fixture
def zones(tmp_path):
    """A TZPATH of the test's own: zones(name, rules) puts rules under that name, as a
    system update of the time-zone files does."""
    folder = tmp_path / "zoneinfo"

    def install(name: str, rules: bytes) -> None:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(rules)
        zoneinfo.ZoneInfo.clear_cache()

    zoneinfo.reset_tzpath([str(folder)])
    yield install
    zoneinfo.reset_tzpath()
    zoneinfo.ZoneInfo.clear_cache()


def test_new_time_zone_rules_show_on_a_warm_build(small, zones):
    """The files are the same, the rules of the campaign's zone are not: its summer
    deadline is an hour later (Lagos keeps no summer time), and a warm build says so
    as a cold one does. (On its Date, in winter, both are an hour ahead of UTC: only
    the rules themselves tell the two apart.)"""
    paris, lagos = build_cache.zone_rules("Europe/Paris"), build_cache.zone_rules("Africa/Lagos")
    assert paris and lagos and paris != lagos
    zones("Europe/Paris", paris)
    (small.content / "campaigns" / "lyon.md").write_text(
        campaign_md(slug="lyon", timezone="Europe/Paris", deadline="2030-07-31 18:00"), "utf-8"
    )
    before = small()
    zones("Europe/Paris", lagos)
    warm = small()
    assert tree(warm)["lyon/index.html"] != tree(before)["lyon/index.html"]
    assert_same_site(warm, small(cached=False))


def test_a_cache_file_is_read_only_if_it_is_a_plain_file(tmp_path):
    """A link to /dev/zero would be read for ever, a named pipe would wait for ever."""
    (tmp_path / "endless").symlink_to("/dev/zero")
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "plain").write_bytes(b"data")
    for name in ("endless", "pipe"):
        with pytest.raises(OSError):
            signing.read_file(tmp_path / name)
    assert signing.read_file(tmp_path / "plain") == b"data"
