"""Build time at scale: Megaphone against plain Pelican on the same Markdown.

    python bench/build_scale.py [N ...]      (default: 10 100 1000)

For each N it writes N campaigns made from the example (each with its own
slug), then, alternating, in each round:
- cold: Megaphone (`python -m pelican.plugins.megaphone.commands build`, the command of
  `make html`) with an empty build cache;
- warm: the same again, nothing changed, the cache as the cold build left it;
- plain: plain Pelican (bench/plain_pelicanconf.py: no plugins, a minimal
  theme), a full build.
It prints the median and spread of each, and the ratios to plain Pelican.
Then, at the largest N, the rebuild `make devserver` does after one campaign is
edited: its own code (`devserver.build_once`) in one process, as the preview
runs, several edits in a row. `make bench` (bench/report.py) runs it with the
other benchmarks. Absolute times depend on the machine; the ratios are the
figures to watch."""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
EXAMPLE = ROOT / "tests" / "fixtures" / "example" / "campaigns" / "ban-the-scan-nypd.md"
ROUNDS = {10: 5, 100: 5, 1000: 3}
PAUSE = 2.0  # seconds between saves in the rebuild benchmark, not counted


def write_campaigns(content: Path, count: int) -> None:
    source = EXAMPLE.read_text("utf-8")
    folder = content / "campaigns"
    folder.mkdir(parents=True)
    shutil.copytree(EXAMPLE.parent.parent / "images", content / "images")
    for i in range(count):
        text = source.replace("Slug: ban-the-scan-nypd", f"Slug: campaign-{i:04d}")
        text = text.replace("Title: Tell the NYPD", f"Title: Campaign {i}: tell the NYPD")
        (folder / f"campaign-{i:04d}.md").write_text(text, "utf-8")


def timed(command: list[str], cwd: Path, env: dict) -> float:
    start = time.perf_counter()
    subprocess.run(
        command, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    return time.perf_counter() - start


def megaphone_build(content: Path, out: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "pelican.plugins.megaphone.commands",
        "build",
        str(content),
        "-o",
        str(out),
        "-s",
        str(ROOT / "pelicanconf.py"),
    ]


def plain_build(content: Path, out: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "pelican",
        str(content),
        "-o",
        str(out),
        "-s",
        str(BENCH / "plain_pelicanconf.py"),
        "--delete-output-directory",
    ]


@dataclass
class Times:
    runs: dict[str, list[float]]

    def median(self, name: str) -> float:
        return statistics.median(self.runs[name])

    def spread(self, name: str) -> str:
        return f"{min(self.runs[name]):.2f}-{max(self.runs[name]):.2f}"


def scale(count: int, env: dict, rounds: int | None = None) -> Times:
    """Cold (empty cache), warm (nothing changed) and plain Pelican, alternating."""
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        content = scratch / "content"
        write_campaigns(content, count)
        cache = scratch / "cache"
        env = {**env, "MEGAPHONE_CACHE_PATH": str(cache)}
        runs: dict[str, list[float]] = {"cold": [], "warm": [], "plain": []}
        for _ in range(rounds or ROUNDS.get(count, 3)):
            shutil.rmtree(cache, ignore_errors=True)
            runs["cold"].append(timed(megaphone_build(content, scratch / "m"), ROOT, env))
            runs["warm"].append(timed(megaphone_build(content, scratch / "m"), ROOT, env))
            runs["plain"].append(timed(plain_build(content, scratch / "p"), BENCH, env))
        return Times(runs)


def rebuild_in_process(content: str, output: str, edits: int) -> None:
    """As `make devserver` runs: one process, a first build, then a rebuild after each
    edit of one campaign. Prints the seconds of each, as JSON."""
    import contextlib
    import io
    import logging

    from pelican.plugins.megaphone.commands.devserver import build_once

    logging.disable(logging.WARNING)
    times = []
    folder = Path(content) / "campaigns"
    for i in range(edits + 1):
        if i:
            time.sleep(PAUSE)  # the time it takes to edit and save: the old site goes meanwhile
            edited = folder / f"campaign-{i % 7:04d}.md"
            text = edited.read_text("utf-8")
            edited.write_text(text.replace("Dear Commissioner", f"Dear Commissioner {i}"), "utf-8")
        start = time.perf_counter()
        with contextlib.redirect_stdout(io.StringIO()):
            outcome = build_once(str(ROOT / "pelicanconf.py"), content, output)
        times.append(time.perf_counter() - start)
        assert outcome.ok, outcome
    print(json.dumps(times))


def incremental(count: int, env: dict, edits: int = 5) -> Times:
    """`make devserver`'s rebuilds after editing one campaign of `count`: the first build
    (empty cache) as "first", then each rebuild, in one process."""
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        write_campaigns(scratch / "content", count)
        env = {**env, "MEGAPHONE_CACHE_PATH": str(scratch / "cache")}
        command = [
            sys.executable,
            __file__,
            "--rebuild-in-process",
            str(scratch / "content"),
            str(scratch / "out"),
            str(edits),
        ]
        printed = subprocess.run(
            command, cwd=ROOT, env=env, check=True, capture_output=True, text=True
        ).stdout
        times = json.loads(printed.strip().splitlines()[-1])
        return Times({"first": times[:1], "rebuild": times[1:]})


def environment() -> dict:
    return {**os.environ, "PYTHONPATH": str(ROOT / ".plugin"), "CAMPAIGN_TODAY": "2021-02-22"}


def main(argv: list[str]) -> int:
    if argv[:1] == ["--rebuild-in-process"]:
        rebuild_in_process(argv[1], argv[2], int(argv[3]))
        return 0
    counts = [int(a) for a in argv] or [10, 100, 1000]
    env = environment()
    print(
        f"{'N':>6} {'plain Pelican':>14} {'cold':>8} {'ratio':>7} {'warm':>8} {'ratio':>7}"
        "   (medians; spread in brackets)"
    )
    for count in counts:
        t = scale(count, env)
        plain = t.median("plain")
        print(
            f"{count:>6} {plain:>13.2f}s {t.median('cold'):>7.2f}s "
            f"{t.median('cold') / plain:>6.2f}x {t.median('warm'):>7.2f}s "
            f"{t.median('warm') / plain:>6.2f}x   [plain {t.spread('plain')}, "
            f"cold {t.spread('cold')}, warm {t.spread('warm')}]",
            flush=True,
        )
    rebuild = incremental(max(counts), env)
    print(
        f"\nmake devserver, rebuild after editing 1 of {max(counts)} campaigns: median "
        f"{rebuild.median('rebuild'):.2f}s [{rebuild.spread('rebuild')}] over "
        f"{len(rebuild.runs['rebuild'])} edits (first build {rebuild.median('first'):.2f}s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
