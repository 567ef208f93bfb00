"""Build into a fresh folder and put it in place only when the build succeeds.

A failed or killed build then leaves the last good site exactly as it was:
no empty folder, no half-written page, no truncated feed. The new folder is
a sibling of the output folder, so that putting it in place is a rename on
one file system, not a copy."""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

PARTIAL = ".partial-"


@contextlib.contextmanager
def fresh_output(output: str | os.PathLike) -> Iterator[Path]:
    """Yields the folder to build into; `Swap.keep()` inside the block puts it in place."""
    output = Path(output).absolute()
    output.parent.mkdir(parents=True, exist_ok=True)
    for stale in output.parent.glob(f".{output.name}{PARTIAL}*"):  # left by a killed build
        if stale not in _being_removed:
            shutil.rmtree(stale, ignore_errors=True)
    building = Path(tempfile.mkdtemp(prefix=f".{output.name}{PARTIAL}", dir=output.parent))
    try:
        yield building
    finally:
        shutil.rmtree(building, ignore_errors=True)  # gone already if it was kept


def put_in_place(
    building: Path, output: str | os.PathLike, *, preview: bool = False, kept: tuple = ()
) -> None:
    """Replace `output` with `building`: two renames, so no moment shows half a site.
    `kept`: Pelican's OUTPUT_RETENTION, what a site keeps in its output folder (`CNAME`,
    `.git`): moved into the new site, unless the build wrote one of its own.

    For the preview (`make devserver`) the times do not matter and the old site
    is removed by a thread: the rebuilt page shows without waiting. Otherwise it is
    removed by a process of its own that outlives the command (`make html` returns
    once the new site is in place: the old one's thousands of files are nobody's
    to wait for). A killed removal leaves it for the next build's fresh_output."""
    output = Path(output).absolute()
    building.chmod(0o755)  # mkdtemp makes it private; a web server must read it
    if not output.exists():
        building.rename(output)
        return
    if not preview:
        keep_unchanged_times(building, output)
    _keep(kept, output, building)
    old = Path(tempfile.mkdtemp(prefix=f".{output.name}{PARTIAL}old-", dir=output.parent))
    old.rmdir()
    output.rename(old)
    building.rename(output)
    if preview:  # a killed preview leaves it for the next build's fresh_output to remove
        _being_removed.add(old)
        threading.Thread(target=_remove, args=(old,), daemon=True).start()
    else:
        remove_in_background(old)


def remove_in_background(folder: Path) -> None:
    """rmtree in a new process, in a session of its own (a Ctrl-C in the terminal after
    the command ended does not stop it); where no process can start, here and now."""
    code = "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)"
    try:
        subprocess.Popen(
            [sys.executable, "-I", "-S", "-c", code, str(folder)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
            close_fds=True,
        )
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)


def _keep(names: tuple, output: Path, building: Path) -> None:
    for name in names:
        if not isinstance(name, str) or not name or os.sep in name or name in (".", ".."):
            continue  # a name in the folder itself, as Pelican reads OUTPUT_RETENTION
        before, after = output / name, building / name
        if (before.exists() or before.is_symlink()) and not (after.exists() or after.is_symlink()):
            before.rename(after)


_being_removed: set[Path] = set()  # old previews going in the background


def _remove(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    _being_removed.discard(folder)


def _same_bytes(a: Path, b: Path, size: int = 1 << 16) -> bool:
    with a.open("rb") as first, b.open("rb") as second:
        while True:
            one, two = first.read(size), second.read(size)
            if one != two:
                return False
            if not one:
                return True


def keep_unchanged_times(building: Path, output: Path) -> None:
    """Each new file whose bytes are those of the file it replaces keeps that
    file's modification time, so that rsync, `aws s3 sync` and hosts that
    compare times see only what really changed. (os.walk and os.lstat: with
    pathlib's rglob this took as long as the rest of a warm build's swap.)"""
    for top, _folders, names in os.walk(building):
        below = os.path.relpath(top, building)
        for name in names:
            new = os.path.join(top, name)
            old = os.path.normpath(os.path.join(output, below, name))
            try:
                after, before = os.lstat(new), os.lstat(old)
            except OSError:
                continue
            if not (stat.S_ISREG(after.st_mode) and stat.S_ISREG(before.st_mode)):
                continue  # a link, or a folder where a file was
            if before.st_size == after.st_size and _same_bytes(Path(old), Path(new)):
                os.utime(new, ns=(before.st_atime_ns, before.st_mtime_ns))
