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
from phonenumbers import NumberParseException, PhoneNumberFormat, PhoneNumberType

from .invisible import text_errors
from .messages import ContentError

DEFAULT_REGION = "US"
ACTIONS = ("email", "call")  # Action: which the page offers first
_LETTER = re.compile(r"[^\W\d_]")  # any letter of any alphabet: 555-CALL-NOW, ext. 5
_NAMED = re.compile(r"^(?P<name>[^<>]*?)\s*<(?P<number>[^<>]*)>\s*$")


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


# Numbers a stranger's pull request must not have visitors call: charged by the minute,
# or shared-cost, or a satellite or other number of no country ("001").
_COSTLY = (PhoneNumberType.PREMIUM_RATE, PhoneNumberType.SHARED_COST)
LONGEST = 200  # characters of a Call line: a name and a number


def _shown(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "..."


def parse_phone(text: str, region: str = DEFAULT_REGION) -> Phone:
    """One phone number, in any format people write it in that region."""
    written = " ".join(text.split())
    if not written:
        raise ContentError("call-number-missing", text=text)
    if _LETTER.search(written):
        raise _with_letters(written, region)
    if any(c.isdigit() and not c.isascii() for c in written):
        raise ContentError("call-number-digits", text=_shown(written))
    for invisible in text_errors(written):
        raise invisible
    try:
        number = phonenumbers.parse(written, region)
    except NumberParseException:
        raise ContentError("call-number-invalid", text=_shown(written), region=region) from None
    if not phonenumbers.is_valid_number(number):
        raise ContentError("call-number-invalid", text=_shown(written), region=region)
    if number.extension:  # "#5", ",,5": the link would dial the main number only
        raise ContentError("call-number-letters", text=_shown(written), digits=written)
    home = phonenumbers.region_code_for_number(number)
    if home == "001" or phonenumbers.number_type(number) in _COSTLY:
        raise ContentError("call-number-costly", text=_shown(written))
    shown = phonenumbers.format_number(
        number, PhoneNumberFormat.NATIONAL if home == region else PhoneNumberFormat.INTERNATIONAL
    )
    return Phone(phonenumbers.format_number(number, PhoneNumberFormat.E164), shown)


def _with_letters(written: str, region: str) -> ContentError:
    """Letters in a number: a name outside its < >, a number spelt in letters, or an
    extension. Each told what to write."""
    inside = next(iter(phonenumbers.PhoneNumberMatcher(written, region)), None)
    if inside is not None and inside.raw_string != written:
        name = written.replace(inside.raw_string, "").strip(" :,-")
        if name:
            return ContentError(
                "call-name-outside", text=_shown(written), name=name, number=inside.raw_string
            )
    digits = phonenumbers.convert_alpha_characters_in_number(written)
    return ContentError("call-number-letters", text=_shown(written), digits=digits)


def parse_call(text: str, region: str = DEFAULT_REGION) -> Phone:
    """`Call: Office of the Commissioner <646-610-5000>`, or the number alone."""
    written = " ".join(text.split())
    if len(written) > LONGEST:
        raise ContentError("call-too-long", length=len(written), most=LONGEST)
    match = _NAMED.match(written)
    if not match:
        if "<" in written or ">" in written:
            raise ContentError("call-number-invalid", text=_shown(written), region=region)
        return parse_phone(written, region)
    name = match["name"].strip().strip('"').strip()
    for invisible in text_errors(name):
        raise invisible
    phone = parse_phone(match["number"], region)
    return Phone(phone.e164, phone.shown, name)


def parse_action(text: str) -> str:
    written = text.strip().lower()
    if written not in ACTIONS:
        raise ContentError("action-unknown", text=text.strip())
    return written
