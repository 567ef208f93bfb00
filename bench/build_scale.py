"""Build time at scale: Megaphone against plain Pelican on the same Markdown.

    python bench/build_scale.py [N ...]      (default: 10 100 1000)

For each N it writes N campaigns made from the example (each with its own
slug), then builds them with Megaphone (`python -m megaphone.commands build`, the same
command as `make html`) and with plain Pelican (bench/plain_pelicanconf.py:
no plugins, a minimal theme), alternating the two, and prints the median of
each and their ratio. Then, at the largest N, it measures the rebuild that
`make devserver` does after one campaign is edited (Pelican's content cache on),
for both. `make bench` (bench/report.py) runs it with the other benchmarks.
Absolute times depend on the machine; the ratio is the figure to watch."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
EXAMPLE = ROOT / "tests" / "fixtures" / "example" / "campaigns" / "ban-the-scan-nypd.md"
ROUNDS = {10: 5, 100: 5, 1000: 3}


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


def commands(content: Path, out: Path) -> dict[str, tuple[list[str], Path]]:
    python = sys.executable
    return {
        "megaphone": (
            [
                python,
                "-m",
                "megaphone.commands",
                "build",
                str(content),
                "-o",
                str(out / "m"),
                "-s",
                str(ROOT / "pelicanconf.py"),
            ],
            ROOT,
        ),
        "plain": (
            [
                python,
                "-m",
                "pelican",
                str(content),
                "-o",
                str(out / "p"),
                "-s",
                str(BENCH / "plain_pelicanconf.py"),
                "--delete-output-directory",
            ],
            BENCH,
        ),
    }


def scale(count: int, env: dict, rounds: int | None = None) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        write_campaigns(scratch / "content", count)
        runs = {"megaphone": [], "plain": []}
        for _ in range(rounds or ROUNDS.get(count, 3)):
            for name, (command, cwd) in commands(scratch / "content", scratch / "out").items():
                runs[name].append(timed(command, cwd, env))
        return {name: statistics.median(times) for name, times in runs.items()}


def incremental(count: int, env: dict) -> dict[str, tuple[float, float]]:
    """For Megaphone and for plain Pelican, both with Pelican's content cache on
    (as `make devserver`): (full build with an empty cache, rebuild after
    editing one campaign)."""
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        write_campaigns(scratch / "content", count)
        cache = "CACHE_CONTENT = True\nLOAD_CONTENT_CACHE = True\n"
        settings = scratch / "devconf.py"
        settings.write_text(
            f"exec(open({str(ROOT / 'pelicanconf.py')!r}).read())\n"
            f"THEME = {str(ROOT / 'theme')!r}\nPLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\n"
            f"{cache}CACHE_PATH = {str(scratch / 'cache')!r}\n"
        )
        plain = scratch / "plainconf.py"
        plain.write_text(
            f"exec(open({str(BENCH / 'plain_pelicanconf.py')!r}).read())\n"
            f"THEME = {str(BENCH / 'plain_theme')!r}\n"
            f"{cache}CACHE_PATH = {str(scratch / 'plain-cache')!r}\n"
        )
        runs = {
            "megaphone": [
                sys.executable,
                "-m",
                "megaphone.commands",
                "build",
                str(scratch / "content"),
                "-o",
                str(scratch / "out"),
                "-s",
                str(settings),
            ],
            "plain": [
                sys.executable,
                "-m",
                "pelican",
                str(scratch / "content"),
                "-o",
                str(scratch / "plain-out"),
                "-s",
                str(plain),
            ],
        }
        first = {name: timed(command, ROOT, env) for name, command in runs.items()}
        edited = scratch / "content" / "campaigns" / "campaign-0000.md"
        edited.write_text(
            edited.read_text("utf-8").replace("Dear Commissioner", "Dear Sir"), "utf-8"
        )
        return {name: (first[name], timed(command, ROOT, env)) for name, command in runs.items()}


def environment() -> dict:
    return {**os.environ, "PYTHONPATH": str(ROOT / "plugins"), "CAMPAIGN_TODAY": "2021-02-22"}


def main(argv: list[str]) -> int:
    counts = [int(a) for a in argv] or [10, 100, 1000]
    env = environment()
    print(f"{'N':>6} {'plain Pelican':>14} {'Megaphone':>10} {'ratio':>7} {'per campaign':>13}")
    for count in counts:
        result = scale(count, env)
        per = (result["megaphone"] - result["plain"]) / count * 1000
        print(
            f"{count:>6} {result['plain']:>13.2f}s {result['megaphone']:>9.2f}s "
            f"{result['megaphone'] / result['plain']:>6.2f}x {per:>10.1f} ms extra",
            flush=True,
        )
    rebuild = incremental(max(counts), env)
    (first, again), (plain_first, plain_again) = rebuild["megaphone"], rebuild["plain"]
    print(
        f"\nRebuild after editing 1 of {max(counts)} campaigns (content cache on): "
        f"{again:.2f}s (first build {first:.2f}s); plain Pelican {plain_again:.2f}s "
        f"(first {plain_first:.2f}s); ratio {again / plain_again:.2f}x"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
