"""The action page in a visitor's hands, in a real Chromium."""

import re
from datetime import datetime

import pytest
from playwright.sync_api import expect

from browser.support import (
    EXAMPLE,
    LETTER,
    NEW_YORK,
    SUBJECT,
    as_platform,
    assert_all_links_carry,
    hrefs,
    serve,
)
from decoders import rfc_decode
from helpers import AWKWARD_LETTER, AWKWARD_SUBJECT, build, campaign_md
from settings_under_test import ROOT


def test_typing_a_name_personalises_the_letter_and_every_link(visit, sites):
    page = visit().open(sites["open"] + EXAMPLE)
    page.get_by_label("Your name", exact=True).fill("Zoë Nguyễn")
    page.get_by_label("Your city", exact=True).fill("Queens")
    letter = LETTER.replace("[Your name]", "Zoë Nguyễn").replace("[Your city]", "Queens")
    assert page.inner_text("[data-letter-preview]") == letter
    assert_all_links_carry(page, letter)


def test_an_awkward_letter_personalised_with_an_awkward_name(visit, sites):
    page = visit().open(sites["open"] + "/awkward/")
    name = 'Zoë "Z" O\'Brien & <b>Co</b> + 100% #1 = ?; 李 😀'
    page.get_by_label("Your name", exact=True).fill(name)
    letter = AWKWARD_LETTER.replace("[Your name]", name)
    assert page.inner_text("[data-letter-preview]") == letter
    assert page.locator("[data-letter-preview] b").count() == 0  # text, never markup
    assert_all_links_carry(
        page,
        letter,
        AWKWARD_SUBJECT,
        to=("council@example.org", "a+b@example.org"),
        cc=("josé@xn--exmple-cua.org",),
    )


def test_editing_the_letter_changes_the_links_and_reset_restores_it(visit, sites):
    page = visit().open(sites["open"] + EXAMPLE)
    page.get_by_label("Your name", exact=True).fill("Sam")
    page.get_by_text("Edit the letter").click()
    edited = "I live in Brooklyn and I am worried.\n\n" + LETTER
    page.get_by_label("The letter.").fill(edited)
    expected = edited.replace("[Your name]", "Sam")
    assert page.inner_text("[data-letter-preview]") == expected
    assert_all_links_carry(page, expected)
    page.get_by_role("button", name="Reset to the original").click()
    assert_all_links_carry(page, LETTER.replace("[Your name]", "Sam"))
    expect(page.locator(".edit [data-status]")).to_contain_text("back to the original")


def test_without_javascript_every_send_link_is_complete(visit, sites):
    page = visit(javascript=False).open(sites["open"] + EXAMPLE, at=None)
    assert_all_links_carry(page, LETTER)
    assert page.locator("[data-copy]:visible").count() == 0  # nothing that needs the script shows
    assert page.locator("[data-personalise]").is_hidden()
    assert page.get_by_text("Replace the words in square brackets").is_visible()


@pytest.mark.parametrize(
    "what,label,expected",
    [
        ("to", "Copy address", "postact@nypd.org"),
        ("subject", "Copy subject", SUBJECT),
        ("letter", "Copy the letter", LETTER.replace("[Your name]", "Ana")),
    ],
)
def test_copy_buttons_put_the_right_text_on_the_clipboard(visit, sites, what, label, expected):
    v = visit()
    v.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=sites["open"])
    page = v.open(sites["open"] + EXAMPLE)
    page.get_by_label("Your name", exact=True).fill("Ana")
    button = page.locator(f'.letter [data-copy="{what}"]')
    assert button.inner_text() == label
    button.click()
    assert page.evaluate("navigator.clipboard.readText()") == expected
    status = button.locator("xpath=following-sibling::*[@data-status][1]")
    # The confirmation follows the clipboard's promise: wait for it, don't read it at once.
    expect(status).to_contain_text("copied")
    assert status.get_attribute("role") == "status"


def test_a_long_letter_leads_with_copy_then_open(visit, sites):
    """On Windows: the mail-app link drops the letter, and the button copies it."""
    page = as_platform(visit, "windows").open(sites["open"] + EXAMPLE)
    page.get_by_text("Edit the letter").click()
    page.get_by_label("The letter.").fill("Dear Commissioner,\n\n" + "Ban it now, please. " * 120)
    notice = page.locator("[data-one-click]")
    assert notice.is_visible() and "copy it and open your email" in notice.inner_text()
    assert rfc_decode(hrefs(page)["mailto"])["body"] == ""
    assert "Ban it now" in rfc_decode(hrefs(page)["gmail"])["body"]


def test_a_long_letter_goes_whole_on_linux(visit, sites):
    """Chromium here says Linux: its mail apps take long links."""
    page = visit().open(sites["open"] + EXAMPLE)
    assert page.evaluate("navigator.userAgentData.platform") == "Linux"
    page.get_by_text("Edit the letter").click()
    page.get_by_label("The letter.").fill("Dear Commissioner,\n\n" + "Ban it now, please. " * 120)
    assert page.locator("[data-over-budget]").is_hidden()
    assert page.locator("[data-send-intro]").is_visible()
    assert "Ban it now" in rfc_decode(hrefs(page)["mailto"])["body"]


def test_countdown_before_the_deadline(visit, sites):
    page = visit(timezone="Europe/London").open(sites["open"] + EXAMPLE)
    assert page.inner_text("[data-countdown]") == "3 days left"
    local = page.inner_text("[data-local-time]")
    # In London the New York deadline is already Friday, at 4:59 in the morning.
    assert "Friday" in local and "26" in local and "February" in local and "4:59" in local


def test_countdown_on_the_last_day(visit, sites):
    page = visit(timezone="America/New_York").open(
        sites["open"] + EXAMPLE, at=datetime(2021, 2, 25, 9, 0, tzinfo=NEW_YORK)
    )
    assert re.fullmatch(
        r"Closes today at 11:59\s?(pm|PM), New York time", page.inner_text("[data-countdown]")
    )
    assert page.locator("[data-local-time]").is_hidden()  # same zone: nothing to add


def test_the_page_closes_itself_at_the_deadline(visit, sites):
    page = visit().open(sites["open"] + EXAMPLE, at=datetime(2021, 2, 25, 23, 58, tzinfo=NEW_YORK))
    assert page.locator(".send").is_visible()
    page.clock.run_for("03:00")
    assert page.locator(".send").is_hidden()
    assert page.locator("[data-closed]").is_visible()
    assert page.locator("[data-personalise]").is_hidden()
    assert page.locator(".letter-body").is_visible()  # the letter stays readable


def test_a_page_opened_after_the_deadline_is_closed_even_if_not_rebuilt(visit, sites):
    page = visit().open(sites["open"] + EXAMPLE, at=datetime(2021, 3, 2, 8, 0, tzinfo=NEW_YORK))
    assert page.locator("[data-closed]").is_visible() and page.locator(".send").is_hidden()


def test_the_mail_provider_choice_is_remembered_and_can_be_forgotten(visit, sites):
    v = visit()
    v.context.route(re.compile(r"^https://(?!127\.0\.0\.1)"), lambda route: route.abort())
    page = v.open(sites["open"] + EXAMPLE)
    assert page.locator("[data-remembered]").is_hidden()
    page.locator('[data-link="gmail"]').click()
    page.goto(sites["open"] + EXAMPLE)
    notice = page.locator("[data-remembered]")
    assert notice.is_visible() and "Gmail" in notice.inner_text()
    assert "preferred" in page.get_attribute('[data-link="gmail"]', "class")
    page.get_by_role("button", name="Forget my choice").click()
    assert page.evaluate("localStorage.length") == 0 and notice.is_hidden()
    expect(page.locator("#forget-status")).to_have_text("Your choice is forgotten.")
    assert v.context.cookies() == []


def test_mastodon_instance_field_builds_a_share_link(visit, sites):
    page = visit().open(sites["open"] + EXAMPLE)
    page.get_by_label("Your Mastodon server").fill("https://Mastodon.Social/")
    href = page.get_attribute("[data-mastodon-link]", "href")
    assert href.startswith("https://mastodon.social/share?text=Tell%20the%20NYPD")
    page.get_by_label("Your Mastodon server").fill("not a server")
    assert page.get_attribute("[data-mastodon-link]", "href").startswith("https://s2f.kytta.dev/")


@pytest.mark.parametrize("javascript", [True, False])
def test_keyboard_only_on_a_phone_reaches_a_correct_email(visit, sites, javascript):
    page = visit(javascript=javascript, width=360).open(
        sites["open"] + EXAMPLE,
        at=None if not javascript else datetime(2021, 2, 22, 12, 0, tzinfo=NEW_YORK),
    )
    focused = []
    for _ in range(30):
        page.keyboard.press("Tab")
        focused.append(page.evaluate("document.activeElement.textContent.trim()"))
        if focused[-1] == "Send this email":
            break
    assert focused[0] == "Skip to the main content"
    assert focused[-1] == "Send this email", focused
    href = page.evaluate("document.activeElement.href")
    assert rfc_decode(href)["to"] == ["postact@nypd.org"] and rfc_decode(href)["body"]
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"  # a visible focus
    assert page.evaluate("document.documentElement.scrollWidth") <= 360  # no sideways scrolling


def test_the_script_never_writes_html():
    script = (ROOT / "theme" / "static" / "js" / "megaphone.js").read_text("utf-8")
    assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(", script)


def test_the_spanish_page_works_in_spanish(visit, sites):
    v = visit()
    v.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=sites["open"])
    page = v.open(sites["open"] + "/es" + EXAMPLE)
    assert page.inner_text("[data-countdown]") == "Quedan 3 días"
    page.get_by_label("Tu nombre", exact=True).fill("Ana")
    body = rfc_decode(hrefs(page)["gmail"])["body"]
    assert body.startswith("Estimado comisionado:") and "\r\nAna\r\n" in body
    page.locator('.letter [data-copy="subject"]').click()
    # Set when the clipboard's promise resolves: expect() waits for it (it was flaky).
    expect(page.locator(".letter [data-status]").nth(1)).to_have_text("Asunto copiado")


def test_letter_variants_with_javascript(visit, sites, tmp_path):
    letters = [
        "Dear Council,\n\nPlease keep it open.\n\n[Your name]",
        "Hello,\n\nI walk there every day.\n\n[Your name]\n[Your street]",
    ]
    text = campaign_md(slug="park", letters=letters).replace(
        "Subject: Keep the park open", "Subjects: One | Two"
    )
    content = tmp_path / "content" / "campaigns"
    content.mkdir(parents=True)
    (content / "park.md").write_text(text, "utf-8")
    server, url = serve(build(tmp_path / "content", tmp_path / "out", "2021-01-01"))
    try:
        v = visit()
        # The random pick: make it land on the second variant and the second subject.
        v.context.add_init_script("crypto.getRandomValues = a => { a[0] = 1; return a; }")
        page = v.open(url + "/park/", at=None)
        assert page.locator("[data-variant-choice]").is_visible()
        assert page.locator(".other-versions").is_hidden()
        assert page.locator("#variant-2").is_checked()
        assert page.get_by_label("Your street").is_visible()  # fields from every variant
        decoded = rfc_decode(page.get_attribute('[data-link="gmail"]', "href"))
        assert decoded["body"] == letters[1].replace("\n", "\r\n") and decoded["subject"] == "Two"
        page.get_by_label("Please keep it open.").check()
        page.get_by_label("Your name", exact=True).fill("Ana")
        decoded = rfc_decode(page.get_attribute('[data-link="mailto"]', "href"))
        assert decoded["body"] == letters[0].replace("[Your name]", "Ana").replace("\n", "\r\n")
        assert page.inner_text("[data-letter-preview]") == letters[0].replace("[Your name]", "Ana")
    finally:
        server.shutdown()
