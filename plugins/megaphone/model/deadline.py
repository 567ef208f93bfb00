"""Deadlines: read them, decide open or closed, and say them in words.

A deadline is a wall-clock time in the campaign's own time zone: a bare date
means the end of that day (23:59) there."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel.dates import format_datetime, get_timezone_location

from .messages import ContentError

_DEADLINE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2}))?$")
END_OF_DAY = time(23, 59)


class DeadlineError(ContentError):
    """A plain-words reason, with the fix."""


def parse_timezone(name: str) -> ZoneInfo:
    name = (name or "").strip()
    try:
        if not name or name.startswith("/") or ".." in name:
            raise ValueError
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise DeadlineError("timezone-unknown", text=name) from None


def parse_deadline(text: str, zone: ZoneInfo) -> datetime:
    """`YYYY-MM-DD` (end of that day) or `YYYY-MM-DD HH:MM`, in `zone`."""
    text = (text or "").strip()
    match = _DEADLINE.match(text)
    if not match:
        raise DeadlineError("deadline-unreadable", text=text)
    year, month, day, hour, minute = match.groups()
    try:
        day_ = date(int(year), int(month), int(day))
    except ValueError:
        raise DeadlineError("deadline-no-such-day", text=text) from None
    if hour is None:
        clock = END_OF_DAY
    else:
        try:
            clock = time(int(hour), int(minute))
        except ValueError:
            raise DeadlineError("deadline-no-such-time", text=text) from None
    deadline = datetime.combine(day_, clock, tzinfo=zone)
    # A wall-clock time skipped when the clocks go forward does not exist.
    if deadline.astimezone(UTC).astimezone(zone).replace(fold=0) != deadline:
        raise DeadlineError("deadline-skipped-hour", text=text, zone=zone.key)
    return deadline


def parse_today(text: str) -> date:
    """The `CAMPAIGN_TODAY=YYYY-MM-DD` override of the build date."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise DeadlineError("build-date-invalid", text=text) from None


def build_moment(zone: ZoneInfo, today: date | None, now: datetime | None = None) -> datetime:
    """The instant the page is built "as of".

    With a build date, that is the start of that day in the campaign's zone,
    so a campaign is still open on the day of its deadline."""
    if today is not None:
        return datetime.combine(today, time(0, 0), tzinfo=zone)
    return now or datetime.now(UTC)


def zone_of(deadline: datetime) -> ZoneInfo:
    """The IANA zone of a deadline made by parse_deadline."""
    zone = deadline.tzinfo
    if not isinstance(zone, ZoneInfo):
        raise TypeError("a deadline carries its IANA time zone")
    return zone


def is_open(deadline: datetime, moment: datetime) -> bool:
    return moment <= deadline


def zone_city(zone: ZoneInfo, locale: str = "en") -> str:
    """'New York' for America/New_York, in the reader's language: 'Nueva York'."""
    return get_timezone_location(zone, locale=locale, return_city=True)


ENGLISH_PATTERN = "EEEE d MMMM y 'at' h:mm a"
ENGLISH_SENTENCE = "{when}, {city} time"


def in_words(deadline: datetime, locale: str = "en_GB", pattern: str = ENGLISH_PATTERN,
             sentence: str = ENGLISH_SENTENCE) -> str:
    """'Thursday 25 February 2021 at 11:59 pm, New York time'.

    The pattern is a CLDR date pattern; the sentence places {when} and {city}."""
    # Cached by the wall time *and* the zone: two deadlines at the same instant
    # in different zones are equal datetimes, but not the same words.
    return _in_words(deadline.isoformat(), zone_of(deadline).key, locale, pattern, sentence)


@lru_cache(maxsize=4096)  # each page says its deadline several times
def _in_words(moment: str, zone_name: str, locale: str, pattern: str, sentence: str) -> str:
    deadline = datetime.fromisoformat(moment).astimezone(ZoneInfo(zone_name))
    when = format_datetime(deadline, pattern, locale=locale)
    return sentence.format(when=when, city=zone_city(zone_of(deadline), locale))
