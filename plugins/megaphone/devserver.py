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

from pelican import Pelican, listen
from pelican.log import init as init_logging
from pelican.settings import read_settings
from pelican.utils import wait_for_changes

from .report import CampaignProblems


def build_once(settings_file: str, override: dict) -> tuple[bool, object]:
    settings = read_settings(settings_file, override=override)
    try:
        Pelican(settings).run()
    except CampaignProblems as stop:
        print(f"\n{stop.code}\n\nThe preview still shows the last good build. Fix the file "
              "and save it: the site rebuilds by itself.", flush=True)
        return False, settings
    except Exception as error:  # a theme or settings mistake: say it, keep serving
        print(f"\nThe site could not be built: {error}\nThe preview still shows the last "
              "good build.", flush=True)
        return False, settings
    return True, settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make devserver", description=__doc__.splitlines()[0])
    parser.add_argument("content", nargs="?", default="content")
    parser.add_argument("-o", "--output", default="output")
    parser.add_argument("-s", "--settings", default="pelicanconf.py")
    parser.add_argument("-p", "--port", type=int, default=8000)
    parser.add_argument("-b", "--bind", default="127.0.0.1")
    args = parser.parse_args(argv)
    init_logging(level=logging.WARNING)
    override = {"PATH": os.path.abspath(args.content), "OUTPUT_PATH": os.path.abspath(args.output),
                # Only changed pages are read again (issue 5 measures this).
                "CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True}

    ok, settings = build_once(args.settings, override)
    os.makedirs(override["OUTPUT_PATH"], exist_ok=True)
    threading.Thread(target=listen, args=(args.bind, args.port, override["OUTPUT_PATH"]),
                     daemon=True).start()
    try:
        while True:
            changed = wait_for_changes(args.settings, settings)
            names = ", ".join(sorted(os.path.relpath(path) for _, path in changed))
            print(f"\nChanged: {names}. Rebuilding…", flush=True)
            ok, settings = build_once(args.settings, override)
            if ok:
                print("Rebuilt.", flush=True)
    except KeyboardInterrupt:
        return 0


if __name__ == "__main__":
    sys.exit(main())
