"""A blog that adds the plugin: N ordinary articles and one campaign, built with
Megaphone in PLUGINS, against the same site without it (goal: within 10%).

    python bench/blog_with_plugin.py [N]      (default: 1000)

The site is a site owner's: Pelican's own `simple` theme, Pelican's defaults, the
articles in posts/ and the campaign in campaigns/ (MEGAPHONE_STRICT off). Each
round, alternating, `pelican` runs once with the plugin (its build cache emptied
first: the cost of a first build) and once without it (the campaign is then an
ordinary article). Whole commands in a new process, timed from outside."""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path[:0] = [str(BENCH)]

import build_scale  # noqa: E402

CAMPAIGN = ROOT / "tests" / "fixtures" / "example" / "campaigns" / "ban-the-scan-nypd.md"
ROUNDS = 3

SETTINGS = """\
SITENAME = "A neighbourhood blog"
PATH = "content"
TIMEZONE = "America/New_York"
THEME = "simple"
ARTICLE_PATHS = ["posts", "campaigns"]
MEGAPHONE_TODAY = "2021-02-22"
MEGAPHONE_SITEURL = "https://blog.example.org"
PLUGINS = {plugins!r}
"""

POST = """\
Title: Notes from meeting {n}
Date: 2020-{month:02d}-{day:02d}
Category: news
Tags: meetings, park

The group met on a {weekday} evening. We talked about the *park*, the
[library](https://library.example.org/) and the bus timetable.

- the council's budget for the park;
- who will write to the newspaper;
- the date of the next meeting.

> Come along: everyone is welcome.
"""


def write_blog(site: Path, count: int) -> None:
    posts = site / "content" / "posts"
    posts.mkdir(parents=True)
    weekdays = ("Monday", "Tuesday", "Wednesday", "Thursday")
    for n in range(count):
        text = POST.format(n=n, month=n % 12 + 1, day=n % 28 + 1, weekday=weekdays[n % 4])
        (posts / f"meeting-{n:04d}.md").write_text(text, "utf-8")
    campaigns = site / "content" / "campaigns"
    campaigns.mkdir()
    text = CAMPAIGN.read_text("utf-8")  # without its picture: the blog has no images/
    lines = [line for line in text.splitlines() if not line.startswith("Image:")]
    (campaigns / CAMPAIGN.name).write_text("\n".join(lines) + "\n", "utf-8")
    for name, plugins in (("with.py", ["megaphone"]), ("without.py", [])):
        (site / name).write_text(SETTINGS.format(plugins=plugins), "utf-8")


def build(site: Path, settings: str, output: str, env: dict) -> float:
    pelican = str(Path(sys.executable).parent / "pelican")
    command = [pelican, "content", "-s", settings, "-o", output, "--delete-output-directory"]
    return build_scale.timed(command, site, env)


def measure(count: int, rounds: int = ROUNDS) -> dict[str, list[float]]:
    with tempfile.TemporaryDirectory() as scratch:
        site = Path(scratch)
        write_blog(site, count)
        env = {**os.environ, "PYTHONPATH": str(ROOT / ".plugin")}
        runs: dict[str, list[float]] = {"with": [], "without": []}
        for _ in range(rounds):
            shutil.rmtree(site / "cache", ignore_errors=True)
            runs["with"].append(build(site, "with.py", "out-with", env))
            runs["without"].append(build(site, "without.py", "out-without", env))
        return runs


def row(count: int) -> tuple[str, str, str]:
    runs = measure(count)
    ours, plain = statistics.median(runs["with"]), statistics.median(runs["without"])
    return (
        f"a blog of {count:,} articles and 1 campaign, plugin added (median of {ROUNDS})",
        f"{ours:.2f} s",
        f"the same blog without it {plain:.2f} s: {ours / plain:.2f}x (goal within 1.10x)",
    )


if __name__ == "__main__":
    name, value, against = row(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
    print(f"{name}: {value}; {against}")
