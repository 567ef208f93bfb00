"""A public comment's page in a real browser: the docket in every subject the page
sends (with and without the script, in every version), the agency's Limit counted
while the visitor edits, its warning, and nothing for axe to find in those states."""

from __future__ import annotations

import pytest

from browser.support import AXE, AXE_OPTIONS, hrefs, serve
from decoders import form_decode, rfc_decode
from helpers import build, campaign_md

DOCKET = "EXA-2026-0001"
LETTERS = [
    "Dear Council,\n\nPlease keep the park on [Your street] open.\n\n[Your name]",
    "Hello,\n\nI walk in the park every day. Keep it open.\n\n[Your name]",
]
LIMIT = 300


@pytest.fixture(scope="module")
def comment_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("comment")
    folder = root / "content" / "campaigns"
    folder.mkdir(parents=True)
    text = campaign_md(
        slug="park",
        subject="Keep the park open",
        letters=LETTERS,
        fields={
            "Subjects": f"Save the park on [Your street] | {DOCKET} comment: keep it",
            "Docket": DOCKET,
            "Limit": str(LIMIT),
            "Portal": "https://comments.example.org/EXA-2026-0001",
        },
    )
    (folder / "park.md").write_text(text, "utf-8")
    server, url = serve(build(root / "content", root / "out", "2021-01-01"))
    yield url + "/park/"
    server.shutdown()


def subjects_sent(page) -> set[str]:
    found = set()
    for kind, href in hrefs(page).items():
        decoded = rfc_decode(href)
        assert decoded == form_decode(href), kind
        found.add(decoded["subject"])
    return found


@pytest.mark.parametrize("pick", [0, 1, 2])
def test_every_subject_the_script_picks_carries_the_docket_once(visit, comment_site, pick):
    v = visit()
    v.context.add_init_script(f"crypto.getRandomValues = a => {{ a[0] = {pick}; return a; }}")
    page = v.open(comment_site, at=None)
    page.get_by_label("Your street", exact=True).fill("Elm Street")
    for number in (1, 2):
        if number == 2:
            page.locator("[data-variant-choice] label").nth(1).click()
        (subject,) = subjects_sent(page)
        assert subject.count(DOCKET) == 1, subject
        assert page.inner_text("[data-subject-text]") == subject
    assert (
        subject
        == [
            f"{DOCKET}: Keep the park open",
            f"{DOCKET}: Save the park on Elm Street",
            f"{DOCKET} comment: keep it",
        ][pick]
    )


def test_without_javascript_every_link_carries_the_docket(visit, comment_site):
    page = visit(javascript=False).open(comment_site, at=None)
    assert subjects_sent(page) == {f"{DOCKET}: Keep the park open"}
    assert page.inner_text(".docket") == f"A public comment on: {DOCKET}"
    assert page.locator("[data-module='megaphone-limit']").is_hidden()  # inside the editor


def open_editor(page):
    page.locator(".edit summary").click()
    return page.locator("[data-letter-editor]")


def test_the_counter_says_what_is_left_and_warns_past_the_limit(visit, comment_site):
    v = visit()
    v.context.add_init_script("crypto.getRandomValues = a => { a[0] = 0; return a; }")
    page = v.open(comment_site, at=None)  # the first version of the letter
    editor = open_editor(page)
    count = page.locator("[data-limit-count]")
    status = page.locator("[data-limit-status]")
    left = LIMIT - len(LETTERS[0]) - LETTERS[0].count("\n")  # a line break counts twice
    assert count.inner_text() == f"{left} characters left of the 300 the agency takes."
    page.get_by_label("Your name", exact=True).fill("Ana")  # the blanks count as filled
    left += len("[Your name]") - len("Ana")
    assert count.inner_text() == f"{left} characters left of the 300 the agency takes."
    editor.fill("x" * (LIMIT - 1))
    assert count.inner_text() == "1 character left of the 300 the agency takes."
    assert status.text_content() == ""  # nothing said while the letter stays under the limit
    editor.fill("\U0001f600" * (LIMIT // 2) + "\n")  # 2 each, as a browser's maxlength counts
    over = (
        "2 characters too many: the agency takes at most 300. "
        "Shorten the letter before you send it."
    )
    assert count.inner_text() == over
    assert "over" in page.locator("[data-module='megaphone-limit']").get_attribute("class")
    assert status.text_content() == over  # said once, as it goes over
    editor.fill("x" * 10)
    assert status.text_content() == "290 characters left of the 300 the agency takes."
    assert page.get_attribute("[data-letter-editor]", "aria-describedby") == "limit-count"


def test_axe_finds_nothing_in_the_comments_states(visit, comment_site):
    page = visit().open(comment_site, at=None)
    results = AXE.run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()
    open_editor(page).fill("x" * (LIMIT + 20))  # the warning, in its own colour
    results = AXE.run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()


def test_a_keyboard_alone_sends_the_comment(visit, comment_site):
    """Tab from the top of the page to the mail-app link, and press Enter on it."""
    page = visit().open(comment_site, at=None)
    mailto = page.locator('[data-link="mailto"]')
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('data-link')") == "mailto":
            break
    else:
        pytest.fail("the mail-app link cannot be reached with the Tab key")
    href = mailto.get_attribute("href")
    assert rfc_decode(href)["subject"].count(DOCKET) == 1
