"""What the browser tests share: the browser's settings, a quiet local web
server, a Visit (one browser context and everything it requested), and the
example campaign's letter and send links."""

from __future__ import annotations

import functools
import os
import threading
from datetime import datetime
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from axe_playwright_python.sync_playwright import Axe

from decoders import form_decode, rfc_decode
from helpers import EXAMPLE_SOURCE, header, letter_in_source

CHROMIUM = os.environ.get("MEGAPHONE_CHROMIUM", "/usr/bin/chromium")
# Flags for a closed network: no background calls home, no first-run work.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--no-default-browser-check",
]
NEW_YORK = ZoneInfo("America/New_York")
BEFORE_DEADLINE = datetime(2021, 2, 22, 12, 0, tzinfo=NEW_YORK)

EXAMPLE = "/ban-the-scan-nypd/"
SOURCE = EXAMPLE_SOURCE.read_text("utf-8")
LETTER = letter_in_source(SOURCE)
SUBJECT = header(SOURCE, "Subject")
KINDS = ("mailto", "gmail", "outlook", "office365", "yahoo")

AXE = Axe()
AXE_OPTIONS = {
    # WCAG 2.0, 2.1 and 2.2, levels A and AA, plus axe's best practices.
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
    # Every violation in full; of the rules that pass or do not apply, only a count
    # (axe's own option: the same rules run, in about half the time).
    "resultTypes": ["violations"],
}


def hrefs(page):
    return {kind: page.get_attribute(f'[data-link="{kind}"]', "href") for kind in KINDS}


def assert_all_links_carry(page, letter, subject=SUBJECT, to=("postact@nypd.org",), cc=()):
    want = {
        "to": list(to),
        "cc": list(cc),
        "bcc": [],
        "subject": subject,
        "body": letter.replace("\n", "\r\n"),
    }
    for kind, href in hrefs(page).items():
        assert rfc_decode(href) == want, kind
        assert form_decode(href) == want, kind


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def end_headers(self):
        # Browser contexts are reused between tests (ContextPool): no test may be
        # served a file from the cache an earlier test filled.
        self.send_header("Cache-Control", "no-store")
        super().end_headers()


def serve(directory: Path):
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


# What a test may do to a context or page that a new test could not undo cheaply:
# a context that saw any of these is closed after the test, never reused.
_ON_BOTH = (  # a context's and its page's
    "add_init_script",
    "expose_binding",
    "expose_function",
    "route",
    "route_from_har",
    "route_web_socket",
    "on",
    "once",
    "set_extra_http_headers",
    "set_default_timeout",
    "set_default_navigation_timeout",
    "close",
)
_LASTING = {
    "context": (
        *_ON_BOTH,
        "new_cdp_session",
        "new_page",
        "add_cookies",
        "set_offline",
        "set_geolocation",
    ),
    "page": (
        *_ON_BOTH,
        "set_viewport_size",
        "emulate_media",
        "add_locator_handler",
        "go_back",
        "go_forward",
        "pause",
    ),
    "clock": ("fast_forward", "run_for", "pause_at", "resume", "set_fixed_time", "set_system_time"),
    "keyboard": ("down",),
    "mouse": ("down",),
}


class ContextPool:
    """Browser contexts kept for the next test with the same options.

    A new context and page cost about 0.35 s here, a page reused about 0.05 s, and
    most browser tests only open a page and read it. A context goes back to the pool
    only if its test passed and did nothing in _LASTING; then its permissions,
    cookies and each visited origin's storage are cleared and its page is left on
    about:blank. The server sends no-store, so nothing comes from the cache.
    MEGAPHONE_TEST_FRESH_CONTEXTS=1 gives every test a new context."""

    def __init__(self, browser):
        self.browser = browser
        self.enabled = os.environ.get("MEGAPHONE_TEST_FRESH_CONTEXTS") != "1"
        self.idle: dict[tuple, list[_Pooled]] = {}

    def take(self, options: tuple, clocked: bool | None) -> _Pooled:
        """A clean context: a kept one if `clocked` is known and one matches."""
        kept = self.idle.get((options, clocked)) if clocked is not None else None
        if kept:
            return kept.pop()
        javascript, timezone, width = options
        context = self.browser.new_context(
            java_script_enabled=javascript,
            timezone_id=timezone,
            locale="en-GB",
            viewport={"width": width, "height": 844},
        )
        return _Pooled(options, context, context.new_page())

    def give_back(self, pooled: _Pooled, origins: set[str], passed: bool) -> None:
        if not (self.enabled and passed and not pooled.lasting):
            pooled.context.close()
            return
        try:
            pooled.reset(origins)
        except Exception:
            pooled.context.close()
            return
        self.idle.setdefault((pooled.options, pooled.clocked), []).append(pooled)

    def close(self) -> None:
        for kept in self.idle.values():
            for pooled in kept:
                pooled.context.close()
        self.idle.clear()


class _Pooled:
    """A context and its page, watching for what would outlast the test."""

    def __init__(self, options, context, page):
        self.options = options
        self.context = context
        self.page = page
        self.clocked = False
        self.lasting: list[str] = []
        self.permissions = False
        # The pool's own means, taken before any method is watched.
        self._cdp = context.new_cdp_session(page)
        self._listen = {"context": context.on, "page": page.on}
        watched = {
            "context": context,
            "page": page,
            "clock": page.clock,
            "keyboard": page.keyboard,
            "mouse": page.mouse,
        }
        for kind, methods in _LASTING.items():
            for method in methods:
                what = f"{kind}.{method}"
                self._before(watched[kind], method, functools.partial(self.lasting.append, what))
        self._before(context, "grant_permissions", lambda: setattr(self, "permissions", True))
        self._before(page.clock, "install", lambda: setattr(self, "clocked", True))

    def listen(self, listeners: dict) -> None:
        """Listeners of a visit ({"context": [(event, f)], "page": [...]}), not the test's."""
        for kind, pairs in listeners.items():
            for event, listener in pairs:
                self._listen[kind](event, listener)

    def forget(self, listeners: dict) -> None:
        targets = {"context": self.context, "page": self.page}
        for kind, pairs in listeners.items():
            for event, listener in pairs:
                targets[kind].remove_listener(event, listener)

    @staticmethod
    def _before(target, name, note):
        """note() each time the test calls target.name."""
        original = getattr(target, name)

        def noted(*args, **kwargs):
            note()
            return original(*args, **kwargs)

        setattr(target, name, noted)

    def reset(self, origins: set[str]) -> None:
        if self.permissions:
            self.context.clear_permissions()
            self.permissions = False
        self.context.clear_cookies()
        self.page.goto("about:blank")
        for origin in sorted(origins):
            self._cdp.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "all"})
        self.page.mouse.move(0, 0)


class Visit:
    """One browser context (from the pool): the page, and every request and console
    error it made. The context is taken at the first use of .context or .page, or
    by open(), which can then reuse one whose clock is (or is not) installed."""

    def __init__(self, pool: ContextPool, javascript=True, timezone="Europe/London", width=390):
        self.pool = pool
        self.options = (javascript, timezone, width)
        self.pooled: _Pooled | None = None
        self.requests: list[str] = []
        self.console_errors: list[str] = []

    def _take(self, clocked: bool | None) -> _Pooled:
        if self.pooled is None:
            pooled = self.pool.take(self.options, clocked)
            self._listeners = {
                "context": [("request", lambda request: self.requests.append(request.url))],
                "page": [
                    ("console", lambda m: m.type == "error" and self.console_errors.append(m.text)),
                    ("pageerror", lambda e: self.console_errors.append(str(e))),
                ],
            }
            pooled.listen(self._listeners)
            self.pooled = pooled
        return self.pooled

    @property
    def context(self):
        return self._take(None).context

    @property
    def page(self):
        return self._take(None).page

    def open(self, url, at: datetime | None = BEFORE_DEADLINE):
        page = self._take(at is not None).page
        if at is not None:
            page.clock.install(time=at)
        page.goto(url)
        return page

    def end(self, passed: bool) -> None:
        if self.pooled is None:
            return
        pooled, self.pooled = self.pooled, None
        try:
            pooled.forget(self._listeners)
        except Exception:
            passed = False
        origins = {
            f"{parts.scheme}://{parts.netloc}"
            for parts in map(urlsplit, self.requests)
            if parts.scheme in ("http", "https")
        }
        self.pool.give_back(pooled, origins, passed)


UA = "Mozilla/5.0 ({os}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36"
PLATFORMS = {
    "windows": ("Windows NT 10.0; Win64; x64", "Win32", "Windows"),
    "mac": ("Macintosh; Intel Mac OS X 10_15_7", "MacIntel", "macOS"),
}


def as_platform(visit, platform, **options):
    """A visit whose browser says it runs on `platform`, client hints included."""
    v = visit(**options)
    os_part, nav_platform, hint = PLATFORMS[platform]
    v.cdp = v.context.new_cdp_session(v.page)
    v.cdp.send(
        "Emulation.setUserAgentOverride",
        {
            "userAgent": UA.format(os=os_part),
            "platform": nav_platform,
            "userAgentMetadata": {
                "platform": hint,
                "platformVersion": "10.0.0",
                "architecture": "x86",
                "model": "",
                "mobile": False,
                "brands": [{"brand": "Chromium", "version": "120"}],
            },
        },
    )
    # Record where the page asks to go, and go nowhere: no mail app, no webmail.
    v.navigations = []
    v.cdp.send("Page.enable")
    v.cdp.on("Page.frameRequestedNavigation", lambda e: v.navigations.append(e["url"]))
    v.context.route(
        "https://**/*", lambda route: route.fulfill(content_type="text/html", body="webmail")
    )
    return v
