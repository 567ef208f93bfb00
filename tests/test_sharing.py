"""Share links, social metadata, the calendar reminder and the QR flyer."""

import base64
import hashlib
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

from icalendar import Calendar

from helpers import campaign_md, soup
from settings_under_test import ROOT

URL = "http://localhost:8000/park/"  # MEGAPHONE_SITEURL of pelicanconf.py, then the slug
TITLE = "Keep the park open: 100% & more?"


def open_site(site, **fields):
    return site(
        {"park.md": campaign_md(slug="park", title=TITLE, summary="Save it.", **fields)},
        today="2021-01-01",
    )


def test_share_links_carry_the_title_and_address_exactly(site):
    page = soup(open_site(site) / "park" / "index.html")
    links = {a.get_text(): a["href"] for a in page.select(".share-links a")}
    assert set(links) == {"Email", "WhatsApp", "Bluesky", "Mastodon", "X", "Facebook"}
    for name, href in links.items():
        query = parse_qs(urlsplit(href).query, strict_parsing=True)
        values = " ".join(v for vs in query.values() for v in vs)
        assert URL in values, name
        assert "+" not in href, name
        if name != "Facebook":
            assert TITLE in values, name


def test_canonical_and_social_metadata(site):
    page = soup(open_site(site) / "park" / "index.html")
    assert page.find("link", rel="canonical")["href"] == URL
    meta = {
        m.get("property") or m.get("name"): m["content"]
        for m in page.find_all("meta", content=True)
    }
    assert (
        meta["og:url"] == URL and meta["og:title"] == TITLE and meta["og:description"] == "Save it."
    )
    assert meta["twitter:card"] == "summary"


def test_calendar_reminder_is_the_deadline_with_an_alarm_a_day_before(site):
    out = open_site(site, deadline="2030-01-31 17:00", timezone="Europe/Madrid")
    page = soup(out / "park" / "index.html")
    link = page.find("a", string="Remind me")
    assert link["href"] == "/park/remind.ics"
    calendar = Calendar.from_ical((out / "park" / "remind.ics").read_bytes())
    (event,) = calendar.walk("VEVENT")
    end = event.decoded("dtend")
    assert end.isoformat() == "2030-01-31T16:00:00+00:00"  # 17:00 in Madrid is 16:00 UTC
    assert event.decoded("dtstart") == end - timedelta(hours=1)
    assert TITLE in str(event["summary"]) and URL in str(event["description"])
    (alarm,) = event.walk("VALARM")
    assert alarm.decoded("trigger") == timedelta(days=-1)
    assert alarm["trigger"].params["RELATED"] == "END"


def test_printable_flyer_with_a_qr_code(site):
    out = open_site(site)
    page = soup(out / "park" / "index.html")
    assert page.find("a", href="/park/flyer/")
    flyer = soup(out / "park" / "flyer" / "index.html")
    assert flyer.find("h1").get_text() == TITLE
    assert "2030" in flyer.find(class_="deadline").get_text()
    svg = flyer.find("svg", class_="qr")
    assert svg is not None and URL in svg.find("title").get_text()
    assert URL in flyer.find("figcaption").get_text()


def test_a_closed_campaign_offers_no_reminder_flyer_or_sharing(site):
    out = site({"park.md": campaign_md(slug="park", deadline="2020-01-01")}, today="2021-01-01")
    page = soup(out / "park" / "index.html")
    assert not (out / "park" / "remind.ics").exists() and not (out / "park" / "flyer").exists()
    assert page.find(class_="share") is None and page.find("a", string="Remind me") is None


def csp_hash(text: str) -> str:
    return f"'sha256-{base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()}'"


def test_content_security_policy_allows_only_this_site_and_its_own_inline_code(site):
    out = site(
        {"a.md": campaign_md(slug="a"), "b.md": campaign_md(slug="b", deadline="2020-01-01")},
        today="2021-01-01",
    )
    closing = (ROOT / "theme" / "static" / "js" / "closed-before-paint.js").read_text("utf-8")
    for path in out.rglob("*.html"):
        page = soup(path)
        csp = page.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
        rules = dict((r.split()[0], r.split()[1:]) for r in csp.split(";") if r.strip())
        # Scripts from this site, and the one inline script by the hash of its exact bytes.
        assert rules["script-src"] == ["'self'", csp_hash(closing.strip())], path
        assert rules["default-src"] == ["'self'"], path
        assert rules["connect-src"] == ["'none'"], path
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
        for script in page.find_all("script"):
            assert script.get("src") or csp_hash(script.string) in rules["script-src"], path
        # The one inline <style> is allowed by its exact hash, and nothing else is.
        (style,) = page.find_all("style")
        assert rules["style-src"] == [csp_hash(style.string)], path
        assert not page.find_all(style=True), path
        assert page.find("meta", attrs={"name": "referrer"})["content"] == "no-referrer"


def test_only_a_page_built_open_carries_the_script_that_closes_it_before_the_first_paint(site):
    """Built open, loaded after the deadline: the inline script closes the page before
    the first paint (tests/browser/test_layout_shift.py). It reads the deadline from
    <html>, the same one the closing module reads; a page closed at build needs it not."""
    out = site(
        {"a.md": campaign_md(slug="a"), "b.md": campaign_md(slug="b", deadline="2020-01-01")},
        today="2021-01-01",
    )
    closing = (ROOT / "theme" / "static" / "js" / "closed-before-paint.js").read_text("utf-8")
    open_page = soup(out / "a" / "index.html")
    (script,) = open_page.head.find_all("script", src=False)
    assert script.string == closing.strip()
    deadline = open_page.find(attrs={"data-module": "megaphone-closing"})["data-deadline"]
    assert open_page.html["data-open-until"] == deadline == "2030-01-31T23:59:00-05:00"
    for path in ("b/index.html", "index.html", "a/flyer/index.html"):
        page = soup(out / path)
        assert not page.find_all("script", src=False) and not page.html.get("data-open-until")
    assert not list(out.rglob("closed-before-paint.js"))  # inlined, not published as a file
