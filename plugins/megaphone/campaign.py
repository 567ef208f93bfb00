"""The validated campaign: everything the theme shows, checked once.

`read_campaign` turns one page's metadata and rendered HTML into a Campaign,
or into problems said in plain words. It knows nothing of Pelican's objects:
the hooks hand it plain values."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from . import links as link_builder
from .addresses import parse_address_list
from .deadline import (
    DeadlineError, build_moment, in_words, is_open, parse_deadline, parse_timezone, zone_city,
)
from .letter import placeholders, split_letters
from .report import Problem

ADDRESS_FIELDS = (("to", "To"), ("cc", "Cc"), ("bcc", "Bcc"))


@dataclass(frozen=True)
class Campaign:
    to: tuple[str, ...]
    cc: tuple[str, ...]
    bcc: tuple[str, ...]
    subject: str
    letter: str
    deadline: datetime  # aware, in the campaign's own time zone
    is_open: bool
    links: link_builder.Links
    explanation: str  # the page's HTML without the letter block
    placeholders: tuple[str, ...] = ()
    days_left: int = 0  # calendar days from the build date to the deadline, there

    @property
    def deadline_words(self) -> str:
        return in_words(self.deadline)

    @property
    def timezone(self) -> str:
        return self.deadline.tzinfo.key

    @property
    def city(self) -> str:
        return zone_city(self.deadline.tzinfo)


@dataclass
class Reading:
    """The outcome for one file: a campaign, or the problems that stop it.

    Problems carry no line number yet: the caller finds lines in the source,
    and only for files that have problems."""

    campaign: Campaign | None = None
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _text(value) -> str:
    if isinstance(value, (list, tuple)):  # several lines of metadata
        value = " ".join(value)
    return str(value or "").strip()


def control_characters(text: str) -> list[str]:
    """Invisible control characters, which no letter means to send.

    Line breaks and tabs are fine; so are joiners inside emoji."""
    return sorted({f"U+{ord(c):04X}" for c in text
                   if unicodedata.category(c) == "Cc" and c not in "\n\r\t"})


def read_campaign(
    *,
    file: str,
    metadata: dict,
    html: str,
    default_timezone: str,
    today: date | None,
    budget: int = link_builder.DEFAULT_BUDGET,
) -> Reading:
    reading = Reading()

    def problem(name: str, message: str) -> None:
        reading.problems.append(Problem(file, name, message))

    recipients = {}
    for key, name in ADDRESS_FIELDS:
        addresses, bad = parse_address_list(metadata.get(key, ""))
        recipients[key] = addresses
        for reason in bad:
            problem(name, reason)
    if "to" not in metadata:
        problem("To", "is missing. Add a line near the top such as "
                "'To: postact@nypd.org' with the address the letter goes to.")
    elif not recipients["to"] and not any(p.field == "To" for p in reading.problems):
        problem("To", "is empty. Write the address the letter goes to, "
                "for example 'To: postact@nypd.org'.")

    subject = _text(metadata.get("subject"))
    if not subject:
        problem("Subject", ("is empty" if "subject" in metadata else "is missing") +
                ". Add a line such as 'Subject: Ban facial recognition' with the "
                "subject line of the email.")
    elif control_characters(subject):
        problem("Subject", f"contains invisible control characters "
                f"({', '.join(control_characters(subject))}). Retype the subject by hand.")

    deadline = None
    zone_name = _text(metadata.get("timezone")) or default_timezone
    try:
        zone = parse_timezone(zone_name)
    except DeadlineError as error:
        problem("Timezone", str(error))
        zone = None
    deadline_text = _text(metadata.get("deadline"))
    if not deadline_text:
        problem("Deadline", "is missing. Add the last day people can send, "
                "for example 'Deadline: 2021-02-25' (or '2021-02-25 17:00').")
    else:
        try:  # with a bad time zone, still check the date itself
            deadline = parse_deadline(deadline_text, zone or ZoneInfo("UTC"))
        except DeadlineError as error:
            problem("Deadline", str(error))

    split = split_letters(html)
    if not split.letters:
        problem("letter", "there is no letter. Put the letter between a line "
                "'```letter' and a line '```'.")
    elif len(split.letters) > 1:
        problem("letter", f"there are {len(split.letters)} letter blocks. Keep one "
                "'```letter' block and delete the others.")
    elif not split.letters[0].strip():
        problem("letter", "the letter block is empty. Write the letter between "
                "'```letter' and '```'.")
    elif control_characters(split.letters[0]):
        problem("letter", f"contains invisible control characters "
                f"({', '.join(control_characters(split.letters[0]))}), usually pasted "
                "from another program. Retype the lines they are on.")

    if reading.problems:
        return reading

    message = link_builder.Message(
        recipients["to"], subject, split.letters[0], recipients["cc"], recipients["bcc"]
    )
    try:
        built = link_builder.build_links(message, budget)
    except link_builder.LinkError as error:
        problem("letter", f"{error}. Retype that part of the letter or subject.")
        return reading
    if not built.mailto_has_body:
        reading.warnings.append(
            f"{file}: the email link would be {built.mailto_full_length} characters, "
            f"over the budget of {budget}, so the mail-app button carries only the "
            "address and subject and the page asks visitors to paste the letter. "
            "A shorter letter avoids this.")
        if len(built.mailto) > budget:
            reading.warnings.append(
                f"{file}: even without the letter the email link is {len(built.mailto)} "
                "characters; some mail apps will not open it. Use fewer addresses "
                "or a shorter subject.")
    moment = build_moment(zone, today)
    reading.campaign = Campaign(
        to=recipients["to"],
        cc=recipients["cc"],
        bcc=recipients["bcc"],
        subject=subject,
        letter=split.letters[0],
        deadline=deadline,
        is_open=is_open(deadline, moment),
        days_left=(deadline.date() - moment.astimezone(zone).date()).days,
        links=built,
        explanation=split.explanation,
        placeholders=placeholders(split.letters[0]),
    )
    return reading
