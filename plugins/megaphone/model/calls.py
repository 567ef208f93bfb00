"""Calls: the number a visitor calls and what they say, beside (or instead of) the email.

A number is read with the phonenumbers library (Google's libphonenumber data) in the
site's region (MEGAPHONE_PHONE_REGION), linked as `tel:` in E.164 (RFC 3966) and
shown as people in that region write it. No call goes through anything of ours: the
link hands the number to the visitor's own phone.

Pure: the campaign's readers (campaign.py) and the target lists (targets.py) call it."""

from __future__ import annotations

import re
from dataclasses import dataclass

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat

from .invisible import text_errors
from .messages import ContentError

DEFAULT_REGION = "US"
ACTIONS = ("email", "call")  # Action: which the page offers first
_LETTER = re.compile(r"[^\W\d_]")  # any letter of any alphabet: 555-CALL-NOW, ext. 5
_NAMED = re.compile(r"^(?P<name>[^<>]*?)\s*<(?P<number>[^<>]*)>\s*$")
NAME_MAX = 100


@dataclass(frozen=True)
class Phone:
    e164: str  # +15184553121: what the tel: link carries
    shown: str  # (518) 455-3121 in its own region; +44 20 7946 0958 from another
    name: str = ""  # who answers, as the campaign names them: "Office of the Commissioner"

    @property
    def tel(self) -> str:
        """RFC 3966: a global number, its digits after the +, nothing else."""
        return f"tel:{self.e164}"


def regions() -> frozenset[str]:
    return frozenset(phonenumbers.SUPPORTED_REGIONS)


def parse_phone(text: str, region: str = DEFAULT_REGION) -> Phone:
    """One phone number, in any format people write it in that region."""
    written = " ".join(text.split())
    if not written:
        raise ContentError("call-number-missing", text=text)
    if _LETTER.search(written):
        raise ContentError("call-number-letters", text=written)
    for invisible in text_errors(written):
        raise invisible
    try:
        number = phonenumbers.parse(written, region)
    except NumberParseException:
        raise ContentError("call-number-invalid", text=written, region=region) from None
    if not phonenumbers.is_valid_number(number):
        raise ContentError("call-number-invalid", text=written, region=region)
    own = phonenumbers.region_code_for_number(number) == region
    shown = phonenumbers.format_number(
        number, PhoneNumberFormat.NATIONAL if own else PhoneNumberFormat.INTERNATIONAL
    )
    return Phone(phonenumbers.format_number(number, PhoneNumberFormat.E164), shown)


def parse_call(text: str, region: str = DEFAULT_REGION) -> Phone:
    """`Call: Office of the Commissioner <646-610-5000>`, or the number alone."""
    match = _NAMED.match(text.strip())
    if not match:
        if "<" in text or ">" in text:
            raise ContentError("call-number-invalid", text=text.strip(), region=region)
        return parse_phone(text, region)
    name = " ".join(match["name"].strip().strip('"').split())
    if len(name) > NAME_MAX:
        raise ContentError("call-name-too-long", length=len(name), most=NAME_MAX)
    for invisible in text_errors(name):
        raise invisible
    phone = parse_phone(match["number"], region)
    return Phone(phone.e164, phone.shown, name)


def parse_action(text: str) -> str:
    written = text.strip().lower()
    if written not in ACTIONS:
        raise ContentError("action-unknown", text=text.strip())
    return written
