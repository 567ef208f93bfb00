"""Property tests for what reads volunteers' input: addresses, deadlines, letters."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from helpers import render
from pelican.plugins.megaphone.model.addresses import parse_address_list
from pelican.plugins.megaphone.model.deadline import DeadlineError, parse_deadline
from pelican.plugins.megaphone.model.letter import split_letters

local = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyz0123456789.+-_", min_size=1, max_size=16
).filter(lambda s: s[0] != "." and s[-1] != "." and ".." not in s)
domain = st.sampled_from(["example.org", "nypd.org", "council.nyc.gov", "example.co.uk"])
address = st.builds("{}@{}".format, local, domain)
separator = st.builds(
    "{}{}{}".format,
    st.sampled_from(["", " ", "  ", "\t"]),
    st.sampled_from([",", ";"]),
    st.sampled_from(["", " ", "   "]),
)


@given(st.lists(address, min_size=1, max_size=6, unique_by=str.lower), st.data())
def test_any_pasted_list_gives_back_its_addresses(addresses, data):
    text = addresses[0]
    for item in addresses[1:]:
        text += data.draw(separator) + item
    before = data.draw(st.sampled_from(["", " ", ";"]))
    after = data.draw(st.sampled_from(["", " ", ";", ", "]))
    text = before + text + after
    assert parse_address_list(text) == (tuple(addresses), [])


INVISIBLE = ["\u200b", "\u00ad", "\u202e", "\u00a0", "\u2060", "\ufeff"]


@given(st.lists(address, min_size=1, max_size=4), st.integers(0, 3), st.sampled_from(INVISIBLE))
def test_an_invisible_character_anywhere_is_caught(addresses, index, invisible):
    target = addresses[index % len(addresses)]
    position = len(target) // 2
    addresses[index % len(addresses)] = target[:position] + invisible + target[position:]
    good, bad = parse_address_list(", ".join(addresses))
    assert any(error.code == "address-invisible" for error in bad)


zones = st.sampled_from(
    ["America/New_York", "Europe/Madrid", "Asia/Shanghai", "Australia/Lord_Howe", "UTC"]
)


@given(st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2090, 12, 31)), zones)
def test_any_written_deadline_reads_back_as_that_wall_time(moment, zone_name):
    zone = ZoneInfo(zone_name)
    wall = moment.replace(second=0, microsecond=0)
    text = wall.strftime("%Y-%m-%d %H:%M")
    try:
        deadline = parse_deadline(text, zone)
    except DeadlineError:
        # Only a time skipped by a clock change may be refused.
        round_trip = wall.replace(tzinfo=zone).astimezone(UTC).astimezone(zone)
        assert round_trip.replace(tzinfo=None) != wall
        return
    assert deadline.replace(tzinfo=None) == wall and deadline.tzinfo == zone
    assert deadline.utcoffset() == zone.utcoffset(wall)


@given(
    st.dates(min_value=datetime(1990, 1, 1).date(), max_value=datetime(2090, 12, 31).date()), zones
)
def test_a_bare_date_closes_at_the_last_minute_of_that_day(day, zone_name):
    deadline = parse_deadline(day.isoformat(), ZoneInfo(zone_name))
    assert deadline.date() == day and (deadline + timedelta(minutes=1)).date() == day + timedelta(
        days=1
    )


# Letters: any text a volunteer can type survives Markdown and extraction.
# Markdown itself turns tabs into spaces and blanks lines of only spaces; a
# line that starts with ``` would end the block. Those are left out here and
# documented in the README.
letter_line = st.text(
    st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters="\u0085"),
    max_size=30,
).filter(lambda line: not line.lstrip().startswith("```") and (line.strip() or not line))
letter = (
    st.lists(letter_line, min_size=1, max_size=8).map("\n".join).filter(lambda t: t.strip("\n"))
)


@settings(max_examples=200, deadline=None)
@given(letter)
def test_any_letter_comes_out_exactly(text):
    assume(text == text.strip("\n"))
    split = split_letters(render(f"Intro.\n\n```letter\n{text}\n```\n"))
    assert split.letters == (text,)
