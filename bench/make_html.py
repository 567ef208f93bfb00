"""`make html` as a volunteer runs it, timed from outside, against plain Pelican.

    python bench/make_html.py [N]      (default: 1000)

N unchanged campaigns (bench/build_scale.py writes them from the example). Each
round, alternating: `make html` once more with nothing changed (the build cache
as the previous `make html` left it), and plain Pelican's full build of the same
Markdown (`pelican`, bench/plain_pelicanconf.py). Both are whole commands in a
new process, so the figure includes everything a volunteer waits for: make,
Python starting, the plugin loading, the checks and the copy into output/."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path[:0] = [str(BENCH)]

import build_scale  # noqa: E402

ROUNDS = 3


def make_html(content: Path, output: Path, settings: str = "pelicanconf.py") -> list[str]:
    return ["make", "--no-print-directory", "-C", str(ROOT), "html"] + [
        f"INPUTDIR={content}",
        f"OUTPUTDIR={output}",
        f"CONFFILE={settings}",
    ]


# The cache's worth (issue 20: keep it, or drop it): the same command with it off.
NO_CACHE = "bench/no_cache_pelicanconf.py"


def plain_pelican(content: Path, output: Path) -> list[str]:
    pelican = str(Path(sys.executable).parent / "pelican")
    return [pelican, *build_scale.plain_build(content, output)[3:]]


def measure(count: int, rounds: int = ROUNDS) -> dict[str, list[float]]:
    with tempfile.TemporaryDirectory() as scratch:
        scratch_path = Path(scratch)
        content = scratch_path / "content"
        build_scale.write_campaigns(content, count)
        env = {k: v for k, v in os.environ.items() if k not in ("MAKELEVEL", "MAKEFLAGS", "MFLAGS")}
        env.update(MEGAPHONE_CACHE_PATH=str(scratch_path / "cache"), CAMPAIGN_TODAY="2021-02-22")
        subprocess.run(
            make_html(content, scratch_path / "m"), env=env, check=True, capture_output=True
        )
        runs: dict[str, list[float]] = {"make html": [], "no cache": [], "plain": []}
        for round_ in range(rounds):
            runs["make html"].append(
                build_scale.timed(make_html(content, scratch_path / "m"), ROOT, env)
            )
            if round_ == 0:  # once: minutes at N = 1,000, and far from the others
                no_cache = make_html(content, scratch_path / "n", NO_CACHE)
                runs["no cache"].append(build_scale.timed(no_cache, ROOT, env))
            runs["plain"].append(
                build_scale.timed(plain_pelican(content, scratch_path / "p"), BENCH, env)
            )
        return runs


def rows(count: int) -> list[tuple[str, str, str]]:
    runs = measure(count)
    ours, plain = statistics.median(runs["make html"]), statistics.median(runs["plain"])
    uncached = statistics.median(runs["no cache"])
    return [
        (
            f"`make html`, {count:,} unchanged campaigns, from outside (median of {ROUNDS})",
            f"{ours:.2f} s",
            f"plain Pelican's full build {plain:.2f} s: {ours / plain:.2f}x (goal under 1x)",
        ),
        (
            f"the same with the build cache dropped (`{NO_CACHE}`)",
            f"{uncached:.2f} s",
            f"plain Pelican {plain:.2f} s: {uncached / plain:.2f}x; "
            f"the cache saves {uncached - ours:.2f} s",
        ),
    ]


if __name__ == "__main__":
    for name, value, against in rows(int(sys.argv[1]) if len(sys.argv) > 1 else 1000):
        print(f"{name}: {value}; {against}")
