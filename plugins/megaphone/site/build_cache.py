"""The build cache: what each campaign gives the site, kept between builds.

A campaign's checked model, its pages, flyer and calendar file depend on its
own file and on what the whole site shares: this plugin's code and the
packages it uses, the theme, the settings and the build date. Every entry is
stored under a hash of all of its inputs, so a changed input means a new key,
never a stale entry: a build from a warm cache writes the same bytes as one
from a cold cache (tests/test_build_cache.py).

Entries live in CACHE_PATH (cache/ by default; `make clean` clears it), one
file each, written atomically, so two builds can share the folder. Every file
there that is loaded as a pickle or as code is signed (signing.py): one that
came with a checkout, or from anyone else's build, is dropped, never loaded.

A page's key covers its campaign, its translations and the list of every
page's address and title; a theme that shows more of other campaigns on a
campaign page must set `MEGAPHONE_CACHE = False`."""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import re
import shutil
import subprocess
import sys
import time
import zoneinfo
from collections.abc import Callable, Iterable
from importlib import metadata, resources
from pathlib import Path
from typing import Any

from . import signing

CODE = Path(__file__).resolve().parent.parent  # plugins/megaphone
PACKAGES = (
    "pelican",
    "markdown",
    "jinja2",
    "babel",
    "nh3",
    "beautifulsoup4",
    "segno",
    "icalendar",
    "email-validator",
    "markupsafe",
    "python-dateutil",
    "pillow",  # the published pictures' bytes (its encoders come with it)
    "phonenumbers",  # what a number is, and how it is written
    # Not tzdata: the rules of each zone a campaign uses are in its key, as
    # zoneinfo reads them (zone_digest), from the system's files or from tzdata.
)
# Settings that say where or whether to build, not what: `make check`, `make html`
# and the preview share entries. (The preview's reload script is a setting that counts.)
_NOT_INPUTS = {
    "OUTPUT_PATH",
    "CACHE_PATH",
    "CACHE_CONTENT",
    "LOAD_CONTENT_CACHE",
    "CONTENT_CACHING_LAYER",
    "CHECK_MODIFIED_METHOD",
    "MEGAPHONE_CACHE",
    "MEGAPHONE_SETTINGS_FILE",
    "MEGAPHONE_PREVIEW_LIVE_OUTPUT",
    "WRITE_SELECTED",
    "DELETE_OUTPUT_DIRECTORY",
}
KEEP_SITES = 4  # sets of settings kept at once (say `make html` and the preview)


def digest(*parts: object) -> str:
    """One hash of several parts, each length-prefixed so that no two lists collide."""
    hasher = hashlib.sha256()
    for part in parts:
        data = part if isinstance(part, bytes) else str(part).encode("utf-8", "surrogatepass")
        hasher.update(len(data).to_bytes(8, "big"))
        hasher.update(data)
    return hasher.hexdigest()


def folder_digest(folder: str | os.PathLike) -> str:
    """Every file under `folder`: its path and its bytes (compiled Python left out)."""
    root = Path(folder)
    parts: list[object] = []
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            parts += [path.relative_to(root).as_posix(), path.read_bytes()]
    return digest(*parts)


def _file_digest(path: str) -> str:
    try:
        return digest(Path(path).read_bytes())
    except OSError:
        return ""


def _plain(value: Any) -> Any:
    """Settings as JSON, the same in every process: a function or module by its name
    (never by repr, which holds a memory address), a function with the bytes of the
    file that defines it (the settings file, most often): its body can change while
    its name stays."""
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        items = [_plain(v) for v in value]
        return sorted(items, key=repr) if isinstance(value, set | frozenset) else items
    name = getattr(value, "__qualname__", None) or getattr(value, "__name__", None)
    module = getattr(value, "__module__", None) or ""
    code = getattr(value, "__code__", None)
    source = f" {_file_digest(code.co_filename)}" if code is not None else ""
    return (
        f"<{module}.{name}{source}>"
        if name
        else f"<{type(value).__module__}.{type(value).__name__}>"
    )


def settings_digest(settings: dict) -> str:
    chosen = {k: v for k, v in settings.items() if k not in _NOT_INPUTS}
    return digest(json.dumps(_plain(chosen), sort_keys=True))


def _other_plugins(settings: dict) -> list[str]:
    """The code of every other plugin the site loads: it may change what pages hold."""
    found = []
    for plugin in settings.get("PLUGINS") or ():
        module = sys.modules.get(plugin) if isinstance(plugin, str) else plugin
        path = getattr(module, "__file__", None)
        if not path or Path(path).resolve().is_relative_to(CODE):
            continue
        source = Path(path)
        found.append(folder_digest(source.parent) if source.name == "__init__.py" else "")
        found.append(_file_digest(str(source)))
    return found


def _versions() -> str:
    found = []
    for name in PACKAGES:
        try:
            found.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name}=-")
    return ",".join(found)


def _megaphone_theme(settings: dict) -> tuple[str, ...]:
    """A campaign page in a site's own theme is made of Megaphone's theme's templates
    (site/site_theme.py): inputs too, wherever the package put them."""
    from .. import theme_path
    from .site_theme import uses_site_theme

    return (folder_digest(theme_path()),) if uses_site_theme(settings) else ()


class BuildCache:
    """get/put by key, for one build. `off()` stores nothing and finds nothing.

    Entries are kept in bundles, one file per campaign file (its owner): one read
    per campaign, and one write per changed campaign, instead of one per entry."""

    def __init__(self, folder: Path | None, site: str = "", signing_key: bytes = b"") -> None:
        self.folder = folder
        self.site = site  # the digest every key starts from
        self.signing_key = signing_key  # every file loaded as a pickle or code is signed with it
        self._zones: dict[str, str] = {}  # zone name -> the digest of its rules, this build
        self.started = time.time()
        self.page_keys: dict[str, str] = {}  # source path -> the key of its campaign's pages
        self._bundles: dict[str, dict[str, bytes]] = {}  # owner -> every entry on disk
        self._used: dict[str, dict[str, bytes]] = {}  # owner -> the entries this build used
        self._dirty: set[str] = set()

    @classmethod
    def off(cls) -> BuildCache:
        return cls(None)

    @classmethod
    def for_settings(cls, settings: dict) -> BuildCache:
        if not settings.get("MEGAPHONE_CACHE", True):
            return cls.off()
        key = signing.signing_key(settings["CACHE_PATH"])
        if key is None:  # nothing could tell our files from planted ones: no cache
            return cls.off()
        site = digest(
            sys.version,
            _versions(),
            folder_digest(CODE),
            folder_digest(settings["THEME"]),
            # Pelican looks for templates there first: inputs as much as the theme's own.
            *(folder_digest(path) for path in settings.get("THEME_TEMPLATES_OVERRIDES") or ()),
            *_megaphone_theme(settings),
            *_other_plugins(settings),
            settings_digest(settings),
        )
        folder = Path(settings["CACHE_PATH"]) / "megaphone" / site[:24]
        if not _without_links(folder, Path(settings["CACHE_PATH"])):
            return cls.off()
        return cls(folder, site, key)

    @property
    def on(self) -> bool:
        return self.folder is not None

    def key(self, *parts: object) -> str:
        return digest(self.site, *parts)

    def _path(self, owner: str) -> Path:
        assert self.folder is not None
        return self.folder / "entries" / digest(self.site, owner)[:32]

    def zone_digest(self, name: str) -> str:
        """The rules of a time zone as this build reads them: a system update changes them."""
        if name not in self._zones:
            self._zones[name] = zone_digest(name)
        return self._zones[name]

    def _bundle(self, owner: str) -> dict[str, bytes]:
        if owner not in self._bundles:
            path = self._path(owner)
            try:
                data = signing.unseal(self.signing_key, path.name, signing.read_file(path))
                # Unsigned, signed by another key, or cut short: never unpickled.
                found = {} if data is None else pickle.loads(data)
            except Exception:  # none yet, or written by another version: start again
                found = {}
            self._bundles[owner] = found if isinstance(found, dict) else {}
            self._used[owner] = {}
        return self._bundles[owner]

    def get(self, key: str, owner: str) -> bytes | None:
        if self.folder is None:
            return None
        data = self._bundle(owner).get(key)
        if data is not None:
            self._used[owner][key] = data
        return data

    def put(self, key: str, data: bytes, owner: str) -> None:
        if self.folder is None:
            return
        self._bundle(owner)[key] = data
        self._used[owner][key] = data
        self._dirty.add(owner)

    def remember(self, key: str, make: Callable[[], bytes], owner: str) -> bytes:
        found = self.get(key, owner)
        if found is None:
            found = make()
            self.put(key, found, owner)
        return found

    def get_object(self, key: str, owner: str) -> Any:
        data = self.get(key, owner)
        if data is None:
            return None
        try:
            return pickle.loads(data)
        except Exception:  # written by another version of a class: make it again
            return None

    def put_object(self, key: str, value: object, owner: str) -> None:
        self.put(key, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), owner)

    def save(self, complete: bool) -> None:
        """Write each bundle that changed, atomically (a killed build leaves no
        half-written file). After a complete build a bundle keeps only what the
        build used; after a check, or a build stopped by problems, it keeps all."""
        if self.folder is None:
            return
        for owner, bundle in self._bundles.items():
            used = self._used[owner]
            if complete and used.keys() != bundle.keys():
                kept = used
            elif owner in self._dirty:
                kept = used if complete else bundle
            else:
                continue
            path = self._path(owner)
            data = pickle.dumps(kept, protocol=pickle.HIGHEST_PROTOCOL)
            try:
                signing.write_atomically(path, signing.seal(self.signing_key, path.name, data))
            except OSError:
                pass  # a full or read-only disk: the next build is slower, not wrong
        self._dirty.clear()

    def prune(self) -> None:
        """After a whole build: drop the bundles of files the site no longer has
        (older than this build, so that a build beside it keeps its own), and all
        but the latest few sets of settings."""
        if self.folder is None or not self.folder.is_dir():
            return
        kept = {self._path(owner).name for owner in self._bundles}
        for entry in self.folder.glob("entries/*"):
            try:
                if entry.name not in kept and entry.stat().st_mtime < self.started:
                    entry.unlink()
            except OSError:
                pass
        try:  # a folder this user may read but not change (`sudo make html` once) stays as is
            os.utime(self.folder)
            others = sorted(
                (p for p in self.folder.parent.iterdir() if p.is_dir() and p != self.folder),
                key=_age,
                reverse=True,
            )
        except OSError:
            return
        for stale in others[KEEP_SITES - 1 :]:
            shutil.rmtree(stale, ignore_errors=True)


def _without_links(folder: Path, base: Path) -> bool:
    """A symbolic link in the cache folder (git keeps links) would send the build's writes,
    and its removal of files it does not trust, anywhere: pelican/ made a link to
    ~/Documents. Each link between CACHE_PATH (which may be one, the settings' own
    choice) and what the build opens is removed: the link, never what it points to.
    False if one cannot be: the build then runs without its cache."""
    used = [folder.parent, folder, *(folder / name for name in ("entries", "templates"))]
    used += [folder / "pelican", folder / PELICAN_RECORD]
    for path in used:
        try:
            if path.is_symlink():
                path.unlink()
        except OSError:
            return False
    return base.resolve() in folder.resolve().parents


def _age(folder: Path) -> float:
    try:
        return folder.stat().st_mtime
    except OSError:  # removed meanwhile, by a build beside this one
        return 0.0


# --- Pelican's own reader cache ------------------------------------------------------

PELICAN_RECORD = "pelican.ok"  # beside Pelican's folder: the files a finished build left


def _pelican_files(folder: Path) -> list[Path]:
    try:
        # A link, even to a folder, is never Pelican's: removed with the untrusted files.
        return sorted(p for p in folder.iterdir() if p.is_symlink() or not p.is_dir())
    except OSError:
        return []


def _pelican_mac(key: bytes, path: Path) -> str | None:
    try:
        return signing.mac(key, f"pelican {path.name}", signing.read_file(path))
    except OSError:
        return None


def _pelican_record(folder: Path, key: bytes) -> dict[str, str]:
    """The signed record of Pelican's files, or nothing when it is not ours."""
    try:
        data = signing.unseal(
            key, PELICAN_RECORD, signing.read_file(folder.parent / PELICAN_RECORD)
        )
        record = json.loads(data) if data is not None else {}
    except (OSError, ValueError):
        return {}
    return record if isinstance(record, dict) else {}


def drop_untrusted(folder: Path, key: bytes) -> bool:
    """Pelican unpickles its cache files itself, so each is checked before it opens
    them: only a file whose signature (over its bytes) a finished build recorded is
    kept. One that came with a checkout, was changed since, or was left cut short by
    a killed build (which stopped every later build with EOFError) is removed, and
    simply made again. False if one could not be removed: Pelican must not load any."""
    record = _pelican_record(folder, key)
    removed_all = True
    for path in _pelican_files(folder):
        expected = record.get(path.name)
        if not expected or expected != _pelican_mac(key, path):
            try:
                path.unlink()
            except FileNotFoundError:
                pass
            except OSError:
                removed_all = False
    return removed_all


def trust_pelican_cache(folder: Path, key: bytes) -> None:
    """After a build that finished: Pelican's cache files as they are now are whole."""
    record = {path.name: _pelican_mac(key, path) for path in _pelican_files(folder)}
    data = json.dumps(record, sort_keys=True).encode("utf-8")
    try:
        signing.write_atomically(
            folder.parent / PELICAN_RECORD, signing.seal(key, PELICAN_RECORD, data)
        )
    except OSError:
        pass  # a read-only folder: Pelican's files are made again next time


# --- Time zones ---------------------------------------------------------------------

_ZONE_NAME = re.compile(r"[A-Za-z0-9_+-]+(?:/[A-Za-z0-9_+-]+)*")  # never .. nor /etc/...


def zone_rules(name: str) -> bytes | None:
    """A zone's rules where zoneinfo finds them: the first TZPATH folder holding the
    file, else the tzdata package. None for a name with no rules (an unknown zone)."""
    if not _ZONE_NAME.fullmatch(name):
        return None
    for folder in zoneinfo.TZPATH:
        path = Path(folder, name)
        if path.is_file():
            try:
                return path.read_bytes()
            except OSError:
                return None
    *package, resource = name.split("/")
    try:
        return (
            resources.files(".".join(["tzdata.zoneinfo", *package])).joinpath(resource).read_bytes()
        )
    except (ImportError, OSError, TypeError, ValueError):
        return None


def zone_digest(name: str) -> str:
    rules = zone_rules(name)
    return digest(name, "no rules" if rules is None else digest(rules))


# --- Git ----------------------------------------------------------------------------


def tracked_files(folder: str | os.PathLike) -> list[str]:
    """What git tracks under `folder`, if it lies in a git work tree: files that came
    with the checkout. Nothing when git is missing, or the folder is in no repository."""
    if not Path(folder).is_dir():
        return []
    try:
        listed = subprocess.run(
            # A repository's own config can name a program for git to run (core.fsmonitor,
            # which ls-files starts): the folder may be a download, not a clone.
            ["git", "-c", "core.fsmonitor=false", "ls-files", "-z", "--", "."],
            cwd=folder,
            capture_output=True,
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return []
    if listed.returncode != 0:  # not a repository (128), or git refused
        return []
    return [name for name in listed.stdout.decode("utf-8", "replace").split("\0") if name]


def sources_digest(paths: Iterable[tuple[str, ...]]) -> str:
    """The site's list of pages (source, address, language, title...): a page that
    links to another depends on it."""
    return digest(*sorted("\0".join(p) for p in paths))
