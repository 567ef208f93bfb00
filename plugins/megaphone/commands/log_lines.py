"""What Pelican logs, as the volunteer sees it: one line each, with the file and a code.

Pelican's own handler (rich) wraps a long message over several lines and adds a
traceback when there is one; a volunteer's terminal, and CI's annotations, get
one greppable line instead, like every other message of the commands."""

from __future__ import annotations

import logging
import os
import sys


def _file_in(record: logging.LogRecord) -> str:
    """The first argument of the message that names a file, as the volunteer sees it."""
    args = record.args if isinstance(record.args, tuple) else ()
    for arg in args:
        path = str(getattr(arg, "source_path", arg))
        if os.sep in path or path.endswith((".md", ".html", ".csv", ".png", ".jpg")):
            relative = os.path.relpath(path) if os.path.isabs(path) else path
            return path if relative.startswith("..") else relative
    return "pelican"


class OneLine(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        level = "error" if record.levelno >= logging.ERROR else "warning"
        text = " ".join(record.getMessage().split())
        return f"{_file_in(record)}: [pelican-{level}] {text}"


def one_line_handler() -> logging.Handler:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(OneLine())
    return handler
