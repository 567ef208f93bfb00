"""`make devserver`: preview on http://localhost:8000 and rebuild on every save.

Unlike `pelican -lr`, a mistake in a campaign does not stop the preview (nor
make it rebuild in a loop): the plain-words report is printed, the last good
build stays on screen, and the next save tries again."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import threading

from pelican import listen
from pelican.log import init as init_logging
from pelican.utils import wait_for_changes

from ..model.report import format_report
from .build import build_site


def build_once(settings_file: str, content: str, output: str) -> tuple[bool, dict]:
    # Only changed pages are read again with Markdown (Pelican's content cache).
    outcome = build_site(
        settings_file, content, output, CACHE_CONTENT=True, LOAD_CONTENT_CACHE=True
    )
    if outcome.problems:
        print(
            f"\n{format_report(outcome.problems)}\n\nThe preview still shows the last good "
            "build. Fix the file and save it: the site rebuilds by itself.",
            flush=True,
        )
    elif not outcome.ok:  # a theme or settings mistake: say it, keep serving
        reason = outcome.failure or "Pelican reported an error, shown above"
        print(
            f"\nThe site could not be built: {reason}\nThe preview still shows the last "
            "good build.",
            flush=True,
        )
    return outcome.ok, outcome.settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make devserver", description=__doc__.splitlines()[0])
    parser.add_argument("content", nargs="?", default="content")
    parser.add_argument("-o", "--output", default="output")
    parser.add_argument("-s", "--settings", default="pelicanconf.py")
    parser.add_argument("-p", "--port", type=int, default=8000)
    parser.add_argument("-b", "--bind", default="127.0.0.1")
    args = parser.parse_args(argv)
    init_logging(level=logging.WARNING)
    output = os.path.abspath(args.output)

    ok, settings = build_once(args.settings, args.content, output)
    if not settings:
        return 1  # the settings file itself could not be read: said above
    os.makedirs(output, exist_ok=True)
    threading.Thread(target=listen, args=(args.bind, args.port, output), daemon=True).start()
    try:
        while True:
            changed = wait_for_changes(args.settings, settings)
            names = ", ".join(sorted(os.path.relpath(path) for _, path in changed))
            print(f"\nChanged: {names}. Rebuilding…", flush=True)
            ok, latest = build_once(args.settings, args.content, output)
            settings = latest or settings  # unreadable settings: watch with the last good ones
            if ok:
                print("Rebuilt.", flush=True)
    except KeyboardInterrupt:
        return 0


if __name__ == "__main__":
    sys.exit(main())
