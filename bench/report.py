"""Every benchmark in one table: `make bench` (N=100), `make bench N=1000`.

    python bench/report.py [N]

- Page weight (bench/page_weight.py): the example campaign page, open, and the
  home page with N campaigns, 90% of them closed, against the first round trip.
- Build time (bench/build_scale.py): a full build of N campaigns from an empty
  build cache (cold) and again with nothing changed (warm), against plain
  Pelican in the same run (medians, alternating); and `make devserver`'s
  rebuild after editing one campaign.
- A blog that adds the plugin (bench/blog_with_plugin.py): N ordinary
  articles and one campaign, in Pelican's `simple` theme, against the same
  blog without the plugin.
- `make html` end to end (bench/make_html.py): the whole command, timed from
  outside, with N unchanged campaigns, against plain Pelican's full build.
- Link budgets (bench/link_budgets.py), if present: the share of realistic
  letters each send link carries whole.

Sizes are exact; times depend on the machine, so the ratios are the figures
to watch (bench/README.md)."""

from __future__ import annotations

import contextlib
import importlib.util
import io
import logging
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path[:0] = [str(BENCH), str(ROOT / ".plugin"), str(ROOT / "tests")]

import blog_with_plugin  # noqa: E402
import build_scale  # noqa: E402
import make_html  # noqa: E402

import page_weight  # noqa: E402

ROUNDS = 3


def quietly(function, *args):
    """Pelican prints a line per build, and a warning per campaign: keep the table clean."""
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        logging.disable(logging.WARNING)
        try:
            return function(*args)
        finally:
            logging.disable(logging.NOTSET)


def weights(count: int) -> list[tuple[str, str, str]]:
    from helpers import build, many_campaigns, write_site

    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        output = quietly(page_weight.build_example, Path(scratch))
        page = page_weight.measure(output, "ban-the-scan-nypd/index.html")
        total = sum(r.gzipped for r in page)
        rows.append(
            (
                "campaign page HTML, gzipped",
                f"{page[0].gzipped:,} B",
                f"{page[0].gzipped / page_weight.FIRST_ROUND_TRIP:.0%} of first round trip",
            )
        )
        rows.append(
            (
                f"campaign page, everything, {len(page)} requests",
                f"{total:,} B",
                f"{total / page_weight.PAGE_BUDGET:.0%} of {page_weight.PAGE_BUDGET:,} B budget",
            )
        )
    with tempfile.TemporaryDirectory() as scratch:
        closed = count * 9 // 10
        content = write_site(Path(scratch), many_campaigns(count, closed=closed))
        output = quietly(build, content, Path(scratch) / "output", "2025-06-01")
        home = page_weight.measure(output, "index.html")[0]
        archive = len(list(output.glob("closed/**/index.html")))
        rows.append(
            (
                f"home page HTML, {count:,} campaigns ({closed:,} closed), gzipped",
                f"{home.gzipped:,} B",
                f"{home.gzipped / page_weight.FIRST_ROUND_TRIP:.0%} of first round trip; "
                f"{archive} archive page{'s' if archive != 1 else ''}",
            )
        )
    return rows


def build_times(count: int) -> list[tuple[str, str, str]]:
    env = build_scale.environment()
    t = build_scale.scale(count, env, ROUNDS)
    rebuild = build_scale.incremental(count, env)
    plain = t.median("plain")
    return [
        (
            f"cold full build, {count:,} campaigns (median of {ROUNDS})",
            f"{t.median('cold'):.2f} s",
            f"plain Pelican {plain:.2f} s: {t.median('cold') / plain:.2f}x (goal 1.5x)",
        ),
        (
            f"warm full build, nothing changed (median of {ROUNDS})",
            f"{t.median('warm'):.2f} s",
            f"plain Pelican {plain:.2f} s: {t.median('warm') / plain:.2f}x (goal under 1x)",
        ),
        (
            f"make devserver rebuild after editing 1 of {count:,} "
            f"(median of {len(rebuild.runs['rebuild'])})",
            f"{rebuild.median('rebuild'):.2f} s",
            f"spread {rebuild.spread('rebuild')} s (goal 1 s)",
        ),
    ]


def link_budgets() -> list[tuple[str, str, str]]:
    path = BENCH / "link_budgets.py"
    if not path.exists():
        return []
    spec = importlib.util.spec_from_file_location("link_budgets", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        module.main()
    rows = []
    for line in printed.getvalue().splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[2].endswith("%") and not cells[0].startswith("-"):
            rows.append((f"letters carried whole: {cells[0]}", cells[2], f"cap {cells[1]}"))
    return rows


def main(argv: list[str]) -> int:
    count = int(argv[0]) if argv else 100
    rows = weights(count) + build_times(count) + make_html.rows(count)
    rows += [blog_with_plugin.row(count)] + link_budgets()
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    print(f"| {'measure':<{widths[0]}} | {'value':>{widths[1]}} | {'against':<{widths[2]}} |")
    print(f"|{'-' * (widths[0] + 2)}|{'-' * (widths[1] + 1)}:|{'-' * (widths[2] + 2)}|")
    for name, value, against in rows:
        print(f"| {name:<{widths[0]}} | {value:>{widths[1]}} | {against:<{widths[2]}} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
