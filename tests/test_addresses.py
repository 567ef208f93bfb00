import pytest

from pelican.plugins.megaphone.model.addresses import (
    AddressError,
    parse_address,
    parse_address_list,
)


def test_commas_semicolons_and_stray_spaces():
    good, bad = parse_address_list(" a@example.org ;b@example.org,  c@example.org ; ")
    assert good == ("a@example.org", "b@example.org", "c@example.org") and bad == []


def test_outlook_paste_with_display_names():
    good, bad = parse_address_list("Police Commissioner <postact@nypd.org>; Jo <jo@example.org>")
    assert good == ("postact@nypd.org", "jo@example.org") and bad == []


def test_several_metadata_lines_arrive_as_a_list():
    good, bad = parse_address_list(["a@example.org,", "b@example.org"])
    assert good == ("a@example.org", "b@example.org") and bad == []


def test_repeats_are_dropped_case_insensitively():
    good, _ = parse_address_list("a@example.org, A@example.org")
    assert good == ("a@example.org",)


def test_internationalised_domain_becomes_idna_for_links():
    assert parse_address("josé@exämple.org") == "josé@xn--exmple-cua.org"


@pytest.mark.parametrize("invisible", ["\u200b", "\u00a0", "\ufeff", "\u2060"])
def test_invisible_characters_are_named(invisible):
    with pytest.raises(AddressError, match="invisible character.*type it again"):
        parse_address(f"post{invisible}act@nypd.org")


@pytest.mark.parametrize(
    "text", ["postact", "postact@", "@nypd.org", "post act@nypd.org", "a@@b.org"]
)
def test_not_an_address(text):
    with pytest.raises(AddressError, match="not an email address.*name@example.org"):
        parse_address(text)


def test_every_bad_address_is_reported_not_just_the_first():
    good, bad = parse_address_list("ok@example.org, nope, also-nope@")
    assert good == ("ok@example.org",)
    assert [e.code for e in bad] == ["address-invalid"] * 2
    assert "'nope'" in str(bad[0]) and "'also-nope@'" in str(bad[1])
