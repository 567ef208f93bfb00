"""Build the links that open a visitor's own email with the letter filled in.

Pure functions: no Pelican, no I/O, so the encoder can be tested and reused
alone. theme/static/js/megaphone.js mirrors it byte for byte, proved by the
golden vectors in tests/vectors/links.json.

The rules are RFC 6068's (sections 2 and 5):
- every UTF-8 byte except A-Z a-z 0-9 - . _ ~ is percent-encoded, so a space
  is %20 and a plus is %2B (form decoders read a raw + as a space);
- body line breaks are CRLF (%0D%0A); a subject has no line breaks;
- recipients go comma-separated in the mailto path, never as ?to=;
- each field appears once, and empty fields are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote

# Practitioners' budget for a whole mailto link: Chrome on Windows silently
# refuses to hand one over 2,046 characters to the desktop mail client
# (Firefox on Windows about 2,000). The page's own link, without JavaScript,
# stays within it on every platform: the build cannot know the visitor's.
DEFAULT_BUDGET = 1800

# How long a link may be, wherever it goes: data, not code paths. The script
# (theme/static/js/megaphone.js) holds the same numbers, and both are checked
# against tests/vectors/links.json, so they cannot drift. docs/link-budgets.md
# explains each number for organisers.
#
# The mail-app link ("Send this email"), by the visitor's platform, as the
# script detects it. Windows, and any platform it cannot tell, keep the site's
# MEGAPHONE_MAILTO_BUDGET (1,800 by default).
MAIL_APP_CAPS = {
    # macOS, iOS, Android and Linux hand the link to the mail app whole: no limit
    # was found in Apple Mail, iOS Mail, Thunderbird or Android's intents. 8,000
    # carries every letter of realistic length (a 4,000-character letter in
    # plain prose), and stays below 8,192, the smallest URL limit common in
    # other software on the way (web servers, proxies, web-based mail handlers).
    "roomy": 8000,
    # ChromeOS has no desktop mail app: a mailto link goes to the mail handler
    # registered in the browser, usually Gmail, which receives it re-encoded
    # (every % becomes %25, about a quarter longer). So the Gmail cap / 1.25.
    "chromeos": 4000,
}
# Each webmail compose link. A link over its cap drops only the body, like the
# mail-app link, and the page asks visitors to paste the letter.
SERVICE_CAPS = {
    # Gmail answered HTTP 413 at about 6,410 characters (defund12.org#893). A
    # 413 is about the whole request, cookies included, and cookies differ per
    # account: 5,000 leaves a fifth of the way as margin.
    "gmail": 5000,
    # Outlook on the web: HTTP 400 above about 2,100 in 2016 (EFF), 8,000
    # worked in 2026 reports, and long bodies failed in between (datenanfragen
    # PR#416). Half of the longest reported success, the same for both.
    "outlook": 4000,
    "office365": 4000,
    # Yahoo: no length limit known, but it loses the line breaks of a link's
    # body (why EFF dropped it). A long letter pasted keeps its paragraphs, so
    # Yahoo gets the mail-app budget: short letters in one click, long ones pasted.
    "yahoo": 1800,
}

GMAIL = "https://mail.google.com/mail/?view=cm&fs=1&"
OUTLOOK = "https://outlook.live.com/mail/0/deeplink/compose?"
OFFICE365 = "https://outlook.office.com/mail/deeplink/compose?"  # work or school
YAHOO = "https://compose.mail.yahoo.com/?"

# The webmail services offered on every page, in the order shown: the key names
# the link (Links.<key>, data-link="<key>" for the script) and the name is the
# service's own. Templates loop over this (JINJA_GLOBALS MAIL_SERVICES); they may
# add words to a name, translated (Microsoft 365 "(work or school)").
MAIL_SERVICES = (
    ("gmail", "Gmail"),
    ("outlook", "Outlook.com"),
    ("office365", "Microsoft 365"),
    ("yahoo", "Yahoo Mail"),
)

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class LinkError(ValueError):
    """A value that cannot be put into a link (for example a lone surrogate)."""


@dataclass(frozen=True)
class Message:
    """What the visitor's email will hold. Addresses are already validated."""

    to: tuple[str, ...]
    subject: str
    body: str
    cc: tuple[str, ...] = ()
    bcc: tuple[str, ...] = ()


@dataclass(frozen=True)
class Links:
    mailto: str  # the desktop-client link actually offered (may lack the body)
    gmail: str
    outlook: str
    office365: str
    yahoo: str
    mailto_full_length: int  # length of the mailto with the body, unescaped
    mailto_has_body: bool
    # For every kind (mailto and each service): the length of its link with the
    # body, and whether the link offered carries the body.
    full_lengths: tuple[tuple[str, int], ...] = ()
    carried: tuple[tuple[str, bool], ...] = ()

    def has_body(self, kind: str) -> bool:
        return dict(self.carried)[kind]

    def full_length(self, kind: str) -> int:
        return dict(self.full_lengths)[kind]

    @property
    def all_carry_body(self) -> bool:
        return all(has for _, has in self.carried)


def encode_value(value: str) -> str:
    """Percent-encode a field value's UTF-8 bytes, leaving only unreserved."""
    try:
        data = value.encode("utf-8")
    except UnicodeEncodeError as error:
        bad = value[error.start]
        raise LinkError(
            f"the text holds a broken character (U+{ord(bad):04X}) at position "
            f"{error.start + 1}, which no email can carry"
        ) from None
    return quote(data, safe="")


def encode_address(address: str) -> str:
    """Encode an address's local part like any value, keeping @ literal.

    The domain is expected in IDNA (ASCII) form already; it is encoded too, which
    leaves an ASCII domain unchanged.
    """
    local, at, domain = address.rpartition("@")
    if not at:
        raise LinkError(f"{address!r} has no @")
    return f"{encode_value(local)}@{encode_value(domain)}"


def encode_addresses(addresses: tuple[str, ...]) -> str:
    return ",".join(encode_address(a) for a in addresses)


def crlf(text: str) -> str:
    """Every line break in a body becomes CRLF, as RFC 6068 requires."""
    return _LINE_BREAK.sub("\r\n", text)


def one_line(text: str) -> str:
    """A subject cannot hold a line break: each one becomes a space."""
    return _LINE_BREAK.sub(" ", text)


def _query(fields: list[tuple[str, str]]) -> str:
    return "&".join(f"{name}={value}" for name, value in fields if value)


def _fields(message: Message, subject_name: str, with_body: bool = True) -> list:
    fields = [
        ("cc", encode_addresses(message.cc)),
        ("bcc", encode_addresses(message.bcc)),
        (subject_name, encode_value(one_line(message.subject))),
    ]
    if with_body:
        fields.append(("body", encode_value(crlf(message.body))))
    return fields


def mailto(message: Message, with_body: bool = True) -> str:
    query = _query(_fields(message, "subject", with_body))
    path = encode_addresses(message.to)
    return f"mailto:{path}?{query}" if query else f"mailto:{path}"


def _webmail(base: str, message: Message, subject_name: str, with_body: bool = True) -> str:
    to = [("to", encode_addresses(message.to))]
    return base + _query(to + _fields(message, subject_name, with_body))


def gmail(message: Message, with_body: bool = True) -> str:
    return _webmail(GMAIL, message, "su", with_body)


def outlook(message: Message, with_body: bool = True) -> str:
    return _webmail(OUTLOOK, message, "subject", with_body)


def office365(message: Message, with_body: bool = True) -> str:
    return _webmail(OFFICE365, message, "subject", with_body)


def yahoo(message: Message, with_body: bool = True) -> str:
    return _webmail(YAHOO, message, "subject", with_body)


_BUILDERS = {
    "mailto": mailto,
    "gmail": gmail,
    "outlook": outlook,
    "office365": office365,
    "yahoo": yahoo,
}


def build_links(message: Message, budget: int = DEFAULT_BUDGET) -> Links:
    """Every link, each within its cap: `budget` for the mail-app link,
    SERVICE_CAPS for the webmail ones. A link over its cap drops only the
    body: the page then asks the visitor to paste the letter."""
    caps = {"mailto": budget, **SERVICE_CAPS}
    links, lengths, carried = {}, [], []
    for kind, builder in _BUILDERS.items():
        full = builder(message)
        fits = len(full) <= caps[kind]
        links[kind] = full if fits else builder(message, with_body=False)
        lengths.append((kind, len(full)))
        carried.append((kind, fits))
    return Links(
        **links,
        mailto_full_length=lengths[0][1],
        mailto_has_body=carried[0][1],
        full_lengths=tuple(lengths),
        carried=tuple(carried),
    )
