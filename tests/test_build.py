"""Build the example and tiny sites with Pelican; read the pages back."""

import logging
import re

from decoders import form_decode, rfc_decode
from helpers import EXAMPLE_SOURCE as EXAMPLE
from helpers import campaign_md, header, letter_in_source, soup

SEND_HOSTS = ("mail.google.com", "outlook.live.com", "outlook.office.com", "compose.mail.yahoo.com")


def send_links(page):
    """Every link that opens an email to the campaign's recipients."""
    return [
        a["href"]
        for a in page.find_all("a", href=True)
        if a["href"].startswith("mailto:")
        and not a["href"].startswith("mailto:?")
        or any(h in a["href"] for h in SEND_HOSTS)
    ]


def assert_links_carry(page, to, subject, letter, cc=(), bcc=()):
    hrefs = send_links(page)
    assert len(hrefs) == 5, hrefs  # mail app, Gmail, Outlook.com, Microsoft 365, Yahoo
    want = {
        "to": list(to),
        "cc": list(cc),
        "bcc": list(bcc),
        "subject": subject,
        "body": letter.replace("\n", "\r\n"),
    }
    for href in hrefs:
        assert "+" not in href
        assert rfc_decode(href) == want, href
        assert form_decode(href) == want, href


def test_example_while_open(example_site):
    out = example_site("2021-02-22")
    page = soup(out / "ban-the-scan-nypd" / "index.html")
    source = EXAMPLE.read_text("utf-8")
    assert_links_carry(
        page, ["postact@nypd.org"], header(source, "Subject"), letter_in_source(source)
    )
    button = page.find("a", class_="button")
    assert button.get_text() == "Send this email" and button["href"].startswith("mailto:")
    assert "Closes Thursday 25 February 2021 at 11:59 pm, New York time" in page.get_text(
        " ", strip=True
    )
    assert page.find("pre", class_="letter-body").get_text() == letter_in_source(source)
    assert page.find(class_="closed").has_attr("hidden")  # shown by the script at the deadline
    # The letter is shown once, in its own section, not again in the explanation.
    explanation = page.find(class_="explanation")
    assert explanation.find("code") is None and "Dear Commissioner" not in explanation.get_text()
    home = soup(out / "index.html")
    listed = home.find("section", attrs={"aria-labelledby": "open-heading"})
    assert listed.find("a", href="/ban-the-scan-nypd/")


def test_example_once_closed(example_site):
    out = example_site("2021-02-26")
    page = soup(out / "ban-the-scan-nypd" / "index.html")
    assert send_links(page) == []
    closed = page.find(class_="closed")
    assert not closed.has_attr("hidden")
    assert "closed" in closed.get_text() and "25 February 2021" in closed.get_text()
    # The explanation and the letter stay readable.
    letter = letter_in_source(EXAMPLE.read_text("utf-8"))
    assert page.find("pre", class_="letter-body").get_text() == letter
    assert "POST Act" in page.find(class_="explanation").get_text()
    home = soup(out / "index.html")
    listed = home.find("section", attrs={"aria-labelledby": "closed-heading"})
    assert listed.find("a", href="/ban-the-scan-nypd/")


def test_plain_build_uses_todays_date(example_site):
    out = example_site(None)  # no CAMPAIGN_TODAY: the real date, long after 2021
    assert send_links(soup(out / "ban-the-scan-nypd" / "index.html")) == []


ANY_SUBJECT = 'Café & "quotes" + 100% #1 = ¿sí? 中文 العربية 😀'
ANY_LETTER = (
    "Dear Ms. O'Brien & team,\n\n"
    "Tom + Jerry say: 50% off? #hashtag = fun; a/b, c\n"
    "Français: déjà vu, naïve. Deutsch: Straße. 中文：禁止人脸识别。\n"
    "العربية: أوقفوا المراقبة. Emoji: 📣👩🏽‍⚖️\n"
    "A literal &bcc=evil@example.org&subject=hijack stays in the text.\n"
    "  Indented line, trailing spaces   \n"
    "<b>not bold</b> &amp; not an entity\n\n"
    "[Your name]"
)


def test_any_characters_round_trip_through_every_link(site):
    out = site(
        {
            "any.md": campaign_md(
                slug="any",
                subject=ANY_SUBJECT,
                letter=ANY_LETTER,
                to="Council <council@example.org>; a+b@example.org",
                cc="josé@exämple.org",
                bcc="watch@example.org",
            )
        },
        today="2021-01-01",
    )
    page = soup(out / "any" / "index.html")
    assert_links_carry(
        page,
        ["council@example.org", "a+b@example.org"],
        ANY_SUBJECT,
        ANY_LETTER,
        cc=["josé@xn--exmple-cua.org"],
        bcc=["watch@example.org"],
    )
    assert page.find("pre", class_="letter-body").get_text() == ANY_LETTER
    assert page.find(class_="subject").get_text() == ANY_SUBJECT


def test_ampersands_between_fields_are_escaped_in_html(site):
    out = site({"a.md": campaign_md(slug="a", cc="c@example.org")}, today="2021-01-01")
    raw = (out / "a" / "index.html").read_text("utf-8")
    hrefs = re.findall(r'href="((?:mailto:|https://)[^"]*)"', raw)
    assert hrefs and not any(re.search(r"&(?!amp;)", h) for h in hrefs)
    assert len([h for h in hrefs if "&amp;cc=" in h or "?cc=" in h]) == 5


def test_long_letter_mailto_drops_the_body_and_says_so(site, caplog):
    letter = (
        "Dear Council,\n\n" + "Please keep the park open for everyone. " * 60 + "\n\n[Your name]"
    )
    with caplog.at_level(logging.WARNING):
        out = site({"long.md": campaign_md(slug="long", letter=letter)}, today="2021-01-01")
    page = soup(out / "long" / "index.html")
    mailto = page.find("a", class_="button")["href"]
    assert (
        rfc_decode(mailto)["body"] == "" and rfc_decode(mailto)["subject"] == "Keep the park open"
    )
    gmail = next(h for h in send_links(page) if "mail.google.com" in h)
    assert rfc_decode(gmail)["body"] == letter.replace("\n", "\r\n")
    notice = page.find(attrs={"data-over-budget": True})
    assert not notice.has_attr("hidden")
    assert "Copy the letter, then open your email" in notice.get_text()
    warning = " ".join(r.getMessage() for r in caplog.records if r.levelno == logging.WARNING)
    assert "long.md" in warning and re.search(
        r"the letter is \d,\d{3} characters as a link", warning
    )
    # About 3,400 characters: too long for Windows and Yahoo, within Gmail's and Outlook's caps.
    assert "asks to paste it on Windows and without JavaScript" in warning
    assert "Gmail, Outlook.com and Microsoft 365 carry it; Yahoo Mail asks to paste it" in warning
    assert warning.count("[link-over-budget]") == 1


def test_budget_is_a_setting(site):
    out = site({"a.md": campaign_md(slug="a")}, today="2021-01-01", MEGAPHONE_MAILTO_BUDGET=50)
    assert (
        rfc_decode(soup(out / "a" / "index.html").find("a", class_="button")["href"])["body"] == ""
    )


def test_timezone_defaults_to_the_site_setting(site):
    out = site(
        {"a.md": campaign_md(slug="a", deadline="2030-01-31 09:00")},
        today="2021-01-01",
        MEGAPHONE_TIMEZONE="Europe/Madrid",
    )
    time = soup(out / "a" / "index.html").find(class_="deadline").find("time")
    assert time["datetime"] == "2030-01-31T09:00:00+01:00" and "Madrid time" in time.get_text()


def test_clean_urls_and_no_blog_pages(site):
    out = site({"a.md": campaign_md(slug="park")}, today="2021-01-01")
    assert (out / "park" / "index.html").exists()
    built = {p.relative_to(out).as_posix() for p in out.rglob("*.html")}
    assert built == {"index.html", "park/index.html", "park/flyer/index.html"}
