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
# refuses to hand one over 2,046 characters to the desktop mail client.
DEFAULT_BUDGET = 1800

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


def _webmail(base: str, message: Message, subject_name: str) -> str:
    return base + _query([("to", encode_addresses(message.to))] + _fields(message, subject_name))


def gmail(message: Message) -> str:
    return _webmail(GMAIL, message, "su")


def outlook(message: Message) -> str:
    return _webmail(OUTLOOK, message, "subject")


def office365(message: Message) -> str:
    return _webmail(OFFICE365, message, "subject")


def yahoo(message: Message) -> str:
    return _webmail(YAHOO, message, "subject")


def build_links(message: Message, budget: int = DEFAULT_BUDGET) -> Links:
    """Every link. Over the budget, the desktop link drops only the body:
    the page then asks the visitor to paste the letter, and the webmail links
    (which take far longer URLs) still carry it."""
    full = mailto(message)
    fits = len(full) <= budget
    return Links(
        mailto=full if fits else mailto(message, with_body=False),
        gmail=gmail(message),
        outlook=outlook(message),
        office365=office365(message),
        yahoo=yahoo(message),
        mailto_full_length=len(full),
        mailto_has_body=fits,
    )
