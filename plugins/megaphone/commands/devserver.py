"""`make devserver`: preview on http://localhost:8000 and rebuild on every save.

Unlike `pelican -lr`, a mistake in a campaign does not make the preview rebuild
in a loop (Pelican's autoreload runs again at once after a failed build, and says
a repeated message once): the plain-words report is printed, the last good build
stays on screen, and the next save tries again. Each rebuild is one
line, and the open browser tab reloads itself after it (see `RELOAD_SCRIPT`).
Ctrl+C, or make being stopped, ends it and frees the port."""

from __future__ import annotations

import argparse
import logging
import os
import queue
import signal
import sys
import threading
import time
from http.server import ThreadingHTTPServer

import watchfiles
from pelican.log import init as init_logging
from pelican.server import ComplexHTTPRequestHandler
from pelican.utils import FileChangeFilter

from ..model.report import count, format_report, summarised
from .build import build_site
from .log_lines import one_line_handler
from .pelican_run import Outcome, without_pelicans_summary
from .said_as import command, guide

# Live reload, in preview only. The preview build (MEGAPHONE_PREVIEW_RELOAD) adds
# <script src="/.megaphone/reload.js"> to each page and lets that page fetch from its
# own site (connect-src 'self'); `make html` and `make publish` are built without it,
# with the site's one CSP (connect-src 'none'). Nothing is injected into pages as they
# are served: the script and the build number come from this server, not from output/.
RELOAD_PATH = "/.megaphone/reload.js"
BUILD_PATH = "/.megaphone/build"
RELOAD_SCRIPT = """\
// make devserver only: reload this tab when the site has been rebuilt.
(() => {
  let seen = null;
  const poll = async () => {
    try {
      const response = await fetch("BUILD_PATH", { cache: "no-store" });
      const build = await response.text();
      if (seen === null) seen = build;
      else if (build !== seen) return location.reload();
    } catch (error) {
      // the devserver is restarting: ask again
    }
    setTimeout(poll, 700);
  };
  poll();
})();
""".replace("BUILD_PATH", BUILD_PATH)


class _Stop(BaseException):
    """SIGTERM (make being stopped), or make gone: stop serving and free the port.
    Not an Exception, as KeyboardInterrupt is not: it may come in the middle of a build,
    whose `except Exception` would take it for a failed build and keep serving."""


class PreviewHandler(ComplexHTTPRequestHandler):
    """The output folder, plus the reload script and the number of the last good build."""

    build = "0"

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        if path in (RELOAD_PATH, BUILD_PATH):
            body = (RELOAD_SCRIPT if path == RELOAD_PATH else self.build).encode("utf-8")
            self.send_response(200)
            kind = "text/javascript" if path == RELOAD_PATH else "text/plain"
            self.send_header("Content-Type", f"{kind}; charset=utf-8")
            self.send_header("Cache-Control", "no-store")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()

    def get_path_that_exists(self, original_path):
        logging.getLogger("pelican.server").setLevel(logging.ERROR)  # no line per 404
        return super().get_path_that_exists(original_path)

    def log_message(self, msg_format, *args) -> None:
        pass  # no line per request


def serve(output: str, bind: str, port: int) -> ThreadingHTTPServer:
    PreviewHandler.base_path = output
    ThreadingHTTPServer.allow_reuse_address = True
    httpd = ThreadingHTTPServer((bind, port), PreviewHandler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


class Watcher:
    """Every save, however close to the last: one watcher runs all the time, beside the
    builds, so a save made while the site is being built is rebuilt right after.
    (Pelican's own wait_for_changes starts watching anew after each build, and a save
    between two watches was never rebuilt: an editor's "Save all" left the preview stale.)"""

    def __init__(self) -> None:
        self.paths: tuple[str, ...] = ()
        self._changes: queue.Queue[set] = queue.Queue()
        self._stop = threading.Event()

    def watch(self, settings_file: str, settings: dict) -> None:
        """Start watching what these settings read (again, if that changed)."""
        paths = watched_paths(settings_file, settings)
        if paths == self.paths:
            return
        self._stop.set()
        self._stop = threading.Event()
        self.paths = paths
        ready = threading.Event()
        ignore = set(settings.get("IGNORE_FILES", []))
        threading.Thread(
            target=self._run, args=(paths, ignore, self._stop, ready), daemon=True
        ).start()
        ready.wait(5)

    def _run(self, paths, ignore, stop: threading.Event, ready: threading.Event) -> None:
        for found in watchfiles.watch(
            *paths,
            watch_filter=FileChangeFilter(ignore_file_patterns=ignore),
            rust_timeout=100,
            yield_on_timeout=True,  # an empty set: watching has begun
            stop_event=stop,
        ):
            ready.set()
            if found:
                self._changes.put(found)

    def wait(self) -> None:
        """Until something changed since the last call; every change so far is taken."""
        self._changes.get()
        while not self._changes.empty():
            self._changes.get_nowait()


def watched_paths(settings_file: str, settings: dict) -> tuple[str, ...]:
    """What a build reads: the settings file, the theme and the content folder."""
    found = [settings_file, settings.get("THEME", ""), settings.get("PATH", "")]
    return tuple(os.path.abspath(p) for p in found if p and os.path.exists(p))


def build_once(settings_file: str, content: str, output: str) -> Outcome:
    started = time.monotonic()
    # Only changed campaigns are read, checked and rendered again (the build cache).
    with without_pelicans_summary():
        outcome = build_site(
            settings_file, content, output, preview=True, MEGAPHONE_PREVIEW_RELOAD=True
        )
    seconds = time.monotonic() - started
    if outcome.problems:
        print(
            format_report(outcome.problems, guide("errors.md"))
            + "\nThe preview still shows the last good "
            "build. Fix the file and save it: the site rebuilds by itself.",
            flush=True,
        )
    elif not outcome.ok:  # a theme or settings mistake: say it, keep serving
        reason = outcome.failure or "Pelican reported an error, shown above"
        print(
            f"The site could not be built: {reason}. The preview still shows the last good build.",
            flush=True,
        )
    else:
        PreviewHandler.build = str(time.time_ns())  # open tabs reload
        print(
            f"Rebuilt in {seconds:.1f} s: {count(len(outcome.problems), 'problem')}, "
            f"{count(len(outcome.warnings), 'warning')}"
            + (f" ('{command('check')}' lists them)." if outcome.warnings else "."),
            flush=True,
        )
    return outcome


STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


def _stop_on_sigterm() -> None:
    """Ctrl+C, make stopped, the terminal closed: stop once. make, its shell and this
    process may each be sent the signal, so later ones are ignored, not raised again
    in the middle of stopping."""
    stopping: list[int] = []

    def stop(signum, frame):
        for each in STOP_SIGNALS:
            signal.signal(each, signal.SIG_IGN)
        if not stopping:
            stopping.append(signum)
            raise _Stop

    for each in STOP_SIGNALS:
        signal.signal(each, stop)


def _stop_when_make_is_gone() -> None:
    """If make is killed outright, this process is handed to another parent: stop."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=watch, daemon=True).start()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make devserver", description=__doc__.splitlines()[0])
    parser.add_argument("content", nargs="?", default="content")
    parser.add_argument("-o", "--output", default="output")
    parser.add_argument("-s", "--settings", default="pelicanconf.py")
    parser.add_argument("-p", "--port", type=int, default=8000)
    parser.add_argument("-b", "--bind", default="127.0.0.1")
    args = parser.parse_args(argv)
    init_logging(level=logging.WARNING, handler=one_line_handler())
    logging.getLogger("pelican.utils").setLevel(logging.ERROR)  # "Unable to watch path"
    output = os.path.abspath(args.output)
    _stop_on_sigterm()
    _stop_when_make_is_gone()
    httpd = None
    try:
        outcome = build_once(args.settings, args.content, output)
        for line in summarised(outcome.warnings):
            print(line, flush=True)
        settings = outcome.settings
        if not settings:
            return 1  # the settings file itself could not be read: said above
        watcher = Watcher()
        watcher.watch(args.settings, settings)
        os.makedirs(output, exist_ok=True)
        try:
            httpd = serve(output, args.bind, args.port)
        except OSError as error:
            print(
                f"Port {args.port} is in use ({error.strerror}). Stop the other preview, or "
                "choose another port: "
                + command("devserver", f"PORT={args.port + 1}", f"--port {args.port + 1}"),
                flush=True,
            )
            return 1
        print(
            f"Previewing on http://{args.bind}:{args.port}/ : the page reloads after each "
            "save. Press Ctrl+C to stop.",
            flush=True,
        )
        while True:
            watcher.wait()
            latest = build_once(args.settings, args.content, output).settings
            if latest:  # unreadable settings: watch with the last good ones
                watcher.watch(args.settings, latest)
    except (KeyboardInterrupt, _Stop):
        print("Stopped.", flush=True)
        return 0
    finally:
        if httpd is not None:
            httpd.shutdown()
            httpd.server_close()


if __name__ == "__main__":
    sys.exit(main())
