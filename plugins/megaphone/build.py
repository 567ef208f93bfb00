"""`python -m megaphone.build`: run Pelican so that no failure passes quietly.

Pelican logs some failures and then exits 0: a plugin that cannot be imported
or registered, a page it could not read. Its `--fatal errors` stops at the
first one and prints a traceback. This runs Pelican's own command line, counts
every error it logs, and afterwards fails once, in plain words."""

from __future__ import annotations

import logging
import sys

from pelican import main as pelican_main
from pelican import signals


class _ErrorCounter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def run(argv: list[str] | None = None) -> int:
    counter = _ErrorCounter()
    # On Pelican's own logger, not the root: Pelican sets the root up itself,
    # and only when it has no handler yet.
    logging.getLogger("pelican").addHandler(counter)

    def stop_if_a_plugin_failed(pelican) -> None:
        # Plugins are loaded before anything is read: stop before writing.
        if counter.count:
            raise SystemExit("The site was not built: a plugin could not be "
                             "loaded (the error is shown above).")

    signals.initialized.connect(stop_if_a_plugin_failed, weak=False)
    try:
        pelican_main(argv)
    except SystemExit as stop:  # the campaign report, or Pelican's own failure
        if stop.code not in (None, 0):
            raise
    if counter.count:
        plural = "s" if counter.count != 1 else ""
        print(f"The site was not built: Pelican reported {counter.count} "
              f"error{plural}, shown above.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(run())
