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


def serve(directory: Path):
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


class Visit:
    """One browser context: the page, and every request and console error it made."""

    def __init__(self, browser, javascript=True, timezone="Europe/London", width=390):
        self.context = browser.new_context(
            java_script_enabled=javascript,
            timezone_id=timezone,
            locale="en-GB",
            viewport={"width": width, "height": 844},
        )
        self.requests: list[str] = []
        self.console_errors: list[str] = []
        self.context.on("request", lambda request: self.requests.append(request.url))
        self.page = self.context.new_page()
        self.page.on("console", lambda m: m.type == "error" and self.console_errors.append(m.text))
        self.page.on("pageerror", lambda e: self.console_errors.append(str(e)))

    def open(self, url, at: datetime | None = BEFORE_DEADLINE):
        if at is not None:
            self.page.clock.install(time=at)
        self.page.goto(url)
        return self.page


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
