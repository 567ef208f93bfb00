"""Issue 22: a page in a language the theme has no catalogue for (Hindi here) shows the
theme's words in English, each inside an element marked lang="en", and the campaign's
own words (title, letter, names, the deadline CLDR writes in Hindi) in the page's
language, never inside lang="en". A screen reader then reads each with the right voice.

The expectations are the fixture's scripts, not the code's: Latin letters on a Hindi
page are the theme's English, apart from addresses, brand names, the made-up docket and
the senators' names (which are names in any language)."""

from __future__ import annotations

import csv
import re

import pytest
from bs4 import BeautifulSoup, Comment, Doctype

from helpers import ROOT, build, soup, write_hindi_site

LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
DEVANAGARI = re.compile(r"[\u0900-\u097F]")
# Not words of any language: addresses, the services' and networks' names, the made-up
# bill and docket, the blanks a list fills in, CLDR's own Hindi "am"/"pm".
NEUTRAL = (
    r"\S+@\S+|https?://\S+|\b[\w.-]+\.(?:org|com|social)\b|Gmail|Outlook\.com|Yahoo Mail"
    r"|Microsoft 365|Bluesky|Facebook|Mastodon|WhatsApp|S79|EXA-\d+-\d+|\b[ap]m\b"
    r"|\[Target name\]|\[Target title\]|\[Area\]"
)


def senators() -> list[str]:
    with open(ROOT / "tests/fixtures/targets/ny-senate.csv", encoding="utf-8") as source:
        return [row["name"] for row in csv.DictReader(source)]


NEUTRAL_RE = re.compile(
    NEUTRAL + "|" + "|".join(re.escape(name) for name in sorted(senators(), key=len)[::-1])
)


def lang_around(node) -> str | None:
    element = node if getattr(node, "attrs", None) is not None else node.parent
    found = element if element.has_attr("lang") else element.find_parent(attrs={"lang": True})
    return found["lang"] if found else None


def misread(page: BeautifulSoup) -> list[tuple[str, str, str]]:
    """Each text the page would have read in the wrong language: (element, lang, text)."""
    wrong = []
    for text in page.find_all(string=True):
        if isinstance(text, Comment | Doctype) or text.parent.name in ("script", "style", "title"):
            continue
        words = str(text).strip()
        lang = lang_around(text)
        if LATIN_WORD.search(NEUTRAL_RE.sub("", words)) and lang != "en":
            wrong.append((text.parent.name, str(lang), words[:80]))
        if DEVANAGARI.search(words) and lang == "en":
            wrong.append((text.parent.name, str(lang), words[:80]))
    return wrong


# The site's own name is in its language too ("campaigns").
HINDI_SITE = {"DEFAULT_LANG": "hi", "SITENAME": "अभियान"}


@pytest.fixture(scope="module")
def hindi_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("hindi")
    return build(write_hindi_site(root), root / "out", today="2021-01-01", **HINDI_SITE)


def hindi_pages(out):
    pages = [p for p in sorted(out.rglob("*.html")) if soup(p).html["lang"] == "hi"]
    # One representative's page stands for the 63 made from the same template.
    return [p for p in pages if "/to/" not in str(p) or p.parent.name == "1"]


def test_every_kind_of_hindi_page_is_built(hindi_site):
    built = {str(p.relative_to(hindi_site)) for p in hindi_pages(hindi_site)}
    assert {
        "index.html",
        "closed/index.html",
        "park/index.html",
        "park/flyer/index.html",
        "comment/index.html",
        "s79/index.html",
        "s79/to/1/index.html",
        "library/index.html",
    } <= built, built


def test_on_a_hindi_page_every_english_word_is_marked_english_and_no_hindi_one_is(hindi_site):
    found = {}
    for path in hindi_pages(hindi_site):
        wrong = misread(soup(path))
        if wrong:
            found[str(path.relative_to(hindi_site))] = wrong
    assert found == {}


def test_the_check_finds_an_english_word_left_unmarked_and_hindi_marked_english():
    page = BeautifulSoup(
        '<html lang="hi"><body><p>Send</p><p><span lang="en">पार्क</span></p>'
        '<p lang="en">Send <span lang="hi">पार्क</span></p></body></html>',
        "html.parser",
    )
    assert misread(page) == [("p", "hi", "Send"), ("span", "en", "पार्क")]


def test_the_deadline_is_hindi_inside_an_english_sentence(hindi_site):
    page = soup(hindi_site / "park" / "index.html")
    sentence = page.find("p", class_="deadline")
    assert sentence.find("span", lang="en").get_text() == "Closes "
    time = sentence.find("time")
    assert "जून" in time.get_text() and lang_around(time) == "hi"  # June


def test_a_value_inside_an_english_sentence_keeps_the_page_language(hindi_site):
    page = soup(hindi_site / "park" / "index.html")
    hint = page.find("label", attrs={"for": "count-choice"})
    assert hint.get_text().startswith("Also send a copy to पार्क के मित्र so they")
    spans = hint.find_all("span", lang="en")
    assert [s.get_text() for s in spans] == [
        "Also send a copy to ",
        " so they can count responses (they will see your name and letter)",
    ]


def test_words_the_script_writes_are_marked_on_the_element_it_writes_into(hindi_site):
    page = soup(hindi_site / "park" / "index.html")
    assert page.find("p", class_="countdown")["lang"] == "en"
    assert page.find("p", attrs={"data-local-time": True})["lang"] == "en"
    assert page.find("p", attrs={"data-send-status": True})["lang"] == "en"
    statuses = page.select("[data-module=megaphone-copy] [data-status]")
    assert statuses and all(s["lang"] == "en" for s in statuses)
    targets = soup(hindi_site / "s79" / "index.html")
    assert targets.find("p", attrs={"data-found": True})["lang"] == "en"


def test_the_language_switcher_names_each_language_in_its_own(hindi_site):
    page = soup(hindi_site / "park" / "index.html")
    nav = page.find("nav", class_="languages")
    assert nav["lang"] == "en"  # its label, "Languages", is English
    assert nav.find("span", attrs={"aria-current": "page"})["lang"] == "hi"
    assert nav.find("a")["lang"] == "en" and nav.find("a")["hreflang"] == "en"


def test_a_title_never_holds_markup(hindi_site):
    for path in hindi_pages(hindi_site):
        title = soup(path).find("title").get_text()
        assert "<" not in title and "lang=" not in title, (path, title)


def test_the_english_translation_has_no_english_marks(hindi_site):
    page = (hindi_site / "en" / "park" / "index.html").read_text("utf-8")
    # <html lang="en">, and hreflang="en" where the page names itself: no span or mark.
    assert page.count('lang="en"') == page.count('hreflang="en"') + 1


def test_a_spanish_page_with_its_whole_catalogue_has_no_english_marks(tmp_path):
    content = write_hindi_site(tmp_path)
    english = content / "campaigns" / "park.en.md"
    english.write_text(english.read_text("utf-8").replace("Lang: en", "Lang: es"), "utf-8")
    out = build(content, tmp_path / "out", today="2021-01-01", **HINDI_SITE)
    page = soup(out / "es" / "park" / "index.html")
    assert page.html["lang"] == "es"
    marked = [e for e in page.find_all(attrs={"lang": "en"}) if not e.has_attr("hreflang")]
    assert marked == []


def test_a_site_themes_own_words_are_left_as_its_templates_write_them(tmp_path):
    """The marking is Megaphone's, for Megaphone's words: a blog in German whose theme
    has a trans block in an attribute keeps it plain; its campaign's words are marked."""
    from test_site_theme import CUSTOM_BASE, blog, build_blog, custom_theme, the_campaign

    home = '<a href="/" title="{% trans %}Home{% endtrans %}">{% trans %}Home{% endtrans %}</a>'
    theme = custom_theme(tmp_path, CUSTOM_BASE.replace("Our group", home))
    content = blog(tmp_path, the_campaign())
    out = build_blog(
        content,
        tmp_path / "out",
        str(theme),
        DEFAULT_LANG="de",
        MEGAPHONE_BASE_TEMPLATE="layout.html",
        MEGAPHONE_CONTENT_BLOCK="main",
        JINJA_ENVIRONMENT={"extensions": ["jinja2.ext.i18n"]},
    )
    index = (out / "index.html").read_text("utf-8")
    assert '<a href="/" title="Home">Home</a>' in index
    campaign = next(p for p in out.rglob("*.html") if "data-module" in p.read_text("utf-8"))
    page = campaign.read_text("utf-8")
    assert '<span lang="en">Send the letter</span>' in page  # Megaphone's words
    assert '<a href="/" title="Home">Home</a>' in page  # the theme's own, on the same page


def test_an_unfinished_catalogue_marks_only_what_it_lacks(tmp_path):
    """French with four strings done: those are French and unmarked, the deadline is in
    French words (the pattern is translated), every other string is marked English."""
    from test_messages import FRENCH, _theme_with_french

    theme = _theme_with_french(
        tmp_path,
        {
            "Send the letter": "Envoyer la lettre",
            "Closes %(when)s": "Ferme le %(when)s",
            "EEEE d MMMM y 'at' h:mm a": "EEEE d MMMM y 'à' HH:mm",
            "{when}, {city} time": "{when}, heure de {city}",
        },
    )
    content = tmp_path / "content"
    (content / "campaigns").mkdir(parents=True)
    (content / "campaigns" / "parc.md").write_text(FRENCH, "utf-8")
    out = build(content, tmp_path / "out", today="2026-12-01", THEME=str(theme))
    page = soup(next(out.rglob("parc/index.html")))
    heading = page.find("h2", id="send-heading")
    assert heading.get_text() == "Envoyer la lettre" and heading.find("span") is None
    deadline = page.find("p", class_="deadline")
    assert deadline.get_text() == "Ferme le mardi 15 décembre 2026 à 17:00, heure de Paris"
    assert deadline.find("span", lang="en") is None and lang_around(deadline.find("time")) == "fr"
    letter_heading = page.find("h2", id="letter-heading")
    assert letter_heading.find("span", lang="en").get_text() == (
        "The letter, exactly as it will be sent"
    )


def test_a_deadline_pattern_without_its_sentence_gives_cldrs_words_not_half_english(tmp_path):
    from test_messages import FRENCH, _theme_with_french

    theme = _theme_with_french(tmp_path, {"EEEE d MMMM y 'at' h:mm a": "EEEE d MMMM y 'à' HH:mm"})
    content = tmp_path / "content"
    (content / "campaigns").mkdir(parents=True)
    (content / "campaigns" / "parc.md").write_text(FRENCH, "utf-8")
    out = build(content, tmp_path / "out", today="2026-12-01", THEME=str(theme))
    time = soup(next(out.rglob("parc/index.html"))).find("p", class_="deadline").find("time")
    assert time.get_text() == "mardi 15 décembre 2026, 17:00, heure : Paris"  # not "Paris time"


def test_the_home_page_marks_each_campaign_in_another_language_with_its_own(tmp_path):
    """Found in a corpus of real letters: a campaign only in Tamil was listed on the
    English home page as English, so a screen reader read its title with an English voice."""
    from test_messages import FRENCH

    from helpers import RTL_FIXTURES, campaign_md, write_site

    arabic = (RTL_FIXTURES / "park.ar.md").read_text("utf-8")
    files = {"parc.md": FRENCH, "park.ar.md": arabic, "pool.md": campaign_md(slug="pool")}
    out = build(write_site(tmp_path, files), tmp_path / "out", today="2026-12-01")
    home = soup(out / "index.html")
    links = {a["href"].rstrip("/").rsplit("/", 1)[-1]: a for a in home.select(".campaign-list a")}
    assert (links["parc"]["lang"], links["parc"]["hreflang"]) == ("fr", "fr")
    assert not links["parc"].has_attr("dir")
    assert (links["park"]["lang"], links["park"]["dir"]) == ("ar", "rtl")
    assert not links["pool"].has_attr("lang") and not links["pool"].has_attr("hreflang")
    summary = links["parc"].find_next_sibling("p")
    assert summary["lang"] == "fr"


def test_the_calendar_file_says_the_deadline_as_the_page_does(hindi_site):
    """Found in a corpus of real letters: remind.ics wrote the date in English."""
    from icalendar import Calendar

    calendar = Calendar.from_ical((hindi_site / "park" / "remind.ics").read_bytes())
    (event,) = calendar.walk("VEVENT")
    description = str(event["DESCRIPTION"])
    page = soup(hindi_site / "park" / "index.html").find("p", class_="deadline").find("time")
    assert page.get_text() in description
    assert "जून" in description and "June" not in description


def test_a_translation_that_reads_as_the_english_is_not_marked(tmp_path):
    """An attacker's review: "untranslated" was "the catalogue gives back the English",
    so a loanword a translator kept ("Email" in French) was marked English."""
    from test_messages import FRENCH, _theme_with_french

    theme = _theme_with_french(tmp_path, {"Email": "Email", "Send the letter": "Envoyer"})
    content = tmp_path / "content"
    (content / "campaigns").mkdir(parents=True)
    (content / "campaigns" / "parc.md").write_text(FRENCH, "utf-8")
    out = build(content, tmp_path / "out", today="2026-12-01", THEME=str(theme))
    page = soup(next(out.rglob("parc/index.html")))
    email = next(a for a in page.select(".share a") if a.get_text() == "Email")
    assert lang_around(email.find(string=True)) == "fr"
    assert page.find("span", lang="en", string="Ask others to write too")  # still lacking
