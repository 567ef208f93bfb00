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


_BLANK = re.compile(r"\[[^\[\]\n]*\]")


def _plain(text: str) -> str:
    """As a reader compares a docket: in any case and spacing, blanks left out (what a
    visitor types there is theirs, and may not stand in for the docket)."""
    return " ".join(_BLANK.sub(" ", text).casefold().split())


def docket_count(subject: str, docket: str) -> int:
    """How many times the subject names the docket."""
    return _plain(subject).count(_plain(docket)) if docket else 0


def with_docket(subject: str, docket: str) -> str:
    """The subject as every link carries it: with the docket in front, unless it has it."""
    if not docket or docket_count(subject, docket):
        return subject
    return f"{docket}: {subject}"


_IP_LABEL = re.compile(r"^(?:[0-9]+|0x[0-9a-f]*)$", re.IGNORECASE)
_HOST = re.compile(r"^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$", re.I)


def parse_portal(text: str) -> str:
    """The agency's own comment form: an https:// address of a named host, written so
    that what the page shows of it is where a browser goes."""
    portal = text.strip()
    shown = portal if len(portal) <= 80 else portal[:77] + "..."

    def refused(why: str) -> ContentError:
        return ContentError("portal-not-https", text=shown, why=why)

    if portal.startswith("<") and portal.endswith(">"):
        raise refused("write the address without the < >")
    if portal.startswith("[") and "](" in portal:
        raise refused("write the address alone, not as a Markdown link")
    if portal.lower().startswith("http://"):
        raise refused("write https://, not http://: an agency's form is on https")
    if "://" not in portal and "." in portal.split("/", 1)[0]:
        raise refused(f"add https:// in front: 'Portal: https://{shown}'")
    if len(portal) > PORTAL_MAX:
        raise refused(f"it is {len(portal):,} characters long, and may be at most {PORTAL_MAX:,}")
    if any(c.isspace() or not c.isprintable() for c in portal):
        raise refused("it has a space or an invisible character in it")
    if "\\" in portal:
        raise refused("it has a backslash, which browsers read as a slash")
    try:
        parts = urlsplit(portal)
        host = parts.hostname or ""
        port = parts.port  # raises on a port that is no number
    except ValueError:
        raise refused("it cannot be read as a web address") from None
    if parts.scheme.lower() != "https" or not portal.lower().startswith("https://"):
        raise refused("it must start with https://")
    if parts.username is not None or parts.password is not None or "@" in parts.netloc:
        raise refused("it has a name or password before the site's name")
    if port == 0 or "[" in parts.netloc:
        raise refused("it names no site")
    if not host.isascii():
        raise refused("the site's name has letters other than a to z, which can pass for another's")
    if not _HOST.match(host) or _IP_LABEL.match(host.rsplit(".", 1)[-1]):
        raise refused("it names no site by its name (an IP address, or no dot in the name)")
    return portal


def portal_host(portal: str) -> str:
    """`www.regulations.gov`: where the link goes, said beside it."""
    return (urlsplit(portal).hostname or "").removeprefix("www.")


# Digits 0-9 only (a limit is typed on a keyboard: `5000`, `5,000`, `5 000`), at most 7.
_DIGITS = re.compile(r"^[0-9]{1,3}(?:[ ,.\u00a0\u202f]?[0-9]{3}){0,2}$|^[0-9]{1,7}$", re.ASCII)


def parse_limit(text: str) -> int:
    """`5000`, `5,000` or `5 000` characters."""
    written = text.strip()
    if not _DIGITS.match(written):
        raise ContentError("limit-not-a-number", text=written[:40])
    limit = int(re.sub(r"[^0-9]", "", written))
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
    """Characters as an agency's form may count them, on the long side: in UTF-16 units
    (as a browser's maxlength does: an emoji is two) and each line break as two (a form
    sends CR LF). The page's script counts the same way."""
    text = text.replace("\r\n", "\n")
    return len(text.encode("utf-16-le")) // 2 + text.count("\n")


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
