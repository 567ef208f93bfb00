"""Fixtures shared by every test. Helpers live in helpers.py."""

import atexit
import os
import shutil
import stat
import sys
import tempfile
from pathlib import Path

import pytest
from pelican.settings import DEFAULT_CONFIG

from helpers import (
    TemplateCodeCache,
    build,
    disconnect_receivers_since,
    signal_receivers,
    write_example,
    write_site,
)

# The tests write tens of thousands of small files (sites, caches, browser profiles):
# on Linux they go to the RAM disk when it has room, a quarter less time than on a
# disk here. TMPDIR set by hand wins; xdist's workers inherit this from the first process.
RAM_DISK = Path("/dev/shm")
if "TMPDIR" not in os.environ and RAM_DISK.is_dir() and os.access(RAM_DISK, os.W_OK):
    if shutil.disk_usage(RAM_DISK).free >= 2 * 1024**3:
        ram_tmp = RAM_DISK / f"megaphone-tests-{os.getuid()}"
        ram_tmp.mkdir(mode=0o700, exist_ok=True)
        own = ram_tmp.lstat()  # a folder another user made first is not ours to use
        if stat.S_ISDIR(own.st_mode) and own.st_uid == os.getuid() and own.st_mode & 0o077 == 0:
            os.environ["TMPDIR"] = tempfile.tempdir = str(ram_tmp)

# Every in-process build (build(), build_as_make_does(), the commands' own code)
# shares compiled templates: Pelican adds its default Jinja options to the site's.
DEFAULT_CONFIG["JINJA_ENVIRONMENT"]["bytecode_cache"] = TemplateCodeCache()

# Builds keep their cache (pelicanconf.py's CACHE_PATH) in a folder of their own,
# never in the checkout's cache/; `make` in a subprocess inherits it.
_CACHE = tempfile.mkdtemp(prefix="megaphone-test-cache-")
os.environ["MEGAPHONE_CACHE_PATH"] = _CACHE
atexit.register(shutil.rmtree, _CACHE, ignore_errors=True)

# The key that signs cache files (plugins/megaphone/site/signing.py), made on first
# use: in a folder of its own, never in the real ~/.cache.
_KEY = tempfile.mkdtemp(prefix="megaphone-test-key-")
os.environ["MEGAPHONE_SIGNING_KEY_PATH"] = os.path.join(_KEY, "signing-key")
atexit.register(shutil.rmtree, _KEY, ignore_errors=True)


@pytest.fixture(autouse=True)
def plugins_stay_in_their_test():
    """Pelican connects each plugin's receivers to global signals and never lets go:
    one publishing build's pelican-precompress went on compressing every later build
    in the same test process (a 1,000-campaign build took 4 times as long).
    What a test connected is disconnected after it; every build connects its own."""
    before = signal_receivers()
    yield
    disconnect_receivers_since(before)
    # pelican-sitemap keeps the Pelican of the build it is in (a module-level object),
    # and a build that stops before `finalized` leaves it there: every later build in
    # the process then writes no sitemap (pelican -r too: said in the issue note).
    sitemap = sys.modules.get("pelican.plugins.sitemap.sitemap")
    if sitemap is not None:
        sitemap.generator.__init__()


@pytest.fixture
def site(tmp_path):
    """Write campaign files and build them: site({"a.md": text}, today=...)."""

    def _site(files: dict[str, str], today: str | None = None, **override) -> Path:
        content = write_site(tmp_path, files)
        return build(content, tmp_path / "output", today, **override)

    return _site


@pytest.fixture(scope="session")
def example_site(tmp_path_factory):
    """The shared example site, built once per build date: example_site("2021-02-22").

    Tests only read it."""
    root = tmp_path_factory.mktemp("example")
    content = write_example(root)
    built: dict[str | None, Path] = {}

    def _built(today: str | None) -> Path:
        if today not in built:
            built[today] = build(content, root / f"out-{today or 'now'}", today)
        return built[today]

    return _built
