"""Read a list of email addresses as volunteers paste them.

Accepts commas or semicolons, stray spaces and Outlook's `Name <address>`
form. Syntax is checked by email-validator, offline (no DNS lookups: the
build must work without a network).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from email.utils import parseaddr

from email_validator import EmailNotValidError, validate_email

from .messages import ContentError, say

_NAME_AND_ADDRESS = re.compile(r"^[^<>]*<([^<>]*)>$")
_CURLY_QUOTES = "\u201c\u201d\u2018\u2019\u00ab\u00bb"


class AddressError(ContentError):
    """A plain-words reason, with the fix, for one bad address."""


def _invisible(text: str) -> list[str]:
    """Characters that look like nothing but break an address.

    They usually come from copying out of a document or a web page."""
    found = []
    for char in text:
        if char == " ":
            continue
        category = unicodedata.category(char)
        if category in ("Cf", "Cc", "Zs", "Zl", "Zp"):
            name = unicodedata.name(char, f"U+{ord(char):04X}").lower()
            found.append(f"{name} (U+{ord(char):04X})")
    return found


def parse_address(text: str) -> str:
    """One address, returned as the links need it: domain in IDNA form."""
    match = _NAME_AND_ADDRESS.match(text)
    candidate = match.group(1).strip() if match else text
    invisible = _invisible(candidate)
    if invisible:
        raise AddressError("address-invisible", text=text, characters=", ".join(invisible))
    try:
        result = validate_email(candidate, check_deliverability=False)
    except EmailNotValidError as error:
        raise AddressError("address-invalid", text=text, reason=str(error).rstrip(".")) from None
    return f"{result.local_part}@{result.ascii_domain}"


@dataclass(frozen=True)
class Recipients:
    """A `To`, `Cc` or `Bcc` value read: the addresses the links carry (each
    once), the names written with them (shown on the page only), what is wrong,
    and what looks wrong but may be meant."""

    addresses: tuple[str, ...] = ()
    names: tuple[tuple[str, str], ...] = ()  # (address, name)
    problems: tuple[AddressError, ...] = ()
    warnings: tuple[str, ...] = ()


def _pieces(value: str) -> list[str]:
    """Split on commas and semicolons, except inside "quoted names" and <addresses>,
    so that `"Doe, John" <j@city.gov>` stays one recipient."""
    pieces, current, quoted, angled = [], "", False, False
    for char in value:
        if char == '"' and not angled:
            quoted = not quoted
        elif char == "<" and not quoted:
            angled = True
        elif char == ">" and not quoted:
            angled = False
        if char in ",;" and not quoted and not angled:
            pieces.append(current)
            current = ""
        else:
            current += char
    return [piece.strip() for piece in pieces + [current] if piece.strip()]


def _slip(piece: str, following: str) -> AddressError | None:
    """The common slips, said plainly before the validator's own words."""
    if any(quote in piece for quote in _CURLY_QUOTES):
        return AddressError("address-curly-quotes", text=piece)
    if re.search(r"@\S+\s+(and|&|y|et|und)\s+\S+@", piece, re.IGNORECASE):
        return AddressError("address-and", text=piece)
    if "@" in piece and "." not in piece.rsplit("@", 1)[1] and following and "@" not in following:
        return AddressError(
            "address-comma-in-domain",
            text=f"{piece},{following}",
            suggestion=f"{piece}.{following}",
        )
    return None


def parse_recipients(value) -> Recipients:
    """Split and check a `To`, `Cc` or `Bcc` value, reporting every mistake at once."""
    if isinstance(value, (list, tuple)):  # Pelican gives a list for several lines
        value = ",".join(value)
    pieces = _pieces(value or "")
    addresses: list[str] = []
    names: list[tuple[str, str]] = []
    problems: list[AddressError] = []
    warnings: list[str] = []
    skip = False
    for index, piece in enumerate(pieces):
        if skip:  # the rest of a domain cut by a comma, reported with its start
            skip = False
            continue
        following = pieces[index + 1] if index + 1 < len(pieces) else ""
        slip = _slip(piece, following)
        if slip:
            problems.append(slip)
            skip = slip.code == "address-comma-in-domain"
            continue
        name, _ = parseaddr(piece) if "<" in piece else ("", piece)
        try:
            address = parse_address(piece)
        except AddressError as error:
            problems.append(error)
            continue
        if address.lower() in (a.lower() for a in addresses):
            continue
        addresses.append(address)
        if name.strip():
            names.append((address, name.strip()))
        if len(address.rsplit(".", 1)[-1]) == 1:
            warnings.append(say("address-short-domain", address=address))
    return Recipients(tuple(addresses), tuple(names), tuple(problems), tuple(warnings))


def parse_address_list(value) -> tuple[tuple[str, ...], list[AddressError]]:
    """The good addresses (without repeats) and one reason per bad one."""
    read = parse_recipients(value)
    return read.addresses, list(read.problems)
