"""The last look at a page before it leaves the build: the HTML as written to disk.

Every check before it reads what the volunteer wrote; Pelican and the theme
then put it together with other values (addresses, file names, slugs). This
reads the page as a browser will, and refuses what no page of the site ever
holds: a script or style other than the site's own, an instruction to the
browser in a <meta> (refresh, another policy), a <base>, a frame, an event
handler, a link to a script scheme. Finding one is a fault that a check
before it missed: the site is not published."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape

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
    # A campaign page in a site's own theme: the theme's own scripts, styles, <meta>
    # and policy are its own (their hosts are warned of: site/site_theme.py); what no
    # page may hold (a frame, an event handler, a script address) is still refused.
    site_theme: bool = False


# A start tag, and each attribute in it, as a browser splits them (quotes may hold `>`,
# a `/` separates attributes as a space does: <img/src=x/onerror=y>).
_TAG = re.compile(r"""<([a-zA-Z][^\s/>]*)((?:[^>"']+|"[^"]*"|'[^']*')*)>""")
_ATTRIBUTE = re.compile(r"""([^\s/>="']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
# Tags worth reading attribute by attribute: any with an attribute that can run
# script or lead somewhere, and the elements that are checked as a whole.
_SUSPECT = re.compile(
    r"""[\s/"'](?:on[^\s/>=]*|srcdoc|http-equiv|href|src|action|formaction|poster|data"""
    r"""|cite|ping|xlink:href)\s*=""",
    re.I,
)
_WATCHED = FORBIDDEN_ELEMENTS | {"meta", "script", "style", "link", "checked-script"}
_RAW_TEXT = re.compile(r"<(script|style)\b[^>]*>(.*?)</\1\s*>", re.S | re.I)


def _attributes(text: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for match in _ATTRIBUTE.finditer(text):
        name = match.group(1).lower()
        value = next((v for v in match.groups()[1:] if v is not None), "")
        found.setdefault(name, unescape(value))  # a browser keeps the first of a name
    return found


def page_findings(html: str, allowed: Allowed) -> list[str]:
    """What in this page no page of the site may hold, in plain words; [] if nothing.

    Read with regular expressions rather than a parser: they find every `<tag` a
    browser would, anywhere (inside a comment too, which only errs on the safe side),
    and at a fraction of the time, since every page of the site is read again."""
    findings: list[str] = []

    def find(what: str) -> None:
        if what not in findings:
            findings.append(what)

    for style in allowed.styles:  # the site's own, as a whole: quicker than reading it
        html = html.replace(f"<style>{style}</style>", "<checked-style>")
    for match in _RAW_TEXT.finditer(html):
        kind, text = match.group(1).lower(), match.group(2)
        if allowed.site_theme:
            continue
        if kind == "script" and text and text not in allowed.inline_scripts:
            find("an inline script that is not the site's own")
        if kind == "style" and text not in allowed.styles:
            find("an inline style that is not the site's own")
    # Each whole <script> and <style> becomes its opening tag alone, renamed: one left
    # with its old name has no end, and runs to the end of the page in a browser.
    opened_only = _RAW_TEXT.sub(
        lambda m: "<checked-" + m.group(0)[1 : m.start(2) - m.start()], html
    )
    for match in _TAG.finditer(opened_only):
        tag, rest = match.group(1).lower(), match.group(2)
        if tag in _WATCHED or _SUSPECT.search(" " + rest):  # most tags hold only class=""
            _tag(tag, _attributes(rest), allowed, find)
    return findings


def _tag(tag: str, values: dict[str, str], allowed: Allowed, find) -> None:
    if tag in FORBIDDEN_ELEMENTS:
        find(f"a <{tag}> element")
    for name, value in values.items():
        _attribute(tag, name, value, find)
    if allowed.site_theme:
        return
    if tag == "meta":
        _meta(values, allowed, find)
    elif tag in ("script", "style"):
        find(f"a <{tag}> that does not end")
    elif tag == "checked-script" and "src" in values and values["src"] not in allowed.scripts:
        find(f"a script from {values['src']!r}")
    elif tag == "link" and "stylesheet" in values.get("rel", "").lower().split():
        find("a stylesheet link")


def _attribute(tag: str, name: str, value: str, find) -> None:
    if name.startswith("on"):
        find(f"an event handler ({name}) on <{tag}>")
    elif name in ("srcdoc", "http-equiv") and tag != "meta":
        find(f"a {name} attribute on <{tag}>")
    elif name in URL_ATTRIBUTES:
        scheme = url_scheme(value)
        data_icon = tag == "link" and value == "data:,"
        if scheme is not None and scheme not in SCHEMES and not data_icon:
            find(f"a {scheme}: address in <{tag} {name}>")


def _meta(values: dict[str, str], allowed: Allowed, find) -> None:
    equiv = values.get("http-equiv")
    if equiv is not None:
        if equiv.lower() != "content-security-policy":
            find(f"a <meta http-equiv={equiv!r}>")
        elif values.get("content") not in allowed.policies:
            find("a Content-Security-Policy that is not the site's own")
    name = values.get("name")
    if name is not None and name not in META_NAMES and not name.startswith("twitter:"):
        find(f"a <meta name={name!r}>")
    prop = values.get("property")
    if prop is not None and not prop.startswith("og:"):
        find(f"a <meta property={prop!r}>")
