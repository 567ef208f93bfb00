"""`make html` and `make publish`: build the site, and fail in plain words.

Every problem in every campaign is listed at once; any other error Pelican
logs fails the build too, instead of Pelican's exit status 0."""

from __future__ import annotations

import argparse
import logging
import os
import sys

from pelican.log import init as init_logging

from ..model.report import count, format_report
from .pelican_run import run_pelican


def build(content: str, output: str, settings_file: str, *, clean: bool = False) -> int:
    override: dict[str, object] = {"PATH": os.path.abspath(content),
                                   "OUTPUT_PATH": os.path.abspath(output)}
    if clean:  # otherwise the settings decide (publishconf.py empties it)
        override["DELETE_OUTPUT_DIRECTORY"] = True
    outcome = run_pelican(settings_file, override)
    if outcome.problems:
        print(format_report(outcome.problems), file=sys.stderr)
    elif outcome.failure:
        print(f"The site was not built: {outcome.failure}", file=sys.stderr)
    elif outcome.errors:
        print(f"The site was not built: Pelican reported {count(outcome.errors, 'error')}, "
              "shown above.", file=sys.stderr)
    return 0 if outcome.ok else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make html", description=__doc__.splitlines()[0])
    parser.add_argument("content", nargs="?", default="content")
    parser.add_argument("-o", "--output", default="output")
    parser.add_argument("-s", "--settings", default="pelicanconf.py")
    parser.add_argument("--delete-output-directory", action="store_true",
                        help="empty the output folder first")
    args = parser.parse_args(argv)
    init_logging(level=logging.WARNING)
    return build(args.content, args.output, args.settings, clean=args.delete_output_directory)


if __name__ == "__main__":
    sys.exit(main())
