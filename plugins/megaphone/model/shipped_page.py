"""The last look at a page before it leaves the build: the HTML as written to disk.

Every check before it reads what the volunteer wrote; Pelican and the theme
then put it together with other values (addresses, file names, slugs). This
reads the page as a browser will, and refuses what no page of the site ever
holds: a script or style other than the site's own, an instruction to the
browser in a <meta> (refresh, another policy), a <base>, a frame, an event
handler, a link to a script scheme. Finding one is a fault that a check
before it missed: the site is not published."""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

from .safe_html import url_scheme

FORBIDDEN_ELEMENTS = frozenset(
    {"base", "iframe", "frame", "frameset", "object", "embed", "applet", "portal", "form"}
)
URL_ATTRIBUTES = frozenset(
    {"href", "src", "action", "formaction", "poster", "data", "cite", "xlink:href", "ping"}
)
SCHEMES = frozenset({"http", "https", "mailto", "tel"})
META_NAMES = frozenset({"viewport", "referrer", "description", "robots"})


@dataclass(frozen=True)
class Allowed:
    """What the site itself puts in its pages (site/output.py's prepare_assets)."""

    scripts: frozenset[str]  # <script src=...>
    inline_scripts: frozenset[str]  # the text of an inline <script>
    styles: frozenset[str]  # the text of an inline <style>
    policies: frozenset[str]  # the Content-Security-Policy <meta> values


class _Page(HTMLParser):
    def __init__(self, allowed: Allowed) -> None:
        super().__init__(convert_charrefs=True)
        self.allowed = allowed
        self.findings: list[str] = []
        self._raw: str | None = None  # the element whose text is being read
        self._text: list[str] = []

    def _find(self, what: str) -> None:
        if what not in self.findings:
            self.findings.append(what)

    def handle_starttag(self, tag: str, attrs) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag in FORBIDDEN_ELEMENTS:
            self._find(f"a <{tag}> element")
        for name, value in values.items():
            self._attribute(tag, name, value)
        if tag == "meta":
            self._meta(values)
        elif tag == "script":
            src = values.get("src")
            if src is not None and src not in self.allowed.scripts:
                self._find(f"a script from {src!r}")
            if src is None:
                self._raw, self._text = "script", []
        elif tag == "style":
            self._raw, self._text = "style", []
        elif tag == "link" and "stylesheet" in values.get("rel", "").lower().split():
            self._find("a stylesheet link")

    def handle_startendtag(self, tag: str, attrs) -> None:
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        if self._raw:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag != self._raw:
            return
        text = "".join(self._text)
        if tag == "script" and text not in self.allowed.inline_scripts:
            self._find("an inline script that is not the site's own")
        if tag == "style" and text not in self.allowed.styles:
            self._find("an inline style that is not the site's own")
        self._raw = None

    def _attribute(self, tag: str, name: str, value: str) -> None:
        if name.startswith("on"):
            self._find(f"an event handler ({name}) on <{tag}>")
        elif name in ("srcdoc", "http-equiv") and tag != "meta":
            self._find(f"a {name} attribute on <{tag}>")
        elif name in URL_ATTRIBUTES:
            scheme = url_scheme(value)
            data_icon = tag == "link" and value == "data:,"
            if scheme is not None and scheme not in SCHEMES and not data_icon:
                self._find(f"a {scheme}: address in <{tag} {name}>")

    def _meta(self, values: dict[str, str]) -> None:
        equiv = values.get("http-equiv")
        if equiv is not None:
            if equiv.lower() != "content-security-policy":
                self._find(f"a <meta http-equiv={equiv!r}>")
            elif values.get("content") not in self.allowed.policies:
                self._find("a Content-Security-Policy that is not the site's own")
        name = values.get("name")
        if name is not None and name not in META_NAMES and not name.startswith("twitter:"):
            self._find(f"a <meta name={name!r}>")
        prop = values.get("property")
        if prop is not None and not prop.startswith("og:"):
            self._find(f"a <meta property={prop!r}>")


def page_findings(html: str, allowed: Allowed) -> list[str]:
    """What in this page no page of the site may hold, in plain words; [] if nothing."""
    page = _Page(allowed)
    page.feed(html)
    page.close()
    return page.findings
