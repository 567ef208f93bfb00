"""A calendar reminder of a campaign's deadline (RFC 5545, via icalendar).

Everything in it comes from the campaign, so two builds of the same content
give the same bytes."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from icalendar import Alarm, Calendar, Event


def reminder_ics(*, uid: str, title: str, deadline: datetime, deadline_words: str,
                 url: str, stamp: datetime) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Megaphone//Campaign reminder//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")

    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp.astimezone(timezone.utc))
    # The last hour before the deadline, in UTC so no time zone table is needed.
    event.add("dtstart", (deadline - timedelta(hours=1)).astimezone(timezone.utc))
    event.add("dtend", deadline.astimezone(timezone.utc))
    event.add("summary", f"Last chance: {title}")
    event.add("description", f"Closes {deadline_words}. Send the letter: {url}")
    event.add("url", url)

    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", f"One day left: {title}")
    alarm.add("trigger", timedelta(days=-1), parameters={"RELATED": "END"})
    event.add_component(alarm)

    calendar.add_component(event)
    return calendar.to_ical()
