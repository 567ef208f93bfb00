"""The script as modules: each starts alone, the page stays whole when one fails
or the browser lacks something, and times and plurals follow the page's language."""

import json
import re
from datetime import datetime, timedelta

import pytest
from playwright.sync_api import expect

from browser.support import EXAMPLE, LETTER, NEW_YORK, assert_all_links_carry, hrefs, serve
from decoders import rfc_decode
from helpers import build, campaign_md

LAST_DAY = datetime(2021, 2, 25, 9, 0, tzinfo=NEW_YORK)
DAY_BEFORE = datetime(2021, 2, 24, 9, 0, tzinfo=NEW_YORK)
AFTER_DEADLINE = datetime(2021, 3, 2, 8, 0, tzinfo=NEW_YORK)


def when_parsed(selector: str, action: str) -> str:
    """An init script that runs `action` on the first element matching
    `selector` as soon as the parser adds it: before the deferred script runs."""
    return """new MutationObserver((records, observer) => {
        const element = document.querySelector(%s);
        if (element) { observer.disconnect(); (%s)(element); }
    }).observe(document, {childList: true, subtree: true});""" % (json.dumps(selector), action)


# --- Times and plurals in the page's language ---------------------------------

TIMES = {
    "en": dict(
        path=EXAMPLE,
        clock="11:59 pm",
        today="Closes today at 11:59 pm, New York time",
        tomorrow="1 day left: closes tomorrow at 11:59 pm, New York time",
        local="That is Friday 26 February at 4:59 am where you are.",
    ),
    "es": dict(
        path="/es" + EXAMPLE,
        clock="23:59",
        today="Se cierra hoy a las 23:59 (hora de Nueva York)",
        tomorrow="Queda 1 día: se cierra mañana a las 23:59 (hora de Nueva York)",
        local="Donde estás tú, es el viernes, 26 de febrero, 4:59.",
    ),
}


@pytest.mark.parametrize("lang", TIMES)
def test_the_countdown_writes_the_time_as_the_built_page_does(visit, sites, lang):
    want = TIMES[lang]
    page = visit(timezone="America/New_York").open(sites["open"] + want["path"], at=LAST_DAY)
    built = page.inner_text(".deadline-box .deadline time")  # the deadline in words, by Babel
    assert want["clock"] in built
    assert page.inner_text("[data-countdown]") == want["today"]
    page = visit(timezone="America/New_York").open(sites["open"] + want["path"], at=DAY_BEFORE)
    assert page.inner_text("[data-countdown]") == want["tomorrow"]


@pytest.mark.parametrize("lang", TIMES)
def test_the_visitors_own_time_follows_the_pages_conventions(visit, sites, lang):
    want = TIMES[lang]
    page = visit(timezone="Europe/London").open(sites["open"] + want["path"])
    assert page.inner_text("[data-local-time]") == want["local"]
    built = page.inner_text(".deadline-box .deadline time")
    if lang == "en":  # "pm" on the page, so "am" here: not "AM"
        assert re.search(r"\d (am|pm)\b", built) and not re.search(r"\b(AM|PM)\b", built)


def test_each_plural_category_of_the_language_has_its_form(visit, sites):
    spanish = visit().open(sites["open"] + "/es" + EXAMPLE).locator("[data-countdown]")
    assert spanish.get_attribute("data-days-one") == "Queda {days} día"
    assert spanish.get_attribute("data-days-many") == "Quedan {days} días"
    assert spanish.get_attribute("data-days") == "Quedan {days} días"  # "other"
    english = visit().open(sites["open"] + EXAMPLE).locator("[data-countdown]")
    assert english.get_attribute("data-days-one") == "{days} day left"
    assert english.get_attribute("data-days") == "{days} days left"
    assert english.get_attribute("data-days-many") is None


@pytest.mark.parametrize(
    "days,many,expected",
    [
        (1_000_000, True, "MANY 1000000"),  # Spanish "many": a whole million
        (21, True, "OTHER 21"),
        (1_000_000, False, "OTHER 1000000"),  # a category without its form: "other"
    ],
)
def test_the_script_picks_the_form_with_intl_plural_rules(visit, sites, days, many, expected):
    deadline = (datetime(2021, 2, 22, 23, 0, tzinfo=NEW_YORK) + timedelta(days=days)).isoformat()
    v = visit(timezone="America/New_York")
    v.context.add_init_script(
        when_parsed(
            "[data-countdown]",
            """element => {
        element.setAttribute("data-deadline", %s);
        element.setAttribute("data-days", "OTHER {days}");
        %s
    }"""
            % (
                json.dumps(deadline),
                'element.setAttribute("data-days-many", "MANY {days}");'
                if many
                else 'element.removeAttribute("data-days-many");',
            ),
        )
    )
    page = v.open(sites["open"] + "/es" + EXAMPLE)
    assert page.inner_text("[data-countdown]") == expected


# --- Placeholders that are also names of Object.prototype ---------------------

# [__proto__] starts with "_", so it is text (a placeholder starts with a letter).
PROTO_LETTER = (
    "Dear Council,\n\n[constructor], [toString], [hasOwnProperty] and [__proto__] agree."
    "\n\n[Your name]"
)


@pytest.fixture(scope="module")
def proto_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("proto")
    content = root / "content" / "campaigns"
    content.mkdir(parents=True)
    (content / "park.md").write_text(campaign_md(slug="park", letter=PROTO_LETTER), "utf-8")
    server, url = serve(build(root / "content", root / "out", "2021-01-01"))
    yield url
    server.shutdown()


def test_placeholders_named_like_object_properties_are_just_names(visit, proto_site):
    v = visit()
    page = v.open(proto_site + "/park/", at=datetime(2029, 1, 1, 12, 0, tzinfo=NEW_YORK))
    page.get_by_label("constructor", exact=True).fill("Ana")
    page.get_by_label("hasOwnProperty", exact=True).fill("Ben")
    assert page.get_by_label("__proto__", exact=True).count() == 0
    letter = "Dear Council,\n\nAna, [toString], Ben and [__proto__] agree.\n\n[Your name]"
    assert page.inner_text("[data-letter-preview]") == letter
    for kind, href in hrefs(page).items():
        assert rfc_decode(href)["body"] == letter.replace("\n", "\r\n"), kind
    assert v.console_errors == []


def test_a_page_with_such_placeholders_closes_after_its_deadline(visit, proto_site):
    page = visit().open(proto_site + "/park/", at=datetime(2030, 2, 1, 12, 0, tzinfo=NEW_YORK))
    assert page.locator("[data-closed]").is_visible()
    assert page.locator(".send").is_hidden() and page.locator("[data-personalise]").is_hidden()


# --- One module failing leaves the others working ------------------------------


def test_a_broken_countdown_leaves_the_rest_working(visit, sites):
    v = visit()
    v.context.add_init_script(
        "Intl.DateTimeFormat.prototype.formatToParts = () => { throw new Error('broken'); };"
    )
    page = v.open(sites["open"] + EXAMPLE)
    assert page.inner_text("[data-countdown]") == "3 days left"  # as built
    assert any("megaphone-countdown" in error for error in v.console_errors)
    page.get_by_label("Your name", exact=True).fill("Ana")
    assert_all_links_carry(page, LETTER.replace("[Your name]", "Ana"))
    assert page.locator('.letter [data-copy="letter"]').is_visible()
    page.clock.fast_forward(4 * 24 * 3600 * 1000)  # closing does not need the countdown
    assert page.locator("[data-closed]").is_visible() and page.locator(".send").is_hidden()


def test_broken_personalisation_keeps_its_hint_and_the_links_work(visit, sites):
    v = visit()
    v.context.add_init_script(when_parsed("[data-fields]", "element => element.remove()"))
    page = v.open(sites["open"] + EXAMPLE)
    assert any("megaphone-personalise" in error for error in v.console_errors)
    assert page.locator("[data-personalise]").is_hidden()
    assert page.get_by_text("Replace the words in square brackets").is_visible()
    assert_all_links_carry(page, LETTER)  # exactly the links without the script
    page.get_by_text("Edit the letter").click()
    page.get_by_label("The letter.").fill("My own words.")
    assert_all_links_carry(page, "My own words.")
    expect(page.locator("[data-letter-preview]")).to_have_text("My own words.")


# --- A browser without what the script needs: the page as built ----------------

MISSING = {
    "Intl.PluralRules": "delete Intl.PluralRules;",
    "crypto.getRandomValues": "delete Crypto.prototype.getRandomValues;",
    "Element.closest": "delete Element.prototype.closest;",
}


def body_html(page):
    return page.evaluate("document.body.outerHTML")


@pytest.mark.parametrize("missing", MISSING)
def test_without_a_needed_feature_the_page_stays_as_without_javascript(visit, sites, missing):
    without_script = body_html(visit(javascript=False).open(sites["open"] + EXAMPLE, at=None))
    v = visit()
    v.context.add_init_script(MISSING[missing])
    page = v.open(sites["open"] + EXAMPLE)
    assert page.evaluate("typeof window.Megaphone") == "object"  # the script did run
    assert body_html(page) == without_script
    assert page.locator("[data-personalise]").is_hidden()
    assert page.locator("[data-copy]:visible").count() == 0
    assert page.get_by_text("Replace the words in square brackets").is_visible()
    assert_all_links_carry(page, LETTER)
    assert v.console_errors == []


def test_without_a_needed_feature_the_page_still_closes_at_the_deadline(visit, sites):
    v = visit()
    v.context.add_init_script(MISSING["Intl.PluralRules"])
    page = v.open(sites["open"] + EXAMPLE, at=AFTER_DEADLINE)
    assert page.locator("[data-closed]").is_visible() and page.locator(".send").is_hidden()


def test_the_home_page_countdowns_read_the_words_of_their_list(visit, sites):
    """On the home page each countdown carries only its deadline; the words are on the list."""
    page = visit(timezone="America/New_York").open(sites["open"] + "/", at=LAST_DAY)
    item = page.locator("li", has=page.locator('a[href="/ban-the-scan-nypd/"]'))
    countdown = item.locator("[data-countdown]")
    assert countdown.get_attribute("data-today") is None  # not on the item
    assert countdown.inner_text() == "Closes today at 11:59 pm, New York time"
    page = visit(timezone="America/New_York").open(sites["open"] + "/", at=DAY_BEFORE)
    item = page.locator("li", has=page.locator('a[href="/ban-the-scan-nypd/"]'))
    assert item.locator("[data-countdown]").inner_text() == (
        "1 day left: closes tomorrow at 11:59 pm, New York time"
    )
