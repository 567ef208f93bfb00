"""Calls (model/calls.py): a number read as people write it, linked as tel: in E.164,
what to say in a ```call block, a call beside the email or instead of it, and each
representative's own office from a list's phone column.

Expected numbers are written out here by hand (E.164 is the country code, then the
digits), never taken from the code under test."""

from __future__ import annotations

import csv
import shutil

import pytest

from helpers import ROOT, both_commands, build, campaign_md, soup, write_site
from pelican.plugins.megaphone.model.calls import parse_call, parse_phone
from pelican.plugins.megaphone.model.messages import ContentError
from pelican.plugins.megaphone.model.targets import read_target_list

FIXTURES = ROOT / "tests" / "fixtures" / "targets"
TODAY = "2021-01-01"
SCRIPT = "Hello, my name is [Your name] and I live in [Your neighborhood].\nKeep the park open."
VOICEMAIL = "Hello, this is [Your name]. Please keep the park open."


def call_md(call="Office of the Mayor <212-639-9675>", script=SCRIPT, **changes) -> str:
    """A campaign with a call beside its letter (letter=None: the call alone)."""
    fields = {"Call": call} if call is not None else {}
    fields.update(changes.pop("fields", {}))
    text = campaign_md(slug="park", fields=fields, **changes)
    blocks = f"\n```call\n{script}\n```\n" if script is not None else ""
    return text + blocks


CALL_ONLY = dict(to=None, subject=None, letter=None)


# --- Reading a number --------------------------------------------------------------


@pytest.mark.parametrize(
    "written, e164, shown",
    [
        ("518-455-3121", "+15184553121", "(518) 455-3121"),
        ("(518) 455 3121", "+15184553121", "(518) 455-3121"),
        ("+1 518.455.3121", "+15184553121", "(518) 455-3121"),
        ("1-518-455-3121", "+15184553121", "(518) 455-3121"),
        ("+44 20 7946 0958", "+442079460958", "+44 20 7946 0958"),  # another country's
    ],
)
def test_a_number_in_any_format_people_write_it(written, e164, shown):
    phone = parse_phone(written, "US")
    assert (phone.e164, phone.shown, phone.tel) == (e164, shown, f"tel:{e164}")


def test_the_sites_region_reads_its_own_numbers():
    phone = parse_phone("020 7946 0958", "GB")
    assert (phone.e164, phone.shown) == ("+442079460958", "020 7946 0958")
    with pytest.raises(ContentError):
        parse_phone("020 7946 0958", "US")


@pytest.mark.parametrize(
    "written, code",
    [
        ("555-CALL-NOW", "call-number-letters"),
        ("1-800-FLOWERS", "call-number-letters"),
        ("518-455-3121 ext. 5", "call-number-letters"),
        ("555-0103", "call-number-invalid"),  # too short: no area code
        ("911", "call-number-invalid"),
        ("+1 999 455 3121", "call-number-invalid"),  # no such area code
        ("twelve", "call-number-letters"),
        ("518\u200b455-3121", "invisible-characters"),
        ("Office <>", "call-number-missing"),
        ("Office <518-455-3121", "call-number-invalid"),
        ("Office <212-639-9675#5>", "call-number-letters"),  # an extension the link drops
        ("212-639-9675,,5", "call-number-letters"),
        ("1-900-225-5288", "call-number-costly"),  # premium rate
        ("+44 909 879 0000", "call-number-costly"),
        ("+881 6 1234 5678", "call-number-costly"),  # satellite: no country
        ("518-\u09ea55-3121", "call-number-digits"),  # a Bengali four, read as an eight
        ("\uff15\uff11\uff18-455-3121", "call-number-digits"),
        ("Office of Mayor Rivera (212) 555-0142", "call-name-outside"),
        ("a" + " " * 200_000 + "b", "call-number-letters"),  # at once, not in minutes
        ("1" * 300_000, "call-too-long"),
    ],
)
def test_a_number_that_cannot_be_called_is_refused(written, code):
    with pytest.raises(ContentError) as refused:
        parse_call(written, "US")
    assert refused.value.code == code


def test_the_messages_say_what_to_write():
    with pytest.raises(ContentError) as refused:
        parse_call("1-800-FLOWERS", "US")
    assert "'1-800-3569377'" in str(refused.value)
    with pytest.raises(ContentError) as refused:
        parse_call("Office of Mayor Rivera (212) 555-0142", "US")
    assert "'Call: Office of Mayor Rivera <(212) 555-0142>'" in str(refused.value)


def test_who_answers_is_written_before_the_number():
    phone = parse_call('"Office of the Mayor" <212-639-9675>', "US")
    assert (phone.name, phone.e164) == ("Office of the Mayor", "+12126399675")
    assert parse_call("212-639-9675", "US").name == ""


# --- On the page -------------------------------------------------------------------


def page_of(tmp_path, text, **override):
    out = build(write_site(tmp_path, {"park.md": text}), tmp_path / "out", TODAY, **override)
    return soup(out / "park" / "index.html"), out


def sections(page) -> list[str]:
    """The campaign's parts in their order on the page."""
    root = page.find(attrs={"data-campaign": True})
    wanted = {"send", "letter", "call"}
    return [s["class"][0] for s in root.find_all("section") if s["class"][0] in wanted]


def test_a_call_beside_the_email_is_a_real_tel_link_after_it(tmp_path):
    page, out = page_of(tmp_path, call_md())
    call = page.find("section", class_="call")
    link = call.find("a", attrs={"data-call-link": True})
    assert link["href"] == "tel:+12126399675"
    assert link.get_text() == "Call (212) 639-9675"
    assert "Office of the Mayor" in call.find(class_="call-who").get_text()
    assert call.find(attrs={"data-call-script": True}).get_text() == SCRIPT
    assert call.find("button", attrs={"data-copy": "number"}) is not None
    assert sections(page) == ["send", "letter", "call"]
    root = page.find(attrs={"data-campaign": True})
    assert root["data-phone"] == "+12126399675"
    flyer = soup(out / "park" / "flyer" / "index.html")
    assert "(212) 639-9675" in flyer.find(class_="flyer-call").get_text()


def test_action_call_offers_the_call_first(tmp_path):
    page, _ = page_of(tmp_path, call_md(fields={"Action": "call"}))
    assert sections(page) == ["call", "send", "letter"]
    call, send = page.find("section", class_="call"), page.find("section", class_="send")
    assert call.find("h2").get_text() == "Make the call"
    assert send.find("h2").get_text() == "Or send the letter"
    assert call.find(attrs={"data-personalise": True}) is not None  # the fields come first
    assert send.find(attrs={"data-personalise": True}) is None
    page, _ = page_of(tmp_path / "email-first", call_md())
    assert page.find("section", class_="call").find("h2").get_text() == "Or call"
    assert page.find("section", class_="send").find(attrs={"data-personalise": True})


@pytest.mark.parametrize(
    "field, value",
    [
        ("Cc", "clerk@example.org"),
        ("Docket", "EXA-2026-0001"),
        ("Count", "tally@example.org"),
        ("Action", "email"),
    ],
)
def test_an_email_field_in_a_call_alone_is_refused_not_ignored(tmp_path, field, value):
    from pelican.plugins.megaphone.model.report import CampaignProblems

    text = call_md(**CALL_ONLY, fields={field: value})
    with pytest.raises(CampaignProblems) as stop:
        build(write_site(tmp_path, {"park.md": text}), tmp_path / "out", TODAY)
    assert [(p.field, p.code) for p in stop.value.problems] == [(field, "call-only-email-field")]


def test_a_call_blocks_problems_are_on_its_own_lines(tmp_path):
    text = call_md(**CALL_ONLY, fields={"Action": "call"}).replace(
        "```call\n", "```call\n\u200b", 1
    )
    text += "\n```call\nAgain.\n```\n"
    content = write_site(tmp_path, {"park.md": text})
    status, built, checked, printed = both_commands(content, tmp_path / "out")
    lines = text.splitlines()
    fence = lines.index("```call") + 1
    assert f"park.md:{fence}: [call-script-twice] call:" in built
    assert f"park.md:{fence + 1}: [invisible-characters] call:" in built


def test_a_call_alone_needs_no_address_subject_or_letter(tmp_path):
    text = call_md(**CALL_ONLY) + f"\n```voicemail\n{VOICEMAIL}\n```\n"
    page, _ = page_of(tmp_path, text)
    assert sections(page) == ["call"]
    call = page.find("section", class_="call")
    assert call.find("h2").get_text() == "Make the call"
    labels = [label.get_text() for label in call.find_all("label")]
    assert labels == ["Your name", "Your neighborhood"]  # the script's blanks, to fill
    assert call.find(attrs={"data-voicemail-script": True}).get_text() == VOICEMAIL
    assert page.find(attrs={"data-link": True}) is None  # no email link at all


def test_a_closed_campaign_offers_no_call(tmp_path):
    page, _ = page_of(tmp_path, call_md(deadline="2020-12-01"))
    assert page.find("section", class_="call") is None


@pytest.mark.parametrize(
    "text, found",
    [
        (call_md(call="555-CALL-NOW"), [("Call", "call-number-letters")]),
        (call_md(script=None), [("Call", "call-script-missing")]),
        (call_md(call=None), [("call", "call-number-none")]),
        (
            call_md(call=None, script=None, fields={"Action": "call"}),
            [("Action", "action-without-call")],
        ),
        (call_md(fields={"Action": "phone"}), [("Action", "action-unknown")]),
        (call_md() + "\n```call\nAgain.\n```\n", [("call", "call-script-twice")]),
        (
            campaign_md(slug="park") + f"\n```voicemail\n{VOICEMAIL}\n```\n",
            [("voicemail", "voicemail-without-call")],
        ),
        # A letter makes it an email too, which then needs its address and subject.
        (call_md(to=None, subject=None), [("Subject", "subject-missing"), ("To", "to-missing")]),
    ],
)
def test_each_call_mistake_is_named(tmp_path, text, found):
    from pelican.plugins.megaphone.model.report import CampaignProblems

    with pytest.raises(CampaignProblems) as stop:
        build(write_site(tmp_path, {"park.md": text}), tmp_path / "out", TODAY)
    assert [(p.field, p.code) for p in stop.value.problems] == found


def test_make_html_and_make_check_name_the_number_line(tmp_path):
    text = call_md(call="555-CALL-NOW")
    status, built, checked, printed = both_commands(
        write_site(tmp_path, {"park.md": text}), tmp_path / "out"
    )
    line = text.splitlines().index("Call: 555-CALL-NOW") + 1
    expected = f"content/campaigns/park.md:{line}: [call-number-letters] Call:"
    assert status != 0 and checked != 0
    assert expected in built and expected in printed and "Traceback" not in built + printed


def test_the_phone_region_setting_is_checked_and_used(tmp_path):
    text = call_md(call="020 7946 0958")
    page, _ = page_of(tmp_path, text, MEGAPHONE_PHONE_REGION="GB")
    assert page.find(attrs={"data-call-link": True})["href"] == "tel:+442079460958"
    from helpers import site_settings
    from pelican.plugins.megaphone.site.settings import fill_in

    problems = fill_in(site_settings(MEGAPHONE_PHONE_REGION="Britain"))
    assert [p.code for p in problems] == ["setting-phone-region"]


def test_a_translation_keeps_the_originals_number(tmp_path):
    spanish = call_md(title="Llama al Ayuntamiento", script="Hola, me llamo [Tu nombre].")
    spanish = spanish.replace("Slug: park", "Slug: park\nLang: es")
    content = write_site(tmp_path, {"park.md": call_md(), "park.es.md": spanish})
    out = build(content, tmp_path / "out", TODAY)
    es = soup(out / "es" / "park" / "index.html")
    assert es.find(attrs={"data-call-link": True})["href"] == "tel:+12126399675"
    assert es.find(attrs={"data-call-script": True}).get_text() == "Hola, me llamo [Tu nombre]."
    moved = spanish.replace("212-639-9675", "212-639-9676")
    from pelican.plugins.megaphone.model.report import CampaignProblems

    (content / "campaigns" / "park.es.md").write_text(moved, "utf-8")
    with pytest.raises(CampaignProblems) as stop:
        build(content, tmp_path / "out2", TODAY)
    assert any(p.field == "Call" for p in stop.value.problems)


# --- Each representative's own office ----------------------------------------------


def phone_rows(name: str) -> list[dict[str, str]]:
    with open(FIXTURES / f"{name}-phones.csv", encoding="utf-8", newline="") as source:
        return list(csv.DictReader(source))


@pytest.mark.parametrize("name, count", [("ny-senate", 63), ("ny-assembly", 150)])
def test_the_new_york_phone_lists_read_cleanly(name, count):
    text = (FIXTURES / f"{name}-phones.csv").read_text("utf-8")
    reading = read_target_list(name, f"{name}.csv", text)
    assert reading.problems == [] and reading.warnings == []
    targets = reading.targets.targets
    assert len(targets) == count
    for target, row in zip(targets, phone_rows(name), strict=True):
        digits = "".join(c for c in row["phone"] if c.isdigit())
        assert target.phone.e164 == "+1" + digits
        assert target.extra == ()  # the phone is read, not kept as a further column


def senate_call_site(tmp_path, rows_text: str):
    content = tmp_path / "content"
    (content / "targets").mkdir(parents=True)
    (content / "targets" / "ny-senate.csv").write_text(rows_text, "utf-8")
    letter = "Dear [Target title] [Target name],\n\nPlease support S79.\n\n[Your name]"
    text = campaign_md(slug="park", to=None, subject="Support S79", letter=letter)
    text = text.replace("Subject:", "Targets: ny-senate\nSubject:")
    script = "Hello, I am calling [Target title] [Target name] to ask for support of S79."
    (content / "campaigns").mkdir()
    (content / "campaigns" / "park.md").write_text(text + f"\n```call\n{script}\n```\n", "utf-8")
    return content


def test_each_representatives_page_calls_their_office(tmp_path):
    shutil.copy(FIXTURES / "ny-senate-phones.csv", tmp_path / "list.csv")
    content = senate_call_site(tmp_path, (tmp_path / "list.csv").read_text("utf-8"))
    out = build(content, tmp_path / "out", TODAY)
    for row in phone_rows("ny-senate")[:5]:
        page = soup(out / "park" / "to" / row["area"] / "index.html")
        link = page.find(attrs={"data-call-link": True})
        digits = "".join(c for c in row["phone"] if c.isdigit())
        assert link["href"] == f"tel:+1{digits}"
        script = page.find(attrs={"data-call-script": True}).get_text()
        assert f"{row['title']} {row['name']}" in script
    # The campaign's own page has no one number to call: the representatives' pages do.
    assert soup(out / "park" / "index.html").find("section", class_="call") is None


def test_a_list_with_some_phones_empty_warns_and_those_pages_offer_the_email(tmp_path):
    rows = (FIXTURES / "ny-senate-phones.csv").read_text("utf-8").splitlines()
    rows[2] = rows[2].rsplit(",", 1)[0] + ","  # area 2 with no phone
    rows[4] = rows[4].rsplit(",", 1)[0] + ","  # area 4
    text = "\n".join(rows) + "\n"
    reading = read_target_list("ny-senate", "ny-senate.csv", text)
    assert [(w.line, w.field) for w in reading.warnings] == [(3, "phone")]
    assert "lines 3, 5" in reading.warnings[0].message
    out = build(senate_call_site(tmp_path, text), tmp_path / "out", TODAY)
    two = soup(out / "park" / "to" / "2" / "index.html")
    assert two.find("section", class_="call") is None
    assert two.find(attrs={"data-link": "mailto"}) is not None
    assert soup(out / "park" / "to" / "3" / "index.html").find("section", class_="call")


def test_a_phone_cell_that_cannot_be_called_names_its_line_and_column():
    text = "area,name,title,email,phone\n1,Ana Ruiz,Senator,ana@example.org,555-CALL-NOW\n"
    reading = read_target_list("council", "council.csv", text)
    assert [(p.file, p.line, p.field, p.code) for p in reading.problems] == [
        ("council.csv", 2, "phone", "call-number-letters")
    ]


def test_a_phone_column_without_a_call_block_offers_no_call(tmp_path):
    content = senate_call_site(tmp_path, (FIXTURES / "ny-senate-phones.csv").read_text("utf-8"))
    campaign = content / "campaigns" / "park.md"
    campaign.write_text(campaign.read_text("utf-8").split("\n```call")[0] + "\n", "utf-8")
    out = build(content, tmp_path / "out", TODAY)
    page = soup(out / "park" / "to" / "1" / "index.html")
    assert page.find("section", class_="call") is None
    assert page.find(attrs={"data-link": "mailto"}) is not None


@pytest.mark.parametrize(
    "fence, code",
    [
        ("```Call", "block-fence-spelling"),
        ("```calls", "block-fence-spelling"),
        ("``` call", None),  # Markdown reads a space there: it is a call block
        ("```voicemal", "block-fence-spelling"),
    ],
)
def test_a_misspelt_call_block_is_named_at_its_line_not_lost(tmp_path, fence, code):
    text = call_md(**CALL_ONLY).replace("```call", fence, 1)
    content = write_site(tmp_path, {"park.md": text})
    status, built, checked, printed = both_commands(content, tmp_path / "out")
    line = text.splitlines().index(fence) + 1
    if code is None:
        assert status == 0 and checked == 0, built
        return
    assert status != 0 and checked != 0
    assert f"park.md:{line}: [{code}]" in built and f"park.md:{line}: [{code}]" in printed
    for wrong in ("to-missing", "subject-missing", "letter-missing", "call-script-missing"):
        assert wrong not in built  # a call alone: no email is missing; the block's own says it


def test_an_unclosed_call_block_is_named_not_shown_with_the_voicemail_inside(tmp_path):
    text = call_md(**CALL_ONLY).rstrip("`\n") + f"\n\n```voicemail\n{VOICEMAIL}\n```\n"
    content = write_site(tmp_path, {"park.md": text})
    status, built, checked, printed = both_commands(content, tmp_path / "out")
    line = text.splitlines().index("```call") + 1
    assert status != 0 and f"park.md:{line}: [block-unclosed] call:" in built


def test_an_unclosed_letter_before_the_call_is_named(tmp_path):
    text = call_md()
    text = text.replace("\n```\n\n```call", "\n\n```call", 1)  # the letter's closing line lost
    content = write_site(tmp_path, {"park.md": text})
    status, built, checked, printed = both_commands(content, tmp_path / "out")
    line = text.splitlines().index("```letter") + 1
    assert status != 0 and f"park.md:{line}: [letter-unclosed] letter:" in built
    assert "before the next call block" in built


def test_the_number_is_always_the_office_the_script_names(tmp_path):
    """Call and Targets together: a script naming the representative never dials the
    Call line's office, on the campaign's page or on a representative's without a phone."""
    rows = (FIXTURES / "ny-senate-phones.csv").read_text("utf-8").splitlines()
    rows[2] = rows[2].rsplit(",", 1)[0] + ","  # area 2 has no phone
    content = senate_call_site(tmp_path, "\n".join(rows) + "\n")
    campaign = content / "campaigns" / "park.md"
    leader = "Call: Office of the Majority Leader <518-455-2585>\n"
    campaign.write_text(leader + campaign.read_text("utf-8"), "utf-8")
    out = build(content, tmp_path / "out", TODAY)
    assert soup(out / "park" / "index.html").find("section", class_="call") is None
    assert soup(out / "park" / "to" / "2" / "index.html").find("section", class_="call") is None
    one = soup(out / "park" / "to" / "1" / "index.html").find(attrs={"data-call-link": True})
    assert one["href"] == "tel:+15184553121"  # Tony Palumbo's own office
    # A script that names no one may call the Call line's office from every page.
    text = campaign.read_text("utf-8").replace("[Target title] [Target name]", "the senator")
    campaign.write_text(text, "utf-8")
    out = build(content, tmp_path / "out2", TODAY)
    main = soup(out / "park" / "index.html").find(attrs={"data-call-link": True})
    assert main["href"] == "tel:+15184552585"
    two = soup(out / "park" / "to" / "2" / "index.html").find(attrs={"data-call-link": True})
    assert two["href"] == "tel:+15184552585"
