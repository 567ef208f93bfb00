"""Whatever the site's Markdown and Typogrify settings, the letter reaches the email
exactly as written (issue 20).

Pelican applies Typogrify (TYPOGRIFY = True) to each article's content, title and
summary after reading: curly quotes, `<span class="caps">`, `&#8217;`, widont's
`&nbsp;`. A campaign is sent as its file says, so its text is never so changed; the
blog's own articles keep Typogrify. Expected values are read from the file with
plain regular expressions (helpers.header, letter_in_source), and the links are
read back with tests/decoders.py, never with the encoder."""

from __future__ import annotations

import csv
import re
import shutil
from urllib.parse import parse_qs, unquote, urlsplit
from xml.etree import ElementTree

import pytest
from test_build import send_links
from test_scope import BLOG, write_blog

from decoders import form_decode, rfc_decode
from helpers import ROOT, build, campaign_md, header, letter_in_source, soup, write_site

SITE = "https://lab.example.edu"
TITLE = 'Don\'t let the NYPD close "Elm Park" -- say so...'
SUBJECT = 'Keep "Elm Park" open -- don\'t let the NYPD close it...'
SUMMARY = 'The "NYPD" plan -- it isn\'t fair...'
LETTER = (
    "Dear Council,\n\n"
    "I'm writing about \"Elm Park\" -- the NYPD's plan... isn't fair.\n"
    "Please VOTE NO.\n\n"
    "Yours,\nJo"
)
POST = 'Title: Don\'t "quote" me -- NASA\nDate: 2021-01-06\nSlug: typo\n\nIt\'s "here" -- NASA.\n'
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.codehilite": {"css_class": "highlight"},
        "markdown.extensions.extra": {},
        "markdown.extensions.toc": {},
        "markdown.extensions.meta": {},
        "markdown.extensions.smarty": {},
    },
    "output_format": "html5",
}
TYPOGRAPHY = ("&#8217;", "&#8220;", "&#8221;", "&#8230;", "&nbsp;", "\u2019", "\u201c", "\u201d")


def soup_text(html: str) -> str:
    from bs4 import BeautifulSoup

    return BeautifulSoup(html, "html.parser").get_text()


def campaign() -> str:
    return campaign_md(slug="park", title=TITLE, subject=SUBJECT, summary=SUMMARY, letter=LETTER)


def assert_as_written(out, source: str) -> None:
    title, subject = header(source, "Title"), header(source, "Subject")
    summary, letter = header(source, "Summary"), letter_in_source(source)
    assert (title, subject, summary, letter) == (TITLE, SUBJECT, SUMMARY, LETTER)
    page = soup(out / "park" / "index.html")
    want = {"to": ["council@example.org"], "cc": [], "bcc": [], "subject": subject}
    hrefs = send_links(page)
    assert len(hrefs) == 5, hrefs  # mail app, Gmail, Outlook.com, Microsoft 365, Yahoo
    for href in hrefs:
        assert not re.search(r"<|>|&#|&[a-z]+;|%26%23|%3C", href), href  # no tags, no entities
        for decode in (rfc_decode, form_decode):
            assert decode(href) == {**want, "body": letter.replace("\n", "\r\n")}, href
    # The letter as the page shows it, and what the copy buttons copy.
    assert page.find("pre", class_="letter-body").get_text() == letter
    root = page.find(attrs={"data-campaign": True})
    assert root["data-subject"] == subject and root["data-to"] == "council@example.org"
    # The share links and texts: the title as written.
    shares = page.select(".share a[href], [data-web-share]") or page.select("a[href]")
    share = page.find("button", attrs={"data-web-share": True})
    assert share["data-title"] == title and share["data-text"] == summary
    mastodon = page.find(attrs={"data-mastodon-link": True})
    assert mastodon["data-text"] == f"{title} {SITE}/park/"
    email = next(
        a["href"] for a in page.find_all("a", href=True) if a["href"].startswith("mailto:?")
    )
    assert rfc_decode(email)["subject"] == title
    assert rfc_decode(email)["body"] == f"{title} {SITE}/park/"
    for a in shares:
        query = urlsplit(a.get("href", "")).query
        for values in parse_qs(query).values():
            for value in values:
                assert not any(mark in value for mark in TYPOGRAPHY), (a, value)
                assert "<" not in value
    x = next(
        a["href"] for a in page.find_all("a", href=True) if a["href"].startswith("https://x.com")
    )
    assert parse_qs(urlsplit(x).query)["text"] == [title]
    # The calendar file: its summary and alarm name the campaign as written.
    ics = (out / "park" / "remind.ics").read_text("utf-8")
    unfolded = ics.replace("\r\n ", "").replace("\\,", ",").replace("\\;", ";")
    assert title in unfolded, unfolded
    assert not any(mark in ics for mark in TYPOGRAPHY) and "<span" not in ics
    # The Atom feed: the entry's title and summary as written.
    feed = ElementTree.parse(out / "feeds" / "campaigns.atom.xml").getroot()
    atom = {"a": "http://www.w3.org/2005/Atom"}
    entry = next(
        e
        for e in feed.findall("a:entry", atom)
        if e.find("a:link", atom).get("href").endswith("/park/")
    )
    assert entry.findtext("a:title", namespaces=atom) == title
    assert soup_text(entry.findtext("a:summary", namespaces=atom)) == summary  # Pelican's <p>
    content = entry.findtext("a:content", namespaces=atom) or ""
    assert "&#8217;" not in content and '<span class="caps">' not in content
    assert unquote(content).count("\u2019") == 0


TARGET_LETTER = 'Dear [Target name],\n\nI\'m asking you -- "please" -- to VOTE NO...\n\nJo'


def test_a_blog_with_typogrify_smarty_codehilite_and_toc(tmp_path):
    content = write_blog(tmp_path, campaign())
    (content / "posts" / "typo.md").write_text(POST, "utf-8")
    (content / "targets").mkdir()
    shutil.copy(ROOT / "tests" / "fixtures" / "targets" / "ny-senate.csv", content / "targets")
    s79 = campaign_md(slug="s79", to=None, title=TITLE, subject=SUBJECT, letter=TARGET_LETTER)
    (content / "campaigns" / "s79.md").write_text(
        s79.replace("Subject:", "Targets: ny-senate\nSubject:"), "utf-8"
    )
    settings = {
        **BLOG,
        "TYPOGRIFY": True,
        "MARKDOWN": MARKDOWN,
        "SITEURL": SITE,
        "MEGAPHONE_SITEURL": SITE,
        "FEED_DOMAIN": SITE,
    }
    out = build(content, tmp_path / "output", "2021-01-01", **settings)
    assert_as_written(out, (content / "campaigns" / "park.md").read_text("utf-8"))
    # A representative's own page: the letter as written, their name filled in.
    with open(ROOT / "tests" / "fixtures" / "targets" / "ny-senate.csv", encoding="utf-8") as f:
        first = next(csv.DictReader(f))
    pages = sorted((out / "s79" / "to").rglob("index.html"))
    assert pages
    page = next(p for p in pages if first["name"] in p.read_text("utf-8"))
    hrefs = send_links(soup(page))
    assert len(hrefs) == 5, hrefs
    body = TARGET_LETTER.replace("[Target name]", first["name"]).replace("\n", "\r\n")
    for href in hrefs:
        for decode in (rfc_decode, form_decode):
            got = decode(href)
            assert (got["to"], got["subject"], got["body"]) == ([first["email"]], SUBJECT, body)
    # The blog's own post keeps Typogrify (and smarty): curly quotes, caps, widont.
    post = (out / "typo" / "index.html").read_text("utf-8")
    assert '<span class="caps">NASA</span>' in post
    assert "&#8220;" in post or "&ldquo;" in post or "\u201c" in post


@pytest.mark.parametrize("smarty", [False, True])
def test_a_campaign_site_with_typogrify_is_sent_as_written(tmp_path, smarty):
    """MEGAPHONE_STRICT = True (this repository's settings) with TYPOGRIFY = True: every
    article is a campaign, so Typogrify has nothing to change, and is not a problem.
    The smarty extension in the campaigns' MARKDOWN leaves them as written too."""
    content = write_site(tmp_path, {"park.md": campaign()})
    settings = {"TYPOGRIFY": True, "SITEURL": SITE, "MEGAPHONE_SITEURL": SITE, "FEED_DOMAIN": SITE}
    if smarty:
        settings["MARKDOWN"] = {
            "extension_configs": {
                "markdown.extensions.extra": {},
                "markdown.extensions.meta": {},
                "markdown.extensions.smarty": {},
            },
            "output_format": "html5",
        }
    out = build(content, tmp_path / "output", "2021-01-01", **settings)
    assert_as_written(out, (content / "campaigns" / "park.md").read_text("utf-8"))
