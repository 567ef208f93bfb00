"""Public comment mode (model/comment.py): Docket, Portal, Limit and Published, read,
refused with a plain message where wrong, and on the page where a visitor needs them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from decoders import form_decode, rfc_decode
from helpers import both_commands, build, campaign_md, render, soup, write_site
from pelican.plugins.megaphone.model.campaign import read_campaign
from pelican.plugins.megaphone.model.comment import (
    TYPICAL_BLANK_LENGTHS,
    comment_length,
    counted_length,
    parse_docket,
    parse_limit,
    parse_portal,
    with_docket,
)
from pelican.plugins.megaphone.model.messages import ContentError
from pelican.plugins.megaphone.model.targets import Target, TargetList

DOCKET = "EXA-2026-0001"
TODAY = "2021-01-01"


def read(text: str, lists: tuple[TargetList, ...] = ()):
    """A campaign file's header and letter, as the build reads them."""
    head, rest = text.split("\n\n", 1)
    metadata = {}
    for line in head.splitlines():
        key, value = line.split(":", 1)
        metadata[key.strip().lower()] = value.strip()
    return read_campaign(
        file="park.md",
        metadata=metadata,
        html=render(rest),
        default_timezone="America/New_York",
        today=None,
        target_lists={target_list.name: target_list for target_list in lists},
    )


def refused(parse, text: str) -> ContentError:
    """The plain-words refusal `parse` gives `text` (it must give one)."""
    with pytest.raises(ContentError) as error:
        parse(text)
    return error.value


def codes(reading) -> list[tuple[str, str]]:
    return [(p.field, p.code) for p in reading.problems]


def comment(**fields) -> str:
    subject = fields.pop("subject", "Keep the park open")
    letter = fields.pop("letter", "Dear Council,\n\nPlease keep the park open.\n\n[Your name]")
    extra = {"Docket": DOCKET, **{k.capitalize(): v for k, v in fields.items()}}
    return campaign_md(slug="park", subject=subject, letter=letter, fields=extra)


# --- The docket, in every subject ------------------------------------------------------


def test_a_subject_without_the_docket_gets_it_in_front_and_one_with_it_is_left_alone():
    reading = read(comment(subjects=f"Keep it open | {DOCKET} comment: no closure"))
    assert reading.campaign.subjects == (
        f"{DOCKET}: Keep the park open",
        f"{DOCKET}: Keep it open",
        f"{DOCKET} comment: no closure",
    )
    assert all(v.subject.count(DOCKET) == 1 for v in reading.campaign.variants)


@given(st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=80))
def test_every_subject_names_the_docket_exactly_once(subject):
    subject = subject.replace(DOCKET, "")
    assert with_docket(subject, DOCKET).count(DOCKET) == 1
    assert with_docket(subject, "") == subject


def test_every_link_of_every_version_carries_the_subject_with_the_docket(tmp_path):
    text = comment(subjects="Keep it open").replace(
        "```letter\n", "```letter\nDear Council, version two.\n```\n\n```letter\n", 1
    )
    out = build(write_site(tmp_path, {"park.md": text}), tmp_path / "out", TODAY)
    page = soup(out / "park" / "index.html")
    root = page.find(attrs={"data-campaign": True})
    assert root["data-subjects"].split("\n") == [
        f"{DOCKET}: Keep the park open",
        f"{DOCKET}: Keep it open",
    ]
    for a in page.find_all("a", attrs={"data-link": True}):
        href = a["href"]
        decoded = rfc_decode(href) if href.startswith("mailto:") else form_decode(href)
        assert decoded["subject"].count(DOCKET) == 1, href
    assert page.find(class_="docket").get_text() == f"A public comment on: {DOCKET}"


def test_a_subject_that_names_the_docket_twice_is_refused():
    reading = read(comment(subject=f"{DOCKET}: comment on {DOCKET}"))
    assert codes(reading) == [("Subject", "docket-twice")]


@pytest.mark.parametrize(
    "docket, code",
    [
        ("x" * 121, "docket-too-long"),
        ("EXA [2026]", "docket-character"),
        ("EXA | 2026", "docket-character"),
        ("EXA\u200b2026", "invisible-characters"),
    ],
)
def test_a_docket_that_cannot_go_in_a_subject_is_refused(docket, code):
    assert refused(parse_docket, docket).code == code


def test_an_empty_docket_line_is_one_problem_not_a_docket(tmp_path):
    text = comment().replace(f"Docket: {DOCKET}", "Docket:")
    status, built, checked, printed = both_commands(
        write_site(tmp_path, {"park.md": text}), tmp_path / "out"
    )
    line = text.splitlines().index("Docket:") + 1
    assert status != 0 and checked != 0
    assert built.count(f"park.md:{line}:") == 1 and "[field-empty] Docket:" in built


@pytest.mark.parametrize(
    "docket, subject",
    [
        ("Your name", "A comment from [Your name]"),  # a blank the visitor fills is not it
        ("EXA-2026-0001", "Comment on exa-2026-0001"),  # any case: it is there
        ("EXA 2026 0001", "Comment on EXA  2026\t0001"),  # any spacing
    ],
)
def test_the_docket_is_found_as_a_reader_would_find_it(docket, subject):
    sent = with_docket(subject, docket)
    named = "exa-2026-0001" in subject.lower() or "  2026" in subject
    assert sent == (subject if named else f"{docket}: {subject}")


def test_a_representative_whose_name_holds_the_docket_would_get_it_twice():
    lists = (
        TargetList("council", (Target("1", "Ann EXA-2026-0001", "Member", ("a@example.org",)),)),
    )
    text = comment(
        subject="To [Target name]: keep the park", letter="Dear [Target name],\n\nKeep it."
    )
    text = text.replace("To: council@example.org", "Targets: council")
    assert codes(read(text, lists)) == [("Subject", "docket-twice")]


# --- The agency's own form -------------------------------------------------------------


@pytest.mark.parametrize(
    "portal",
    [
        "http://comments.example.org/EXA",
        "javascript:alert(1)",
        "https://",
        "https://localhost/form",
        "https://user:secret@comments.example.org/",
        "https://comments.example.org/a b",
        "//comments.example.org/",
        "data:text/html,hi",
        "https://comments.example.org:0/",
        "https://comments.example.org:x/",
        "https://evil.example\\.regulations.gov/x",  # a browser goes to evil.example
        "https://www.regul\u0430tions.gov/x",  # a Cyrillic a: another site that looks alike
        "https://10.0.0.1/admin",
        "https://0x7f.1/",
        "https://[::1]/",
        "https://comments.example.org/" + "x" * 2000,
    ],
)
def test_a_portal_that_is_not_an_https_page_is_refused(portal):
    assert refused(parse_portal, portal).code == "portal-not-https"


@pytest.mark.parametrize(
    "portal, says",
    [
        ("www.example.org/form", "add https:// in front: 'Portal: https://www.example.org/form'"),
        ("http://www.example.org/form", "write https://, not http://"),
        ("<https://www.example.org/form>", "without the < >"),
        ("[form](https://www.example.org/form)", "not as a Markdown link"),
    ],
)
def test_a_portal_slip_is_told_what_to_write(portal, says):
    assert says in str(refused(parse_portal, portal))


def test_the_portal_is_a_plain_link_beside_the_letter_to_copy(tmp_path):
    portal = "https://www.regulations.gov/commenton/EXA-2026-0001-0001"
    out = build(write_site(tmp_path, {"park.md": comment(portal=portal)}), tmp_path / "out", TODAY)
    page = soup(out / "park" / "index.html")
    box = page.find(class_="portal")
    link = box.find("a")
    assert link["href"] == portal and link.get_text() == "regulations.gov"
    assert link["rel"] == ["noreferrer"]
    assert box.find("button", attrs={"data-copy": "letter"}) is not None
    # Nothing is loaded from the agency's host: it is named in no src, no link, no CSS.
    html = (out / "park" / "index.html").read_text("utf-8")
    assert html.count("www.regulations.gov") == 1


# --- The length limit ------------------------------------------------------------------


@pytest.mark.parametrize("written, limit", [("5000", 5000), ("5,000", 5000), ("5 000", 5000)])
def test_a_limit_is_read_as_people_write_numbers(written, limit):
    assert parse_limit(written) == limit


@pytest.mark.parametrize(
    "written, code",
    [
        ("5" * 5000, "limit-not-a-number"),  # not a ValueError from int()
        ("\uff15\uff10\uff10\uff10", "limit-not-a-number"),  # full-width digits
        ("\u0665\u0660\u0660\u0660", "limit-not-a-number"),
        ("12345678", "limit-out-of-range"),
        ("five thousand", "limit-not-a-number"),
        ("5000 characters", "limit-not-a-number"),
        ("-5", "limit-not-a-number"),
        ("50", "limit-out-of-range"),
        ("5,00", "limit-not-a-number"),
    ],
)
def test_a_limit_that_is_no_count_of_characters_is_refused(written, code):
    assert refused(parse_limit, written).code == code


def test_the_count_fills_each_blank_as_a_sender_would():
    letter = "Dear Council,\n[Your name]\n[Your street address]\n[Zip]\n[Why you care]"
    by_name = dict((names[0], length) for names, length in TYPICAL_BLANK_LENGTHS)
    filled = len("Dear Council,\n") + by_name["name"] + 1 + by_name["address"] + 1
    filled += by_name["zip"] + 1 + 60
    assert counted_length(letter) == filled + 4  # each of the 4 line breaks counts twice
    assert comment_length("a\r\nb") == 4 and comment_length("é\u0301") == 2
    assert comment_length("\U0001f600") == 2  # as a browser's maxlength counts it


def test_a_letter_over_the_limit_once_filled_in_is_refused_and_one_under_builds():
    words = "Please keep the park open. " * 7  # 189 characters
    letter = f"Dear Council,\n\n{words}\n\n[Your name]"  # 13 + 189 + 30, 4 breaks: 240
    assert codes(read(comment(letter=letter, limit="240"))) == []
    refused = read(comment(letter=letter, limit="230"))
    assert codes(refused) == [("letter", "limit-letter-too-long")]
    assert "about 240 characters" in refused.problems[0].message
    assert "at most 230" in refused.problems[0].message


def test_a_representatives_name_counts_at_its_longest_length_in_the_lists():
    long_name = "Alexandria " + "Q" * 150
    lists = (
        TargetList(
            "council",
            (
                Target("1", "Ann Lee", "Member", ("ann@example.org",)),
                Target("2", long_name, "Member", ("alex@example.org",)),
            ),
        ),
    )
    letter = "Dear [Target name],\n\nPlease keep the park open.\n\n[Your name]"
    text = comment(letter=letter, limit="200").replace(
        "To: council@example.org", "Targets: council"
    )
    assert codes(read(text, lists)) == [("letter", "limit-letter-too-long")]
    short = text.replace("Limit: 200", "Limit: 300")
    assert codes(read(short, lists)) == []


def test_the_limit_counter_is_on_the_page_only_with_a_limit(tmp_path):
    site = {"park.md": comment(limit="5,000"), "pool.md": comment().replace("park", "pool")}
    out = build(write_site(tmp_path, site), tmp_path / "out", TODAY)
    limit = soup(out / "park" / "index.html").find(attrs={"data-module": "megaphone-limit"})
    assert limit["data-limit"] == "5000"
    assert limit.find(attrs={"data-limit-count": True}).get_text() == (
        "The agency takes at most 5,000 characters."
    )
    assert soup(out / "pool" / "index.html").find(attrs={"data-module": "megaphone-limit"}) is None


# --- Telling the visitor the comment is public ----------------------------------------


def test_a_docket_says_comments_are_published_unless_the_campaign_says_not(tmp_path):
    site = {
        "park.md": comment(),
        "pool.md": comment(published="no").replace("park", "pool"),
        "zoo.md": campaign_md(slug="zoo"),
    }
    out = build(write_site(tmp_path, site), tmp_path / "out", TODAY)
    park = soup(out / "park" / "index.html")
    notice = park.find(attrs={"data-published": True})
    assert "publish the comments" in notice.get_text()
    assert notice.find_parent(class_="send") is not None  # beside the buttons
    assert "count them as one" in park.find(class_="edit").get_text()
    for other in ("pool", "zoo"):
        assert soup(out / other / "index.html").find(attrs={"data-published": True}) is None
    assert "count them as one" not in soup(out / "zoo" / "index.html").get_text()


@pytest.mark.parametrize(
    "fields, found",
    [
        ({"published": "maybe"}, [("Published", "published-yes-or-no")]),
        ({"published": "2021-01-01"}, [("Published", "published-yes-or-no")]),
    ],
)
def test_a_published_or_limit_line_that_says_nothing_useful_is_refused(fields, found):
    assert codes(read(comment(**fields))) == found


@pytest.mark.parametrize(
    "field, value",
    [("Published", "no"), ("Portal", "https://comments.example.org/x"), ("Limit", "5000")],
)
def test_a_comments_field_without_a_docket_is_refused_not_ignored(field, value):
    text = campaign_md(slug="park", fields={field: value})
    assert codes(read(text)) == [(field, "docket-missing")]


def test_make_html_and_make_check_name_the_file_line_and_field(tmp_path):
    text = comment(portal="http://comments.example.org/form")
    content = write_site(tmp_path, {"park.md": text})
    status, built, checked, printed = both_commands(content, tmp_path / "out")
    line = text.splitlines().index("Portal: http://comments.example.org/form") + 1
    expected = f"content/campaigns/park.md:{line}: [portal-not-https] Portal:"
    assert status != 0 and checked != 0
    assert expected in built and expected in printed
    assert "Traceback" not in built + printed
