"""`make check`: every problem and warning in every campaign; output/ is left as it is.

It is `make html` into a folder that is thrown away afterwards: the same
reading, the same checks of every page as written and of every file that would
ship, so the two can never disagree."""

from __future__ import annotations

import argparse
import contextlib
import io
import logging
import os
import sys
import tempfile
from collections.abc import Iterator

from ..model.report import Problem, annotation, count
from ..site.shipped import shipped_problems
from .log_lines import OneLine
from .pelican_run import run_pelican
from .said_as import guide


class _OtherErrors(logging.Handler):
    """Anything else Pelican or the plugin logs while checking (not a campaign warning)."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.other: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        ours = record.name.startswith(("megaphone", "pelican.plugins.megaphone"))
        if record.levelno >= logging.ERROR or ours:
            self.other.append(OneLine().format(record))  # one line, with its file and a code


@contextlib.contextmanager
def _collected(handler: logging.Handler) -> Iterator[None]:
    """This report replaces the usual log while the check runs."""
    loggers = [logging.getLogger(name) for name in ("megaphone", "pelican")]
    for logger in loggers:
        logger.addHandler(handler)
        logger.propagate = False
    try:
        yield
    finally:
        for logger in loggers:
            logger.removeHandler(handler)
            logger.propagate = True


def report_lines(problems: list[Problem], warnings: list[Problem], other: list[str]) -> list[str]:
    """Errors first, then warnings: one line each, `file:line: [code] Field: message`.
    Under GitHub Actions, each also as a workflow command, shown on the pull request."""
    lines = [str(p) for p in problems] + [f"error: {text}" for text in other]
    lines += [str(w) for w in warnings]
    if os.environ.get("GITHUB_ACTIONS") == "true":
        lines += [annotation(p, "error") for p in problems]
        lines += [annotation(w, "warning") for w in warnings]
    return lines


def check(content: str, settings_file: str) -> int:
    errors = _OtherErrors()
    with (
        _collected(errors),
        tempfile.TemporaryDirectory() as scratch,
        contextlib.redirect_stdout(io.StringIO()),
    ):  # Pelican's "Done: ..." line
        outcome = run_pelican(
            settings_file,
            {
                "PATH": content,
                "OUTPUT_PATH": scratch,
                "DELETE_OUTPUT_DIRECTORY": False,
            },
        )
        if outcome.ok:  # what `make html` would publish, as it checks it
            outcome.problems = shipped_problems(scratch, outcome.settings)
    problems = outcome.problems
    other = errors.other + ([outcome.failure] if outcome.failure else [])
    for line in report_lines(problems, outcome.warnings, other):
        print(line)
    found = len(problems) + len(other)
    warned = count(len(outcome.warnings), "warning")
    if found:
        print(
            f"{count(found, 'problem')} to fix, {warned}. The site will not build until "
            f"the problems are fixed. Each [code] is explained in {guide('errors.md')}."
        )
        return 1
    print(
        f"No problems. {warned}."
        + ("" if warned.startswith("0 ") else " Warnings do not stop the build.")
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make check", description=__doc__.splitlines()[0])
    parser.add_argument("content", nargs="?", default="content")
    parser.add_argument("-s", "--settings", default="pelicanconf.py")
    args = parser.parse_args(argv)
    return check(args.content, args.settings)


if __name__ == "__main__":
    sys.exit(main())
