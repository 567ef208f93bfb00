"""`make html` and `make publish`: build the site, and fail in plain words.

Every problem in every campaign is listed at once; any other error Pelican
logs fails the build too, instead of Pelican's exit status 0. The site is
built into a fresh folder that replaces the output folder only on success."""

from __future__ import annotations

import argparse
import logging
import os
import sys

from pelican.log import init as init_logging

from ..model.report import count, format_report, summarised
from ..site.shipped import shipped_problems
from ..site.site_checks import siteurl_problem
from .log_lines import one_line_handler
from .pelican_run import Outcome, run_pelican, without_pelicans_summary
from .said_as import command, guide
from .swap import fresh_output, put_in_place


def build_site(
    settings_file: str, content: str, output: str, preview: bool = False, **override: object
) -> Outcome:
    """Build into a fresh folder; on success it becomes `output`."""
    with fresh_output(output) as building:
        if preview:  # unchanged files are linked from the site on screen (site/output.py)
            override["MEGAPHONE_PREVIEW_LIVE_OUTPUT"] = os.path.abspath(output)
        outcome = run_pelican(
            settings_file,
            {**override, "PATH": os.path.abspath(content), "OUTPUT_PATH": str(building)},
        )
        if outcome.ok:  # what is about to be published, checked as it is on disk
            outcome.problems = shipped_problems(str(building), outcome.settings)
        if outcome.ok:
            kept = tuple(outcome.settings.get("OUTPUT_RETENTION") or ())
            put_in_place(building, output, preview=preview, kept=kept)
    return outcome


def build(content: str, output: str, settings_file: str, publishing: str = "") -> int:
    """`publishing` names the command (`make github`) when the build is to go online."""
    if publishing:
        address = siteurl_problem(os.environ.get("SITEURL", ""), publishing)
        if address:
            print(address, file=sys.stderr)
            return 1
    with without_pelicans_summary():
        outcome = build_site(settings_file, content, output)
    for line in summarised(outcome.warnings):
        print(line, file=sys.stderr)
    if outcome.ok and not publishing:
        print(
            f"Built {output}/ for preview on this computer ('{command('serve')}' shows it). "
            f"To put the site online, run '{command('publish')}' ({guide('publishing.md')})."
        )
    if outcome.problems:
        print(format_report(outcome.problems, guide("errors.md")), file=sys.stderr)
    elif outcome.failure:
        print(f"The site was not built: {outcome.failure}", file=sys.stderr)
    elif outcome.errors:
        print(
            f"The site was not built: Pelican reported {count(outcome.errors, 'error')}, "
            "shown above.",
            file=sys.stderr,
        )
    return 0 if outcome.ok else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make html", description=__doc__.splitlines()[0])
    parser.add_argument("content", nargs="?", default="content")
    parser.add_argument("-o", "--output", default="output")
    parser.add_argument("-s", "--settings", default="pelicanconf.py")
    parser.add_argument("--publish", default="", help="the command, e.g. 'make github'")
    args = parser.parse_args(argv)
    init_logging(level=logging.WARNING, handler=one_line_handler())
    return build(args.content, args.output, args.settings, args.publish)


if __name__ == "__main__":
    sys.exit(main())
