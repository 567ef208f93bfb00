"""The page's script reads placeholders exactly as the Python model does
(tests/vectors/placeholders.json), and fills the subject and the letter
chooser as the visitor types."""

import json
from pathlib import Path

import pytest

from browser.support import hrefs, serve
from decoders import rfc_decode
from helpers import build, campaign_md

VECTORS = json.loads(
    (Path(__file__).parent.parent / "vectors" / "placeholders.json").read_text("utf-8")
)


def test_placeholder_vectors_in_the_browser(visit, sites):
    page = visit().open(sites["open"] + "/")
    got = page.evaluate(
        "cases => cases.map(c => "
        "[Megaphone.placeholders(c.text), Megaphone.fill(c.text, c.values)])",
        VECTORS["cases"],
    )
    for case, (names, filled) in zip(VECTORS["cases"], got, strict=True):
        assert names == case["placeholders"], case["name"]
        assert filled == case["filled"], case["name"]


def test_excerpt_vectors_in_the_browser(visit, sites):
    page = visit().open(sites["open"] + "/")
    got = page.evaluate(
        "cases => cases.map(c => Megaphone.excerpt(Megaphone.fill(c.letter, c.values)))",
        VECTORS["excerpts"],
    )
    assert got == [case["excerpt"] for case in VECTORS["excerpts"]]


def test_label_vectors_in_the_browser(visit, sites):
    page = visit().open(sites["open"] + "/")
    got = page.evaluate("cases => cases.map(c => Megaphone.labels(c.letters))", VECTORS["labels"])
    assert got == [case["labels"] for case in VECTORS["labels"]]


def test_the_script_reads_brackets_without_lookbehind():
    """Old Safari cannot parse `(?<` at all: the whole script would not run there."""
    script = Path(__file__).parent.parent.parent / "theme" / "static" / "js" / "megaphone.js"
    assert "(?<" not in script.read_text("utf-8")


LETTERS = [
    "Dear Council,\n\nThe park matters to [Your street].\n\n[Your name]",
    "Hello,\n\nI walk on [Your street] every day.\n\n[Your name]",
]


@pytest.fixture(scope="module")
def subject_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("subject")
    content = root / "content" / "campaigns"
    content.mkdir(parents=True)
    text = campaign_md(slug="park", subject="Save the park on [Your street]", letters=LETTERS)
    (content / "park.md").write_text(text, "utf-8")
    server, url = serve(build(root / "content", root / "out", "2021-01-01"))
    yield url + "/park/"
    server.shutdown()


def test_one_field_fills_the_subject_and_the_letter_in_every_link(visit, subject_site):
    v = visit()
    v.context.add_init_script("crypto.getRandomValues = a => { a[0] = 0; return a; }")
    page = v.open(subject_site, at=None)
    labels = page.locator("[data-fields] label").all_inner_texts()
    assert labels == ["Your street", "Your name"]  # the subject's first, each once
    page.get_by_label("Your street", exact=True).fill("Elm Street")
    assert page.inner_text("[data-subject-text]") == "Save the park on Elm Street"
    letter = LETTERS[0].replace("[Your street]", "Elm Street")
    for kind, href in hrefs(page).items():
        decoded = rfc_decode(href)
        assert decoded["subject"] == "Save the park on Elm Street", kind
        assert decoded["body"] == letter.replace("\n", "\r\n"), kind


def test_the_copied_subject_is_filled_in(visit, subject_site):
    v = visit()
    origin = subject_site.rsplit("/park/", 1)[0]
    v.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=origin)
    page = v.open(subject_site, at=None)
    page.get_by_label("Your street", exact=True).fill("Elm Street")
    page.locator('.letter [data-copy="subject"]').click()
    assert page.evaluate("navigator.clipboard.readText()") == "Save the park on Elm Street"


def test_the_letter_chooser_shows_the_visitors_words(visit, subject_site):
    page = visit().open(subject_site, at=None)
    choice = page.locator("[data-variant-choice] label")
    assert choice.all_inner_texts() == [
        "The park matters to [Your street].",
        "I walk on [Your street] every day.",
    ]
    page.get_by_label("Your street", exact=True).fill("Elm Street")
    assert choice.all_inner_texts() == [
        "The park matters to Elm Street.",
        "I walk on Elm Street every day.",
    ]
    page.get_by_label("I walk on Elm Street every day.").check()
    assert "I walk on Elm Street every day." in page.inner_text("[data-letter-preview]")


def test_without_javascript_the_subject_stays_as_written(visit, subject_site):
    page = visit(javascript=False).open(subject_site, at=None)
    assert page.inner_text("[data-subject-text]") == "Save the park on [Your street]"
    for kind, href in hrefs(page).items():
        assert rfc_decode(href)["subject"] == "Save the park on [Your street]", kind


SAME_OPENING = [
    "Dear Council,\n\nThe park matters to [Your street].\n\nIt is where our children play.",
    "Dear Council,\n\nThe park matters to [Your street].\n\nIt is where older people meet.",
]


@pytest.fixture(scope="module")
def same_opening_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("same-opening")
    content = root / "content" / "campaigns"
    content.mkdir(parents=True)
    (content / "park.md").write_text(campaign_md(slug="park", letters=SAME_OPENING), "utf-8")
    server, url = serve(build(root / "content", root / "out", "2021-01-01"))
    yield url + "/park/"
    server.shutdown()


def test_versions_that_open_alike_keep_labels_that_differ_as_the_visitor_types(
    visit, same_opening_site
):
    page = visit().open(same_opening_site, at=None)
    choice = page.locator("[data-variant-choice] label")
    differ = ["\u2026our children play.", "\u2026older people meet."]
    assert choice.all_inner_texts() == differ
    page.get_by_label("Your street", exact=True).fill("Elm Street")
    assert choice.all_inner_texts() == differ


def test_after_choosing_a_representative_only_the_visitors_blanks_are_boxes(visit, tmp_path):
    content = tmp_path / "content"
    (content / "campaigns").mkdir(parents=True)
    (content / "targets").mkdir()
    (content / "targets" / "council.csv").write_text(
        "area,name,title,email\n1,Ana Ruiz,Council Member,ana@example.org\n", "utf-8"
    )
    (content / "targets" / "council.postcodes.csv").write_text("postcode,area\n10001,1\n", "utf-8")
    letter = "Dear [Target title] [Target Name],\n\nI live in [Area].\n\n[Your name]"
    text = campaign_md(slug="council", letter=letter)
    (content / "campaigns" / "council.md").write_text(
        text.replace("To: council@example.org", "Targets: council"), "utf-8"
    )
    server, url = serve(build(content, tmp_path / "out", "2021-01-01"))
    try:
        page = visit().open(url + "/council/", at=None)
        page.wait_for_selector("[data-finder]:not([hidden])")
        page.fill("#targets-postcode", "10001")
        page.locator("[data-results] button").first.click()
        boxes = page.locator("[data-fields] label")
        assert [b.inner_text() for b in boxes.all() if b.is_visible()] == ["Your name"]
    finally:
        server.shutdown()
