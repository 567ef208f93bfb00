"""`pelican` run directly: a build Megaphone stopped is said in plain words, no traceback.

The volunteer commands catch MegaphoneError themselves (commands/pelican_run.py).
Someone who runs `pelican` gets Pelican's own handling: `pelican` logs any exception
with `logger.critical(..., exc_info=True)` (a traceback) and exits with status 1;
`pelican -r` logs 'Caught exception: "…"' and goes on watching.

Pelican has no setting or signal for how it reports an exception, so this uses the
one public hook on the way: a logging.Filter on Pelican's logger, where both of those
lines are logged. A filter may change the record it lets through (the logging
module's documented use), and this one changes only a record that carries one of our
exceptions: it drops the traceback and leaves the report itself as the message
(Pelican's "CampaignProblems: " before it means nothing to a volunteer). Every other
record, and Pelican's exit status, stay as Pelican makes them. `pelican --debug`
still prints a traceback: Pelican prints that one itself, as asked.

The filter keeps nothing between records or builds; it is added when Pelican
registers the plugin, once however many builds register it again, and never at import."""

from __future__ import annotations

import logging

from ..model.report import MegaphoneError

PELICANS_LOGGER = "pelican"  # where pelican.main() and pelican.autoreload() log


class PlainReport(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        error = ours(record)
        if error is not None:
            record.msg, record.args = "%s", (str(error),)
            record.exc_info = record.exc_text = None
        return True


def ours(record: logging.LogRecord) -> MegaphoneError | None:
    """The exception of ours the record is about: its exc_info, or one of its arguments."""
    found = record.exc_info[1] if isinstance(record.exc_info, tuple) else None
    candidates = [found, *(record.args if isinstance(record.args, tuple) else ())]
    return next((c for c in candidates if isinstance(c, MegaphoneError)), None)


def install() -> None:
    logger = logging.getLogger(PELICANS_LOGGER)
    if not any(isinstance(f, PlainReport) for f in logger.filters):
        logger.addFilter(PlainReport())
