"""Read a list of email addresses as volunteers paste them.

Accepts commas or semicolons, stray spaces and Outlook's `Name <address>`
form. Syntax is checked by email-validator, offline (no DNS lookups: the
build must work without a network).
"""

from __future__ import annotations

import re
import unicodedata

from email_validator import EmailNotValidError, validate_email

from .messages import ContentError

_SEPARATORS = re.compile(r"[,;]")
_NAME_AND_ADDRESS = re.compile(r"^[^<>]*<([^<>]*)>$")


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


def parse_address_list(value) -> tuple[tuple[str, ...], list[AddressError]]:
    """Split and check a `To`, `Cc` or `Bcc` value.

    Returns the good addresses (without repeats) and one reason per bad one,
    so that every mistake is reported at once."""
    if isinstance(value, (list, tuple)):  # Pelican gives a list for several lines
        value = ",".join(value)
    addresses: list[str] = []
    problems: list[AddressError] = []
    for piece in _SEPARATORS.split(value or ""):
        piece = piece.strip()
        if not piece:
            continue
        try:
            address = parse_address(piece)
        except AddressError as error:
            problems.append(error)
            continue
        if address.lower() not in (a.lower() for a in addresses):
            addresses.append(address)
    return tuple(addresses), problems
