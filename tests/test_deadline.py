from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from pelican.plugins.megaphone.model.deadline import (
    DeadlineError,
    build_moment,
    in_words,
    is_open,
    parse_deadline,
    parse_timezone,
    parse_today,
)

NY = ZoneInfo("America/New_York")


def test_a_bare_date_means_the_end_of_that_day_there():
    deadline = parse_deadline("2021-02-25", NY)
    assert deadline == datetime(2021, 2, 26, 4, 59, tzinfo=UTC)


def test_a_date_and_time():
    assert parse_deadline("2021-02-25 17:00", NY) == datetime(2021, 2, 25, 22, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    "text,reason",
    [
        ("25/02/2021", "not a date we can read"),
        ("next Thursday", "not a date we can read"),
        ("2021-02-30", "not a real date"),
        ("2021-13-01", "not a real date"),
        ("2021-02-25 24:30", "time that does not exist"),
        ("2021-03-14 02:30", "clocks go forward"),
    ],
)
def test_unreadable_or_impossible_deadlines(text, reason):
    with pytest.raises(DeadlineError, match=reason):
        parse_deadline(text, NY)


@pytest.mark.parametrize("name", ["New York", "America/Gotham", "", "../etc/passwd"])
def test_unknown_timezone(name):
    with pytest.raises(DeadlineError, match="IANA"):
        parse_timezone(name)


def test_open_through_the_deadline_day_as_of_a_build_date():
    deadline = parse_deadline("2021-02-25", NY)
    assert is_open(deadline, build_moment(NY, date(2021, 2, 22)))
    assert is_open(deadline, build_moment(NY, date(2021, 2, 25)))
    assert not is_open(deadline, build_moment(NY, date(2021, 2, 26)))


def test_open_is_judged_in_the_campaigns_zone():
    # 04:00 UTC on 26 Feb is still 25 Feb, 23:00 in New York.
    deadline = parse_deadline("2021-02-25", NY)
    assert is_open(deadline, datetime(2021, 2, 26, 4, 0, tzinfo=UTC))
    assert not is_open(deadline, datetime(2021, 2, 26, 5, 0, tzinfo=UTC))


def test_build_date_override_must_be_a_date():
    assert parse_today("2021-02-22") == date(2021, 2, 22)
    with pytest.raises(DeadlineError, match="CAMPAIGN_TODAY"):
        parse_today("22 Feb")


def test_deadline_in_words():
    words = in_words(parse_deadline("2021-02-25", NY))
    assert words == "Thursday 25 February 2021 at 11:59 pm, New York time"


def test_the_same_instant_in_two_zones_names_each_zone():
    """Deadlines are cached by wall time and zone, not by the instant alone."""
    new_york = datetime(2030, 1, 31, 17, 0, tzinfo=ZoneInfo("America/New_York"))
    detroit = new_york.astimezone(ZoneInfo("America/Detroit"))
    assert new_york == detroit and hash(new_york) == hash(detroit)
    assert in_words(new_york).endswith("New York time")
    assert in_words(detroit).endswith("Detroit time")
