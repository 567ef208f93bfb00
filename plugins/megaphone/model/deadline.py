"""Deadlines: read them, decide open or closed, and say them in words.

A deadline is a wall-clock time in the campaign's own time zone: a bare date
means the end of that day (23:59) there."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import cache, lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from babel import Locale
from babel.dates import (
    format_date,
    format_datetime,
    format_time,
    get_datetime_format,
    get_timezone_location,
)

from .messages import ContentError

_DEADLINE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2}))?$")
END_OF_DAY = time(23, 59)
# Years a deadline may fall in: enough for any campaign, and safe for every
# date library between here and the visitor's browser.
FIRST_YEAR, LAST_YEAR = 1970, 2200
# Names some computers know but browsers reject (Intl.DateTimeFormat throws).
_NOT_FOR_BROWSERS = ("posix/", "right/")
_NOT_A_PLACE = {"localtime", "Factory", "posixrules"}


class DeadlineError(ContentError):
    """A plain-words reason, with the fix."""


@cache
def _known_zones() -> frozenset[str]:
    return frozenset(available_timezones())


def parse_timezone(name: str) -> ZoneInfo:
    name = (name or "").strip()
    if name.startswith(_NOT_FOR_BROWSERS) or name in _NOT_A_PLACE:
        raise DeadlineError("timezone-not-for-browsers", text=name)
    try:
        if not name or name.startswith("/") or ".." in name or name not in _known_zones():
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
    if not FIRST_YEAR <= int(year) <= LAST_YEAR:
        raise DeadlineError("deadline-out-of-range", text=text, first=FIRST_YEAR, last=LAST_YEAR)
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
    if not _exists(deadline):
        if not any(
            _exists(datetime.combine(day_, time(h, m), tzinfo=zone))
            for h in range(24)
            for m in (0, 30)
        ):
            raise DeadlineError(
                "deadline-skipped-day",
                text=text,
                zone=zone.key,
                before=(day_ - timedelta(days=1)).isoformat(),
                after=(day_ + timedelta(days=1)).isoformat(),
            )
        moved = deadline.astimezone(UTC).astimezone(zone)  # the same instant, after the change
        raise DeadlineError(
            "deadline-skipped-hour",
            text=text,
            zone=zone.key,
            instead=moved.strftime("%Y-%m-%d %H:%M"),
        )
    return deadline


def _exists(moment: datetime) -> bool:
    """False for a wall-clock time skipped when the clocks go forward (or a day is skipped)."""
    return moment.astimezone(UTC).astimezone(moment.tzinfo).replace(fold=0) == moment


def parse_today(text: str) -> date:
    """The `CAMPAIGN_TODAY=YYYY-MM-DD` override of the build date."""
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise DeadlineError("build-date-invalid", text=text) from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise DeadlineError("build-date-invalid", text=text)
    return day


def build_moment(zone: ZoneInfo, today: date | None, now: datetime | None = None) -> datetime:
    """The instant the page is built "as of".

    With a build date, that is the start of that day in the campaign's zone,
    so a campaign is still open on the day of its deadline."""
    if today is not None:
        return datetime.combine(today, time(0, 0), tzinfo=zone)
    return now or datetime.now(UTC)


@dataclass(frozen=True)
class Timing:
    """Everything about a campaign that depends on the moment it is built:
    two builds with the same Timing give the same page (the build cache relies on it)."""

    is_open: bool
    days_left: int  # calendar days from the build's day to the deadline's, there
    soon: bool  # under 24 hours left
    far: bool  # more than a year away


def timing(deadline: datetime, zone: ZoneInfo, today: date | None) -> Timing:
    moment = build_moment(zone, today)
    return Timing(
        is_open=is_open(deadline, moment),
        days_left=(deadline.date() - moment.astimezone(zone).date()).days,
        soon=deadline - moment < timedelta(hours=24),
        far=deadline - moment > timedelta(days=366),
    )


def zone_of(deadline: datetime) -> ZoneInfo:
    """The IANA zone of a deadline made by parse_deadline."""
    zone = deadline.tzinfo
    if not isinstance(zone, ZoneInfo):
        raise TypeError("a deadline carries its IANA time zone")
    return zone


def is_open(deadline: datetime, moment: datetime) -> bool:
    return moment <= deadline


def zone_city(zone: ZoneInfo, locale: str = "en") -> str:
    """'New York' for America/New_York, in the reader's language: 'Nueva York'.

    Etc/GMT-14 is fourteen hours *ahead* of UTC (POSIX signs are backwards):
    it is said the way people read offsets, 'UTC+14'."""
    if zone.key.startswith("Etc/GMT") and zone.key[7:] not in ("", "0", "+0", "-0"):
        offset = datetime(2000, 1, 1, tzinfo=zone).utcoffset() or timedelta(0)
        hours = int(offset.total_seconds() // 3600)
        return f"UTC{'+' if hours >= 0 else '−'}{abs(hours)}"
    return get_timezone_location(zone, locale=locale, return_city=True)


def cldr_in_words(deadline: datetime, locale: str) -> str:
    """The deadline in a language the theme has no words for, in CLDR's own: its full
    date and short time, joined as the language joins them, and its way of naming a
    zone by its city: 'मंगलवार, 15 दिसंबर 2026, 5:00 pm, पेरिस समय'."""
    return _cldr_in_words(deadline.isoformat(), zone_of(deadline).key, locale)


@lru_cache(maxsize=4096)
def _cldr_in_words(moment: str, zone_name: str, locale: str) -> str:
    deadline = datetime.fromisoformat(moment).astimezone(ZoneInfo(zone_name))
    language = Locale.parse(locale)
    glue = re.sub(r"'([^']*)'", r"\1", str(get_datetime_format("full", locale=language)))
    date_words = format_date(deadline, "full", locale=language)
    when = glue.replace("{1}", date_words).replace(
        "{0}", format_time(deadline, "short", locale=language)
    )
    region = language.zone_formats.get("region") or "%s"
    between = re.fullmatch(r"\{1\}(.*)\{0\}", glue)  # how the language joins the two
    joint = between.group(1) if between and between.group(1).strip() else ", "
    return f"{when}{joint}{region % zone_city(zone_of(deadline), locale)}"


ENGLISH_PATTERN = "EEEE d MMMM y 'at' h:mm a"
ENGLISH_SENTENCE = "{when}, {city} time"


def in_words(
    deadline: datetime,
    locale: str = "en_GB",
    pattern: str = ENGLISH_PATTERN,
    sentence: str = ENGLISH_SENTENCE,
) -> str:
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
