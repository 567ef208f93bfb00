"""Translations: pairing, hreflang, <html lang>, Spanish strings and dates,
and catalogues that cover every theme string."""

import subprocess
import sys

import pytest
from babel.messages.pofile import read_po

from decoders import rfc_decode
from helpers import EXAMPLE_CONTENT, soup
from settings_under_test import ROOT

TRANSLATIONS = ROOT / "theme" / "translations"


@pytest.fixture(scope="module")
def example(example_site):
    return example_site("2021-02-22")


def test_each_language_links_to_the_other(example):
    english = soup(example / "ban-the-scan-nypd" / "index.html")
    spanish = soup(example / "es" / "ban-the-scan-nypd" / "index.html")
    assert english.html["lang"] == "en" and spanish.html["lang"] == "es"
    for page in (english, spanish):
        alternates = {
            link["hreflang"]: link["href"] for link in page.find_all("link", hreflang=True)
        }
        assert alternates == {
            "en": "http://localhost:8000/ban-the-scan-nypd/",
            "es": "http://localhost:8000/es/ban-the-scan-nypd/",
        }
    switch = english.find("nav", class_="languages").find("a")
    assert (switch["href"], switch["hreflang"], switch["lang"], switch.get_text()) == (
        "/es/ban-the-scan-nypd/",
        "es",
        "es",
        "Español",
    )
    assert spanish.find("nav", class_="languages").find("a")["href"] == "/ban-the-scan-nypd/"


def test_spanish_page_speaks_spanish(example):
    page = soup(example / "es" / "ban-the-scan-nypd" / "index.html")
    text = page.get_text(" ", strip=True)
    assert "Se cierra el jueves, 25 de febrero de 2021, 23:59 (hora de Nueva York)" in text
    assert page.find("a", class_="button").get_text() == "Enviar este correo"
    assert page.find(id="send-heading").get_text() == "Envía la carta"
    countdown = page.find(attrs={"data-countdown": True})
    assert (
        countdown.get_text() == "Quedan 3 días" and countdown["data-days"] == "Quedan {days} días"
    )
    assert countdown["data-city"] == "Nueva York"
    for english in (
        "Send this email",
        "Copy the letter",
        "Your privacy",
        "Skip to the main content",
    ):
        assert english not in text


def test_spanish_links_carry_the_spanish_letter(example):
    page = soup(example / "es" / "ban-the-scan-nypd" / "index.html")
    source = (EXAMPLE_CONTENT / "campaigns" / "ban-the-scan-nypd.es.md").read_text("utf-8")
    letter = source.split("```letter\n", 1)[1].split("\n```", 1)[0]
    for a in page.select("a[data-link]"):
        decoded = rfc_decode(a["href"])
        assert decoded["subject"].startswith("Comentario público")
        assert decoded["body"] == letter.replace("\n", "\r\n")


def test_the_home_page_lists_the_original_and_offers_the_translation(example):
    home = soup(example / "index.html")
    items = [
        li
        for li in home.select("section[aria-labelledby=open-heading] li")
        if "ban-the-scan-nypd" in li.find("a")["href"]
    ]
    assert len(items) == 1  # a translation is not a second campaign
    assert items[0].find("a")["href"] == "/ban-the-scan-nypd/"
    also = items[0].find(class_="also").find("a")
    assert also["href"] == "/es/ban-the-scan-nypd/" and also.get_text() == "Español"


def catalogue(path):
    with open(path, "rb") as source:
        return read_po(source)


def test_the_spanish_catalogue_translates_every_theme_string():
    template = {m.id for m in catalogue(TRANSLATIONS / "messages.pot") if m.id}
    spanish = catalogue(TRANSLATIONS / "es" / "LC_MESSAGES" / "messages.po")
    done = {m.id for m in spanish if m.id and m.string and "fuzzy" not in m.flags}
    assert template - done == set()


def test_the_template_catalogue_is_up_to_date_with_the_templates(tmp_path):
    fresh = tmp_path / "messages.pot"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "extract",
            "-F",
            "babel.cfg",
            "-k",  # `_n()`, as the Makefile's `make translations` says
            "_n:1,2",
            "-o",
            str(fresh),
            "--no-location",
            "--omit-header",
            ".",
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    extracted = {m.id for m in catalogue(fresh) if m.id}
    committed = {m.id for m in catalogue(TRANSLATIONS / "messages.pot") if m.id}
    assert extracted == committed, "run `make translations` and translate the new strings"


def test_the_reminder_speaks_the_language_of_its_page(example):
    from icalendar import Calendar

    def event(path):
        (found,) = Calendar.from_ical((example / path / "remind.ics").read_bytes()).walk("VEVENT")
        return found

    spanish, english = event("es/ban-the-scan-nypd"), event("ban-the-scan-nypd")
    assert str(spanish["summary"]).startswith("Última oportunidad: ")
    assert "Se cierra el jueves, 25 de febrero de 2021, 23:59 (hora de Nueva York)" in str(
        spanish["description"]
    )
    assert str(spanish.walk("VALARM")[0]["description"]).startswith("Queda un día: ")
    assert str(english["summary"]).startswith("Last chance: ")
    assert "Closes Thursday 25 February 2021 at 11:59 pm, New York time" in str(
        english["description"]
    )


@pytest.mark.parametrize(
    "translated",
    [
        "Envoyer <a href=https://evil.example/ x=",  # no `>`: the page's next one closes it
        "Envoyer <!--",  # the rest of the page a comment
        "Envoyer <img src=https://evil.example/t.png x=",
        "Envoyer &amp",
        "Envoyer & co",
        "Envoyer <strong>la</strong> lettre",
    ],
)
def test_a_translation_that_adds_markup_or_the_start_of_it_stops_the_build(tmp_path, translated):
    """An attacker's review: a tag left open slipped past the check of whole tags, and
    the page's own next `>` closed it (a link to another site around the send box)."""
    from test_messages import _theme_with_french

    from pelican.plugins.megaphone.site.i18n import catalogue_problems

    theme = _theme_with_french(tmp_path, {"Send the letter": translated})
    problems = catalogue_problems(str(theme), {"fr": ["parc.md"]})
    assert [p.code for p in problems] == ["catalogue-markup"], translated


def test_markup_the_english_has_may_be_moved_but_not_doubled(tmp_path):
    from test_messages import _theme_with_french

    from pelican.plugins.megaphone.site.i18n import catalogue_problems

    english = "<strong>Copy the letter, then open your email.</strong> The letter is too long"
    moved = "Trop longue. <strong>Copiez la lettre, puis ouvrez votre courriel.</strong>"
    theme = _theme_with_french(tmp_path, {english: moved})
    assert catalogue_problems(str(theme), {"fr": ["parc.md"]}) == []
    doubled = moved + " <strong>Deux</strong>"
    theme = _theme_with_french(tmp_path / "2", {english: doubled})
    assert [p.code for p in catalogue_problems(str(theme), {"fr": ["p"]})] == ["catalogue-markup"]
