"""Only safe HTML reaches a campaign page: what Markdown writes, and nothing more.

A campaign file may contain raw HTML, and Markdown passes it through as
written. `check_html` refuses, one finding each, with what to write instead:

- any element Markdown does not produce (script, meta, iframe, form, svg...);
- any attribute it does not produce (on*, style, target, data-*...), and
  classes or ids other than Markdown's own (they could dress a link up as
  the page's send button, or take over an id the site's script uses);
- links other than http, https, mailto or a path on this site;
- pictures from another site (the page's CSP would block them anyway).

nh3 (ammonia) defines what is safe: a finding is made wherever nh3, given
the same allowlist, would remove or change something. Our own pass over the
tags names each refusal in plain words; if nh3 changes something that pass
did not name, `html-unsafe` says so, so nothing is ever stripped silently.

A `mailto:` link to anyone but the campaign's recipients is only a warning
(`foreign_mailto_links`): it could pass for the real send button."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import parse_qsl, unquote

import nh3

from .addresses import AddressError, parse_address
from .messages import say

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# What Python-Markdown 3.11 with `extra` and `meta` writes, plus a few
# harmless text-level elements volunteers often type by hand.
TAGS = frozenset(
    {
        "p",
        *HEADINGS,
        "ul",
        "ol",
        "li",
        "a",
        "em",
        "strong",
        "blockquote",
        "code",
        "pre",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "img",
        "br",
        "hr",
        "dl",
        "dt",
        "dd",
        "abbr",
        "sup",
        "sub",
        "div",
        "b",
        "i",
        "s",
        "del",
        "ins",
        "mark",
        "small",
        "kbd",
    }
)
ATTRIBUTES = {
    "a": {"href", "title", "class"},
    "img": {"src", "alt", "title"},
    "abbr": {"title"},
    "th": {"style", "align"},  # tables: style="text-align: left;" (or align= if configured)
    "td": {"style", "align"},
    "ol": {"start"},
    "li": {"id"},  # footnotes: <li id="fn:1">
    "sup": {"id"},  # footnotes: <sup id="fnref:1">
    "div": {"class"},  # footnotes: <div class="footnote">
    "code": {"class"},  # fenced code: <code class="language-python">
    **{h: {"id"} for h in HEADINGS},  # attr_list: ## Section {: #section }
}
URL_SCHEMES = frozenset({"http", "https", "mailto"})

# Ids and data- attributes the theme's pages and script rely on: a campaign
# must not take them over. tests/test_safe_html.py checks this against the theme.
THEME_IDS = frozenset(
    {
        "call-heading",
        "closed-heading",
        "count-choice",
        "forget-status",
        "letter-editor",
        "letter-heading",
        "limit-count",
        "main",
        "mastodon-instance",
        "open-heading",
        "privacy-heading",
        "send-heading",
        "share-heading",
        "target-heading",
        "targets-heading",
        "targets-postcode",
        "targets-postcode-hint",
        "targets-search",
        "versions-heading",
        "webmail-label",
    }
)
_THEME_ID_PATTERNS = (re.compile(r"variant-\d+"), re.compile(r"targets-.+"))

_CLASSES = {
    "a": re.compile(r"footnote-(?:ref|backref)"),
    "div": re.compile(r"footnote"),
    "code": re.compile(r"language-[\w+#.-]+"),
}
_IDS = {
    "li": re.compile(r"fn:\S+"),
    "sup": re.compile(r"fnref\d*:\S+"),
    **{h: re.compile(r"[A-Za-z][\w:.-]*") for h in HEADINGS},
}
_ALIGN_STYLE = re.compile(r"text-align: (?:left|center|right);")
_ALIGN = re.compile(r"left|center|right")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_SNIPPET_LENGTH = 100

_ELEMENT_ADVICE = {
    "script": "Delete it: a campaign page runs only the site's own script.",
    "noscript": "Delete it: write the text as ordinary Markdown.",
    "style": "Delete it: the site's stylesheet decides how every page looks.",
    "link": "Delete it: the site's stylesheet decides how every page looks.",
    "meta": "Delete it: the site writes the page's own <meta> lines.",
    "base": "Delete it: links are written in full or as paths on this site.",
    "iframe": "Link to the page or video instead: [what it is](https://...).",
    "frame": "Link to the page instead: [what it is](https://...).",
    "object": "Link to the file or page instead: [what it is](https://...).",
    "embed": "Link to the file or page instead: [what it is](https://...).",
    "video": "Link to the video instead: [what it is](https://...).",
    "audio": "Link to the recording instead: [what it is](https://...).",
    "form": "Delete it: the page's own buttons send the letter.",
    "input": "Delete it: the page's own buttons send the letter.",
    "button": "Delete it: the page's own buttons send the letter.",
    "textarea": "Delete it: the page's own buttons send the letter.",
    "select": "Delete it: the page's own buttons send the letter.",
    "svg": "Save the drawing as a PNG in content/images/ and write "
    "![what it shows]({static}/images/<file name>).",
    "math": "Write the formula in words, or as a picture in content/images/.",
    "span": "Delete the tag and keep its text: *emphasis* and **strong** are Markdown.",
    "u": "Use *emphasis* or **strong** instead: underlined words look like links.",
}
_DEFAULT_ELEMENT_ADVICE = "Write this part in Markdown, or delete it."


def _attribute_advice(element: str, attribute: str) -> str:
    if attribute.startswith("on"):
        return "Delete it: a campaign page runs only the site's own script."
    if attribute == "style":
        return "Delete it: the site's stylesheet decides how every page looks."
    if attribute == "target":
        return "Delete it: links open in the same window, as visitors expect."
    if attribute == "class":
        return "Delete it: the site's stylesheet decides how every page looks."
    if attribute == "id":
        return "Delete it, or choose another id: this one is taken by the page itself."
    if attribute.startswith("data-"):
        return "Delete it: the page's own script uses data- attributes."
    return "Delete it."


@dataclass(frozen=True)
class Finding:
    """One thing in the HTML that would not appear, or (kind "warning") that misleads."""

    code: str  # the entry in messages.py and docs/errors.md
    message: str  # say(code, ...): what is wrong and what to write instead
    snippet: str  # the tag as written, shortened
    kind: str = "problem"  # "problem" stops the build; "warning" does not
    look_for: tuple[str, ...] = ()  # texts to find its line in the Markdown file, best first

    def line_in(self, source: str) -> int | None:
        """The 1-based line of the Markdown source this finding comes from, if found."""
        return line_of(source, *self.look_for)


def line_of(source: str, *needles: str) -> int | None:
    """The 1-based line of `source` where the first findable needle starts.

    Raw HTML reaches the page as written, so the tag usually appears literally;
    a Markdown link does not, but its address does. None if nothing is found."""
    folded = source.casefold()
    for needle in needles:
        needle = needle.strip()
        if not needle:
            continue
        index = source.find(needle)
        if index < 0:
            index = folded.find(needle.casefold()) if len(folded) == len(source) else -1
        if index >= 0:
            return source.count("\n", 0, index) + 1
    return None


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _SNIPPET_LENGTH else text[: _SNIPPET_LENGTH - 1] + "…"


def url_scheme(url: str) -> str | None:
    """The scheme of `url` as a browser reads it, lower-cased, or None if relative.

    Browsers strip leading and trailing spaces and control characters and
    ignore tabs and line breaks anywhere, so `  JaVa\\tScRiPt:` is javascript:."""
    url = re.sub(r"[\t\n\r]", "", url).strip(
        "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c"
        "\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17"
        "\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f "
    )
    match = _SCHEME.match(url)
    return match.group(1).lower() if match else None


def _on_another_host(url: str) -> bool:
    """`//host/x`, and `/\\host/x`, which browsers read the same way."""
    url = re.sub(r"[\t\n\r]", "", url).strip().replace("\\", "/")
    return url.startswith("//")


def refused_value(element: str, attribute: str, value: str) -> str | None:
    """Why this allowed attribute's value is refused ('scheme', 'host', 'value'), or None."""
    if attribute == "href":
        scheme = url_scheme(value)
        return "scheme" if scheme is not None and scheme not in URL_SCHEMES else None
    if attribute == "src":
        if url_scheme(value) is not None or _on_another_host(value):
            return "host"
        return None
    if attribute == "class":
        pattern = _CLASSES.get(element)
        ok = pattern and value.split() and all(pattern.fullmatch(c) for c in value.split())
        return None if ok else "value"
    if attribute == "id":
        pattern = _IDS.get(element)
        taken = value in THEME_IDS or any(p.fullmatch(value) for p in _THEME_ID_PATTERNS)
        return None if pattern and pattern.fullmatch(value) and not taken else "value"
    if attribute == "style":
        return None if _ALIGN_STYLE.fullmatch(value.strip()) else "value"
    if attribute == "align":
        return None if _ALIGN.fullmatch(value.strip().lower()) else "value"
    if attribute == "start":
        return None if value.strip().isdigit() else "value"
    return None


def _keep(element: str, attribute: str, value: str) -> str | None:
    """nh3's attribute_filter: the same rules, so that nh3 and our findings agree."""
    return None if refused_value(element, attribute, value) else value


def sanitize(html: str) -> str:
    """The HTML as nh3 cleans it with this allowlist (the same rules as check_html)."""
    return nh3.clean(
        html,
        tags=set(TAGS),
        attributes={k: set(v) for k, v in ATTRIBUTES.items()},
        attribute_filter=_keep,
        url_schemes=set(URL_SCHEMES),
        link_rel=None,
        strip_comments=False,
    )


class _Tags(HTMLParser):
    """Every start tag with its attributes, as written and as decoded."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str]], str]] = []
        self.shape: list[tuple] = []
        self._text: list[str] = []

    def _flush(self) -> None:
        text = " ".join("".join(self._text).split())
        if text:
            self.shape.append(("text", text))
        self._text = []

    def handle_starttag(self, tag, attrs):
        attrs = [(name, value or "") for name, value in attrs]
        self.tags.append((tag, attrs, self.get_starttag_text() or f"<{tag}>"))
        self._flush()
        self.shape.append(("tag", tag, tuple(sorted(dict(reversed(attrs)).items()))))

    handle_startendtag = handle_starttag

    def handle_data(self, data):
        self._text.append(data)

    def handle_comment(self, data):
        self._flush()
        self.shape.append(("comment", " ".join(data.split())))

    def handle_decl(self, decl):
        self._flush()
        self.shape.append(("declaration", decl))

    def handle_pi(self, data):
        self._flush()
        self.shape.append(("instruction", data))

    unknown_decl = handle_decl

    def close(self):
        super().close()
        self._flush()


def _parse(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return parser


def _element_finding(tag: str, snippet: str) -> Finding:
    shown = _shorten(snippet)
    return Finding(
        "html-element",
        say(
            "html-element",
            snippet=shown,
            element=tag,
            advice=_ELEMENT_ADVICE.get(tag, _DEFAULT_ELEMENT_ADVICE),
        ),
        shown,
        look_for=(snippet, f"<{tag}"),
    )


def _attribute_findings(tag: str, attrs: list[tuple[str, str]], snippet: str) -> list[Finding]:
    shown = _shorten(snippet)
    findings = []
    for name, value in attrs:
        look_for = (snippet, value, name)
        reason: str | None
        if name not in ATTRIBUTES.get(tag, ()):
            reason = "attribute"
        else:
            reason = refused_value(tag, name, value)
        if reason == "scheme":
            findings.append(
                Finding(
                    "html-link-scheme",
                    say("html-link-scheme", snippet=shown, scheme=f"{url_scheme(value)}:"),
                    shown,
                    look_for=look_for,
                )
            )
        elif reason == "host":
            findings.append(
                Finding(
                    "html-image-elsewhere",
                    say("html-image-elsewhere", snippet=shown, src=value),
                    shown,
                    look_for=look_for,
                )
            )
        elif reason:
            findings.append(
                Finding(
                    "html-attribute",
                    say(
                        "html-attribute",
                        snippet=shown,
                        attribute=name,
                        element=tag,
                        advice=_attribute_advice(tag, name),
                    ),
                    shown,
                    look_for=look_for,
                )
            )
    return findings


def _first_difference(original: list[tuple], cleaned: list[tuple]) -> tuple[str, str]:
    """(snippet, change) for the first place nh3's output differs from the original."""
    for before, after in zip(original, cleaned, strict=False):
        if before != after:
            return _describe(before), f"it would become {_describe(after)}"
    if len(original) > len(cleaned):
        return _describe(original[len(cleaned)]), "it would be removed"
    return _describe(cleaned[len(original)]), "something would be added"


def _describe(item: tuple) -> str:
    if item[0] == "tag":
        attributes = "".join(f' {name}="{value}"' for name, value in item[2])
        return _shorten(f"<{item[1]}{attributes}>")
    return _shorten(f"{item[0]} {item[1]!r}")


def check_html(html: str) -> list[Finding]:
    """Every element, attribute and address in `html` that would not appear as written.

    `html` is the explanation (the page's HTML without the letter blocks) or the
    Summary as rendered. An empty list means nh3 would leave it unchanged."""
    parsed = _parse(html)
    findings = []
    for tag, attrs, snippet in parsed.tags:
        if tag not in TAGS:
            findings.append(_element_finding(tag, snippet))
        else:
            findings.extend(_attribute_findings(tag, attrs, snippet))
    if not findings:  # the safety net: whatever nh3 changes, say so
        cleaned = _parse(sanitize(html)).shape
        if cleaned != parsed.shape:
            snippet, change = _first_difference(parsed.shape, cleaned)
            findings.append(
                Finding(
                    "html-unsafe",
                    say("html-unsafe", snippet=snippet, change=change),
                    snippet,
                    look_for=(snippet,),
                )
            )
    return findings


# --- mailto: links that write to someone else -----------------------------


def mailto_addresses(url: str) -> list[str]:
    """Every address a mailto: link writes to: before '?', and in to=, cc=, bcc=."""
    url = re.sub(r"[\t\n\r]", "", url).strip()
    body = url.split(":", 1)[1] if ":" in url else ""
    path, _, query = body.partition("?")
    pieces = [unquote(path)] + [
        value
        for key, value in parse_qsl(query, keep_blank_values=True)
        if key.lower() in ("to", "cc", "bcc")
    ]
    return [a.strip() for piece in pieces for a in re.split(r"[,;]", piece) if a.strip()]


def _same_form(address: str) -> str:
    try:
        return parse_address(address).lower()
    except AddressError:
        return address.lower()


def foreign_mailto_links(html: str, recipients: Iterable[str]) -> list[Finding]:
    """A warning for each mailto: link that writes to anyone but `recipients`.

    `recipients` are the campaign's To, Cc and Bcc addresses."""
    ours = {_same_form(a) for a in recipients}
    findings = []
    for tag, attrs, snippet in _parse(html).tags:
        for name, value in attrs:
            if tag != "a" or name != "href" or url_scheme(value) != "mailto":
                continue
            others = [a for a in mailto_addresses(value) if _same_form(a) not in ours]
            if others:
                shown = _shorten(snippet)
                findings.append(
                    Finding(
                        "mailto-not-recipients",
                        say("mailto-not-recipients", snippet=shown, addresses=", ".join(others)),
                        shown,
                        kind="warning",
                        look_for=(snippet, *others),
                    )
                )
    return findings
