"""Public comment mode: the docket a comment answers, the agency's own comment form,
its length limit, and whether the agency publishes what it receives.

Pure: the campaign's readers (campaign.py) call these with the header's values."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from .invisible import text_errors
from .letter import fill, placeholders
from .messages import ContentError

DOCKET_MAX = 120  # "Facial Recognition: Impact & Use Policy"; a RIN is 9
LIMIT_MIN, LIMIT_MAX = 100, 1_000_000  # regulations.gov takes 5,000
PORTAL_MAX = 2_000
_NOT_IN_A_DOCKET = "[]|<>"  # blanks, the Subjects separator, address brackets

# For counting a letter against a Limit, each blank is filled with as many characters
# as a real sender types there, on the long side (a name of 30 covers most full names):
# (words in the blank's name, characters). The first that matches counts; docs/errors.md.
TYPICAL_BLANK_LENGTHS = (
    (("email", "e-mail"), 40),
    (("address", "street"), 60),
    (("city", "town", "neighborhood", "neighbourhood", "borough"), 25),
    (("zip", "postcode", "postal"), 10),
    (("phone", "telephone"), 20),
    (("name",), 30),
)
OTHER_BLANK_LENGTH = 60  # any other blank: a short phrase


def parse_docket(text: str) -> str:
    docket = " ".join(text.split())
    if len(docket) > DOCKET_MAX:
        raise ContentError("docket-too-long", length=len(docket), most=DOCKET_MAX)
    bad = sorted({c for c in docket if c in _NOT_IN_A_DOCKET})
    if bad:
        raise ContentError("docket-character", text=docket, characters=" ".join(bad))
    for invisible in text_errors(docket):
        raise invisible
    return docket


def with_docket(subject: str, docket: str) -> str:
    """The subject as every link carries it: with the docket in front, unless it has it."""
    if not docket or docket in subject:
        return subject
    return f"{docket}: {subject}"


def parse_portal(text: str) -> str:
    """The agency's own comment form: an https:// address of a real host, nothing else."""
    portal = text.strip()
    try:
        parts = urlsplit(portal)
        host = parts.hostname or ""
        port = parts.port  # raises on a port that is no number
    except ValueError:
        raise ContentError("portal-not-https", text=portal) from None
    if parts.scheme.lower() != "https" or not host or "." not in host.strip("."):
        raise ContentError("portal-not-https", text=portal)
    if parts.username is not None or parts.password is not None or port == 0:
        raise ContentError("portal-not-https", text=portal)
    if len(portal) > PORTAL_MAX or any(c.isspace() or not c.isprintable() for c in portal):
        raise ContentError("portal-not-https", text=portal)
    return portal


def portal_host(portal: str) -> str:
    """`www.regulations.gov`: where the link goes, said beside it."""
    return (urlsplit(portal).hostname or "").removeprefix("www.")


_DIGITS = re.compile(r"^\d{1,3}(?:[ ,.\u00a0\u202f]?\d{3})*$|^\d+$")


def parse_limit(text: str) -> int:
    """`5000`, `5,000` or `5 000` characters."""
    written = text.strip()
    if not _DIGITS.match(written):
        raise ContentError("limit-not-a-number", text=written)
    limit = int(re.sub(r"\D", "", written))
    if not LIMIT_MIN <= limit <= LIMIT_MAX:
        raise ContentError("limit-out-of-range", text=written, least=LIMIT_MIN, most=LIMIT_MAX)
    return limit


_YES, _NO = ("yes", "true", "on"), ("no", "false", "off")


def parse_published(text: str) -> bool:
    """`Published: no`: the agency does not publish the comments it receives."""
    written = text.strip().lower()
    if written in _YES:
        return True
    if written in _NO:
        return False
    raise ContentError("published-yes-or-no", text=text.strip())


def comment_length(text: str) -> int:
    """Characters as an agency's form counts them: each letter, digit, space, mark and
    line break once (code points; a line break is one, as a text box sends it)."""
    return len(text.replace("\r\n", "\n"))


def typical_length(blank: str) -> int:
    words = blank.casefold()
    for names, length in TYPICAL_BLANK_LENGTHS:
        if any(name in words for name in names):
            return length
    return OTHER_BLANK_LENGTH


def counted_length(letter: str, known: dict[str, int] | None = None) -> int:
    """The letter's length once a sender has filled its blanks: `known` gives the
    longest value some blanks take (a representative's name from the target lists),
    the rest count as TYPICAL_BLANK_LENGTHS says."""
    known = known or {}
    values = {name: "x" * known.get(name, typical_length(name)) for name in placeholders(letter)}
    return comment_length(fill(letter, values))
