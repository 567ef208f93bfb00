"""`pelican -r` after a build that stopped: wait for the next save before building again.

Pelican's autoreload waits for a change only after a run that finished. After a run
that raised (a campaign mistake, or any other), it runs the same Pelican again at
once, so a mistake would rebuild in a tight loop, a processor busy and the same
report again and again, until the file is saved fixed. So a build that follows a
stopped one, on the same Pelican, first waits for a change, with Pelican's own
watcher (pelican.utils.wait_for_changes), and says what changed as Pelican does.
A change saved while the stopped build ran counts: nothing is missed."""

from __future__ import annotations

import contextlib
import io
import logging
import os
import sys
from functools import cache

from pelican import DEFAULT_CONFIG_NAME, parse_arguments
from pelican.utils import wait_for_changes

logger = logging.getLogger(__name__)
PELICAN_MAIN = os.path.join("pelican", "__main__.py")  # `python -m pelican`


@cache
def settings_file_from_command_line() -> str:
    """The settings file `pelican -s FILE` was given, as Pelican finds it; "" when this
    is not Pelican's own command (a test, the plugin's commands, another tool)."""
    program = os.path.normpath(sys.argv[0] if sys.argv else "")
    if os.path.basename(program) != "pelican" and not program.endswith(PELICAN_MAIN):
        return ""
    try:
        with contextlib.redirect_stderr(io.StringIO()):  # argparse's usage, for another tool
            given = parse_arguments(sys.argv[1:]).settings
    except (SystemExit, Exception):
        return ""
    if given is None and os.path.isfile(DEFAULT_CONFIG_NAME):
        given = DEFAULT_CONFIG_NAME
    return os.path.abspath(given) if given else ""


def _watched(settings, settings_file: str) -> list[str]:
    paths = [settings_file, settings.get("THEME", ""), settings.get("PATH", "")]
    return [p for p in paths if p and os.path.exists(p)]


def snapshot(settings) -> dict[str, tuple[int, int, int]]:
    """Every file Pelican's watcher watches, as it is now: (modified, size, inode). A
    file deleted, or moved in with `mv` (which keeps its time), changes it too."""
    found: dict[str, tuple[int, int, int]] = {}
    for path in _watched(settings, settings_file_from_command_line()):
        files = [path] if os.path.isfile(path) else _files_under(path)
        for name in files:
            try:
                stat = os.stat(name)
            except OSError:  # removed while we looked
                continue
            found[name] = (stat.st_mtime_ns, stat.st_size, stat.st_ino)
    return found


def _files_under(folder: str) -> list[str]:
    return [os.path.join(top, name) for top, _dirs, names in os.walk(folder) for name in names]


def wait_for_a_save(settings, before: dict[str, tuple[int, int, int]]) -> None:
    """Before a build that follows a stopped one: until a file is not as it was when
    the stopped build started (`before`, its snapshot)."""
    settings_file = settings_file_from_command_line()
    if snapshot(settings) != before:  # saved while the stopped build ran
        return
    changed = {path for _change, path in wait_for_changes(settings_file, settings)}
    print(f"\n-> Modified: {', '.join(sorted(changed))}. re-generating...", flush=True)
    if settings_file in changed:
        logger.warning(
            "%s changed: pelican -r reads its settings again only after a build that "
            "finished. Stop it (Ctrl-C) and start it again to use the new settings.",
            os.path.basename(settings_file),
        )
