"""A calendar reminder of a campaign's deadline (RFC 5545, via icalendar).

Everything in it comes from the campaign, so two builds of the same content
give the same bytes. Its words come ready, in the page's own language."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta


def reminder_ics(
    *,
    uid: str,
    deadline: datetime,
    summary: str,
    description: str,
    alarm_text: str,
    url: str,
    stamp: datetime,
) -> bytes:
    # Imported here, not with the module: icalendar takes a tenth of a second to load,
    # and a build with no open campaign (or a `make check`) writes no calendar file.
    from icalendar import Alarm, Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//Megaphone//Campaign reminder//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")

    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp.astimezone(UTC))
    # The last hour before the deadline, in UTC so no time zone table is needed.
    event.add("dtstart", (deadline - timedelta(hours=1)).astimezone(UTC))
    event.add("dtend", deadline.astimezone(UTC))
    event.add("summary", summary)
    event.add("description", description)
    event.add("url", url)

    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", alarm_text)
    alarm.add("trigger", timedelta(days=-1), parameters={"RELATED": "END"})
    event.add_component(alarm)

    calendar.add_component(event)
    return calendar.to_ical()
