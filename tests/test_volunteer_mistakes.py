"""A volunteer's mistake is never silent: each one stops the build with the
file, the line and what to write instead (issue: the page says what the file means)."""

import pytest

from decoders import rfc_decode
from helpers import build, build_as_make_does, campaign_md, soup, write_site


def with_lines(*lines, **fields):
    """A campaign with more header lines, before Date."""
    return campaign_md(slug="a", **fields).replace("Date:", "\n".join(lines) + "\nDate:")


HEADER_CASES = {
    "misspelt key": (with_lines("Timezon: Europe/Madrid"), 3, "field-unknown", "'Timezone'?"),
    "misspelt Deadline": (
        with_lines("Deadlne: 2030-01-01", deadline=None),
        3,
        "field-unknown",
        "'Deadline'?",
    ),
    "Ccc": (with_lines("Ccc: x@example.org"), 3, "field-unknown", "'Cc'?"),
    "a key with a space": (
        with_lines("Time zone: Europe/Madrid"),
        3,
        "field-unknown",
        "'Timezone'?",
    ),
    "a space before Cc": (
        with_lines("  Cc: x@example.org"),
        3,
        "field-indented",
        "start of line 3",
    ),
    "a tab before Cc": (with_lines("\tCc: x@example.org"), 3, "field-indented", "start of line 3"),
}


@pytest.mark.parametrize("name", HEADER_CASES)
def test_header_mistakes_name_their_line(tmp_path, name):
    text, line, code, words = HEADER_CASES[name]
    content = write_site(tmp_path, {"a.md": text})
    status, printed = build_as_make_does(content, tmp_path / "out", "2021-01-01")
    assert status == 1
    assert f"a.md:{line}: " in printed and f"[{code}]" in printed and words in printed, printed


def test_indented_cc_never_joins_to(tmp_path):
    content = write_site(tmp_path, {"a.md": with_lines("\tCc: x@example.org")})
    status, printed = build_as_make_does(content, tmp_path / "out", "2021-01-01")
    assert status == 1 and not (tmp_path / "out").exists()


def test_a_tab_before_every_field_names_each_line_and_no_raw_pelican_line(tmp_path):
    lines = campaign_md(slug="a").split("\n")
    text = "\n".join("\t" + line if ":" in line and i < 8 else line for i, line in enumerate(lines))
    content = write_site(tmp_path, {"a.md": text})
    status, printed = build_as_make_does(content, tmp_path / "out", "2021-01-01")
    assert status == 1
    for number in range(1, 7):
        assert f"a.md:{number}: " in printed, printed
    assert "Skipping" not in printed and "output path" not in printed


def test_a_site_can_declare_its_own_fields(tmp_path):
    content = write_site(tmp_path, {"a.md": with_lines("Region: North")})
    out = build(content, tmp_path / "out", "2021-01-01", MEGAPHONE_EXTRA_FIELDS=["Region"])
    assert (out / "a" / "index.html").exists()


def test_keys_stay_case_insensitive(tmp_path):
    text = campaign_md(slug="a").replace("Deadline:", "DEADLINE:").replace("To:", "to:")
    content = write_site(tmp_path, {"a.md": text})
    assert build_as_make_does(content, tmp_path / "out", "2021-01-01")[0] == 0


@pytest.mark.parametrize("kind", ["letter", "comment", "call"])
def test_what_make_campaign_wrote_is_not_published(tmp_path, kind):
    from pelican.plugins.megaphone.model.template import template, template_examples

    text = template(kind).format(
        title="Park",
        slug="park",
        today="2021-01-01",
        deadline="2030-01-01",
        timezone="America/New_York",
    )
    published = text.replace("Status: draft\n", "")
    content = write_site(tmp_path, {"park.md": published})
    status, printed = build_as_make_does(content, tmp_path / "out", "2021-01-01")
    assert status == 1
    examples = template_examples(kind)
    # One problem per example on each line that keeps it (the Portal's holds the Docket's).
    kept = sum(example in line for line in published.splitlines() for example in examples)
    assert printed.count("[template-example]") == kept >= len(examples) >= 6
    if kind == "comment":
        assert len(examples) == len(template_examples("letter")) + 2  # Docket, Portal
    needles = {
        "call": ("Office of the person who decides <212-555-0100>", "Say in one sentence"),
    }.get(
        kind,
        (
            "someone@example.org",
            "The subject line of the email",
            "Say in one sentence",
            "[Title and name of the person who decides]",
        ),
    )
    for needle in needles:
        assert needle in printed, printed


def test_in_a_draft_the_examples_are_warnings(tmp_path, caplog):
    from pelican.plugins.megaphone.model.template import TEMPLATE

    text = TEMPLATE.format(
        title="Park",
        slug="park",
        today="2021-01-01",
        deadline="2030-01-01",
        timezone="America/New_York",
    )
    content = write_site(tmp_path, {"park.md": text})
    status, printed = build_as_make_does(content, tmp_path / "out", "2021-01-01")
    assert status == 0, printed
    assert "[template-example-draft]" in printed and "[template-example]" not in printed


def test_two_campaigns_closing_at_one_instant_each_name_their_own_city(site):
    out = site(
        {
            "ny.md": campaign_md(
                slug="ny", deadline="2030-01-31 17:00", timezone="America/New_York"
            ),
            "detroit.md": campaign_md(
                slug="detroit", deadline="2030-01-31 17:00", timezone="America/Detroit"
            ),
        },
        today="2021-01-01",
    )
    for slug, city in (("ny", "New York time"), ("detroit", "Detroit time")):
        when = soup(out / slug / "index.html").find(class_="deadline").get_text(" ", strip=True)
        assert city in when, when


def test_recipients_are_shown_with_their_names_and_sent_to_their_addresses(site):
    out = site(
        {
            "a.md": campaign_md(
                slug="a",
                to='Jane Doe <jane@city.gov>, "Doe, John" <j@city.gov>',
                cc="Clerk <clerk@city.gov>",
                bcc="b@city.gov",
            )
        },
        today="2021-01-01",
    )
    page = soup(out / "a" / "index.html")
    shown = page.find(class_="envelope").get_text(" ", strip=True)
    assert "Jane Doe <jane@city.gov>, Doe, John <j@city.gov>" in shown
    assert "Clerk <clerk@city.gov>" in shown
    decoded = rfc_decode(page.find("a", attrs={"data-link": "mailto"})["href"])
    assert decoded["to"] == ["jane@city.gov", "j@city.gov"] and decoded["cc"] == ["clerk@city.gov"]
    assert {b["data-copy"] for b in page.select(".envelope [data-copy]")} == {
        "to",
        "cc",
        "bcc",
        "subject",
    }


ADDRESS_SLIPS = {
    "curly quotes": ("\u201cjane@city.gov\u201d", "address-curly-quotes"),
    "and between": ("a@city.gov and b@city.gov", "address-and"),
    "comma in the domain": ("j@city,gov", "address-comma-in-domain"),
}


@pytest.mark.parametrize("name", ADDRESS_SLIPS)
def test_common_address_slips_are_said_plainly(tmp_path, name):
    value, code = ADDRESS_SLIPS[name]
    content = write_site(tmp_path, {"a.md": campaign_md(slug="a", to=value)})
    status, printed = build_as_make_does(content, tmp_path / "out", "2021-01-01")
    assert status == 1 and f"[{code}]" in printed and "a.md:" in printed, printed


@pytest.mark.parametrize(
    "fields,code",
    [
        (dict(to="bwong@smcgov.o"), "address-short-domain"),
        (dict(deadline="2020-06-01"), "deadline-passed"),
        (dict(deadline="2023-06-01"), "deadline-far"),
        (dict(subject="Please " * 30 + "[Your name]"), "subject-long"),
    ],
)
def test_facts_that_look_wrong_get_a_warning(site, caplog, fields, code):
    site({"a.md": campaign_md(slug="a", **fields)}, today="2021-01-01")
    assert f"[{code}]" in caplog.text


def test_a_closed_draft_gets_no_closed_warning(site, caplog):
    text = campaign_md(slug="a", deadline="2020-06-01").replace("Date:", "Status: draft\nDate:")
    site({"a.md": text}, today="2021-01-01")
    assert "[deadline-passed]" not in caplog.text
