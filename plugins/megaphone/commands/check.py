"""`make check`: every problem and warning in every campaign, without building.

It runs the same reading and checks as `make html` (the plugin's hooks), with
a writer that writes nothing, so the two can never disagree."""

from __future__ import annotations

import argparse
import contextlib
import io
import logging
import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterator

from ..model.report import count
from .pelican_run import run_pelican


class _Warnings(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.by_file: dict[str, list[str]] = defaultdict(list)
        self.other: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        file = getattr(record, "campaign_file", None)
        text = getattr(record, "campaign_warning", None) or record.getMessage()
        if file:
            self.by_file[file].append(text)
        elif record.levelno >= logging.ERROR or record.name.startswith("megaphone"):
            self.other.append(text)


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


def check(content: str, settings_file: str) -> int:
    warnings = _Warnings()
    with (
        _collected(warnings),
        tempfile.TemporaryDirectory() as scratch,
        contextlib.redirect_stdout(io.StringIO()),
    ):  # Pelican's "Done: ..." line
        outcome = run_pelican(
            settings_file,
            {
                "PATH": content,
                "OUTPUT_PATH": scratch,
                "MEGAPHONE_CHECK_ONLY": True,
                "DELETE_OUTPUT_DIRECTORY": False,
                "CACHE_CONTENT": False,
                "LOAD_CONTENT_CACHE": False,
            },
        )
    problems = outcome.problems
    other = warnings.other + ([outcome.failure] if outcome.failure else [])

    by_file = defaultdict(list)
    for problem in problems:
        by_file[problem.file].append(problem)
    for file in sorted(set(by_file) | set(warnings.by_file)):
        print(file)
        for problem in by_file[file]:
            where = f"line {problem.line}: " if problem.line else ""
            print(f"  error: {where}{problem.field}: {problem.message}")
        for warning in warnings.by_file[file]:
            print(f"  warning: {warning}")
        print()
    for text in other:
        print(f"error: {text}")
    found = len(problems) + len(other)
    warned = count(sum(len(w) for w in warnings.by_file.values()), "warning")
    if found:
        print(
            f"{count(found, 'problem')} to fix, {warned}. The site will not build until "
            "the problems are fixed. Each [code] is explained in docs/errors.md."
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
