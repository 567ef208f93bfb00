"""A long letter (about 3,000 characters) in a real browser: which links carry
it on a Mac and on an emulated Windows, one click to copy and open, and the
organisers' Count copy with and without JavaScript."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import expect

from browser.support import as_platform, hrefs, serve
from decoders import form_decode, rfc_decode
from helpers import build, campaign_md, write_site

VECTORS = json.loads((Path(__file__).parent.parent / "vectors" / "links.json").read_text("utf-8"))
CAPS = VECTORS["caps"]

PARAGRAPH = (
    "I have lived near Riverside Park for twelve years, and I walk there with my children "
    "every morning before school. The plan to close the east gate would cut us off from the "
    "playground, the library and the bus stop, and it would push hundreds of people onto the "
    "main road, where there is no pavement on one side.\n\n"
)
LETTER = "Dear Council,\n\n" + PARAGRAPH * 9 + "Please keep the east gate open.\n\n[Your name]"
SUBJECT = "Keep the east gate open"
TO = ["council@example.org"]
TALLY = "tally@org.example"
PAGE = "/long/"


def test_the_letter_is_realistically_long():
    assert 2800 <= len(LETTER) <= 3200


@pytest.fixture(scope="module")
def long_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("long")
    text = campaign_md(slug="long", subject=SUBJECT, letter=LETTER).replace(
        "Subject:", f"Count: Friends of the Park <{TALLY}>\nSubject:", 1
    )
    out = build(write_site(root, {"long.md": text}), root / "output", "2021-01-01")
    server, url = serve(out)
    yield url
    server.shutdown()


def want(body=True, bcc=()):
    return {
        "to": TO,
        "cc": [],
        "bcc": list(bcc),
        "subject": SUBJECT,
        "body": LETTER.replace("\n", "\r\n") if body else "",
    }


def decodes_to(href, expected):
    assert rfc_decode(href) == expected and form_decode(href) == expected


def test_on_a_mac_send_this_email_carries_the_whole_letter(visit, long_site):
    v = as_platform(visit, "mac")
    page = v.open(long_site + PAGE, at=None)
    links = hrefs(page)
    decodes_to(links["mailto"], want())
    assert len(links["mailto"]) > 1800  # the page's own link could not carry it
    assert page.locator("[data-send-intro]").is_visible()
    assert page.locator("[data-over-budget]").is_hidden()
    for kind, cap in CAPS["services"].items():
        assert len(links[kind]) <= cap, kind
        # Carried whole, or the body alone dropped and the link says to paste.
        body = rfc_decode(links[kind])["body"]
        note = page.locator(f'[data-link="{kind}"] [data-paste-note]')
        if body:
            decodes_to(links[kind], want())
            assert note.is_hidden()
        else:
            decodes_to(links[kind], want(body=False))
            assert note.is_visible()
    assert rfc_decode(links["gmail"])["body"]  # Gmail's cap takes 3,000 characters
    assert not rfc_decode(links["yahoo"])["body"]  # Yahoo's does not
    assert v.console_errors == []


def test_on_windows_the_button_copies_and_opens_in_one_click(visit, long_site):
    v = as_platform(visit, "windows")
    v.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=long_site)
    page = v.open(long_site + PAGE, at=None)
    decodes_to(hrefs(page)["mailto"], want(body=False))
    expect(page.locator("[data-one-click]")).to_be_visible()
    assert page.locator("[data-over-budget]").is_hidden()
    page.get_by_role("link", name="Send this email").click()
    status = page.locator("[data-send-status]")
    expect(status).to_have_text("The letter is copied: paste it into the email.")
    assert status.get_attribute("role") == "status"
    assert page.evaluate("navigator.clipboard.readText()") == LETTER
    page.wait_for_timeout(200)
    assert len(v.navigations) == 1
    decodes_to(v.navigations[0], want(body=False))
    assert v.console_errors == []


def test_a_webmail_link_over_its_cap_copies_and_opens_too(visit, long_site):
    v = as_platform(visit, "windows")
    v.context.grant_permissions(["clipboard-read", "clipboard-write"])  # read back there too
    page = v.open(long_site + PAGE, at=None)
    yahoo = page.locator('[data-link="yahoo"]')
    expect(yahoo.locator("[data-paste-note]")).to_be_visible()
    with page.expect_navigation(url="https://compose.mail.yahoo.com/**"):
        yahoo.click()
    decodes_to(page.url, want(body=False))
    assert page.evaluate("navigator.clipboard.readText()") == LETTER


def test_a_refused_clipboard_falls_back_to_two_steps(visit, long_site):
    v = as_platform(visit, "windows")
    v.page.add_init_script(
        "navigator.clipboard.writeText = () => Promise.reject(new Error('refused'));"
    )
    page = v.open(long_site + PAGE, at=None)
    page.get_by_role("link", name="Send this email").click()
    expect(page.locator("[data-send-status]")).to_contain_text("Could not copy the letter")
    notice = page.locator("[data-over-budget]")
    expect(notice).to_be_visible()
    assert "Copy the letter, then open your email" in notice.inner_text()
    assert page.locator("[data-one-click]").is_hidden()
    page.wait_for_timeout(200)
    assert v.navigations == []  # the visitor copies first; the next press is a plain link


def test_count_is_an_unticked_choice_that_adds_a_bcc(visit, long_site):
    v = as_platform(visit, "mac")
    page = v.open(long_site + PAGE, at=None)
    box = page.get_by_label("Also send a copy to Friends of the Park", exact=False)
    assert box.is_visible() and not box.is_checked()
    assert page.locator("[data-counted]").is_hidden()  # the box replaces the second link
    for kind, href in hrefs(page).items():
        assert rfc_decode(href)["bcc"] == [], kind
    box.check()
    for href in hrefs(page).values():
        decodes_to(href, want(body=bool(rfc_decode(href)["body"]), bcc=[TALLY]))
    decodes_to(hrefs(page)["mailto"], want(bcc=[TALLY]))
    box.uncheck()
    assert all(rfc_decode(h)["bcc"] == [] for h in hrefs(page).values())


def test_count_without_javascript_is_a_second_link(visit, long_site):
    page = visit(javascript=False).open(long_site + PAGE, at=None)
    assert page.locator("[data-module='megaphone-count']").is_hidden()
    second = page.get_by_role("link", name="Send, and let Friends of the Park count it")
    assert second.is_visible()
    decodes_to(second.get_attribute("href"), want(body=False, bcc=[TALLY]))
    decodes_to(hrefs(page)["mailto"], want(body=False))
    assert page.locator("[data-over-budget]").is_visible()  # today's two-step wording
