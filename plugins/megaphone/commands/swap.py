"""Build into a fresh folder and put it in place only when the build succeeds.

A failed or killed build then leaves the last good site exactly as it was:
no empty folder, no half-written page, no truncated feed. The new folder is
a sibling of the output folder, so that putting it in place is a rename on
one file system, not a copy."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

PARTIAL = ".partial-"


@contextlib.contextmanager
def fresh_output(output: str | os.PathLike) -> Iterator[Path]:
    """Yields the folder to build into; `Swap.keep()` inside the block puts it in place."""
    output = Path(output).absolute()
    output.parent.mkdir(parents=True, exist_ok=True)
    for stale in output.parent.glob(f".{output.name}{PARTIAL}*"):  # left by a killed build
        shutil.rmtree(stale, ignore_errors=True)
    building = Path(tempfile.mkdtemp(prefix=f".{output.name}{PARTIAL}", dir=output.parent))
    try:
        yield building
    finally:
        shutil.rmtree(building, ignore_errors=True)  # gone already if it was kept


def put_in_place(building: Path, output: str | os.PathLike) -> None:
    """Replace `output` with `building`: two renames, so no moment shows half a site."""
    output = Path(output).absolute()
    building.chmod(0o755)  # mkdtemp makes it private; a web server must read it
    if not output.exists():
        building.rename(output)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{output.name}{PARTIAL}old-", dir=output.parent))
    old.rmdir()
    output.rename(old)
    building.rename(output)
    shutil.rmtree(old, ignore_errors=True)
