"""Pelican's "log and skip this page", turned into problems that stop the build."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from zoneinfo import ZoneInfoNotFoundError

from ..model.deadline import DeadlineError, parse_timezone
from ..model.messages import PROBLEMS, ContentError, say
from ..model.page_checks import page_problems
from ..model.report import Problem, field_line, field_value, read_source
from .contents import shown_path


def read_failure(path: str, error: BaseException | None) -> Problem:
    """Say in plain words why Pelican could not read a campaign file."""
    file, source = shown_path(path), read_source(path)
    reason = str(error).rstrip(".") if error else "unknown reason"

    def problem(name, code, **values):
        return Problem(file, name, say(code, **values), field_line(source, name), code)

    if isinstance(error, ContentError):  # our own reader's refusal, in plain words
        return Problem(file, "file", str(error), None, error.code)
    if isinstance(error, UnicodeDecodeError):
        return problem("file", "file-not-utf8")
    if isinstance(error, ZoneInfoNotFoundError) or "time zone" in reason:
        try:
            parse_timezone(field_value(source, "Timezone"))
        except DeadlineError as bad:
            return Problem(file, "Timezone", str(bad), field_line(source, "Timezone"), bad.code)
    if "date" in reason.lower():
        return problem("Date", "date-unreadable", reason=reason)
    return problem("file", "file-unreadable", reason=reason)


class CollectReadFailures(logging.Filter):
    """Pelican logs these from inside its `except` block, so the exception that
    made the page fail is still at hand. Each becomes a problem instead of a
    log line, and the build stops once every page is read."""

    def __init__(self) -> None:
        super().__init__()
        self.content_path = ""
        self.extra_fields: tuple[str, ...] = ()
        self.problems: list[Problem] = []
        self.owns: Callable[[str], bool] = lambda path: True

    def start(
        self,
        content_path: str,
        extra_fields: tuple[str, ...] = (),
        owns: Callable[[str], bool] | None = None,
    ) -> None:
        """`owns`: whether a file is the plugin's (a campaign's); Pelican logs the others."""
        self.content_path = content_path
        self.extra_fields = extra_fields
        self.owns = owns or (lambda path: True)
        self.problems.clear()

    def _header_problems(self, path: str) -> list[Problem]:
        """The header's own mistakes, which are usually why Pelican gave up."""
        return page_problems(shown_path(path), read_source(path), self.extra_fields)

    def filter(self, record: logging.LogRecord) -> bool:
        if record.msg == "Could not process %s" and isinstance(record.args, tuple):
            path = os.path.join(self.content_path, str(record.args[0]))
            if not self.owns(path):
                return True
            self.problems.append(read_failure(path, sys.exc_info()[1]))
            self.problems.extend(self._header_problems(path))
            return False
        if str(record.msg).startswith("Skipping %s: could not find information") and isinstance(
            record.args, tuple
        ):
            content, prop = record.args
            path = getattr(content, "source_path", str(content))
            if not self.owns(path):
                return True
            name = str(prop).capitalize()
            code = f"{prop}-missing" if f"{prop}-missing" in PROBLEMS else "file-unreadable"
            self.problems.append(
                Problem(shown_path(path), name, say(code, reason=f"no {name}"), code=code)
            )
            self.problems.extend(self._header_problems(path))
            return False
        return True
