"""The page's script reads placeholders exactly as the Python model does
(tests/vectors/placeholders.json), and fills the subject and the letter
chooser as the visitor types."""

import json
import random
from pathlib import Path

import pytest

from browser.support import hrefs, serve
from decoders import rfc_decode
from helpers import build, campaign_md
from pelican.plugins.megaphone.model.letter import fill, labels, placeholders

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


# Pieces that make brackets, links, escapes and versions that open alike meet.
PIECES = [
    "[",
    "]",
    "(",
    ")",
    "\\",
    " ",
    "\n",
    "\t",
    "Your name",
    "Your city",
    "1",
    "...",
    "https://x.org",
    "\u00e9",
    "\U0001f600",
    "[Your name]",
    "](https://e.org/a)",
    "[report]",
    "Dear Council,",
    "Keep it open.",
    "x" * 95,
]


def random_cases(seed: int, count: int) -> tuple[list, list]:
    """Texts and versions made of PIECES, with what Python reads in them."""
    rng = random.Random(seed)
    texts = ["".join(rng.choices(PIECES, k=rng.randint(0, 14))) for _ in range(count)]
    cases = []
    for text in texts:
        values = {name: rng.choice(["Ana", "", "$&"]) for name in placeholders(text)}
        cases.append([text, values, list(placeholders(text)), fill(text, values)])
    versions = []
    for _ in range(count):
        opening = "".join(rng.choices(PIECES[5:], k=rng.randint(0, 8)))
        letters = [
            opening + "".join(rng.choices(PIECES[5:], k=rng.randint(0, 4)))
            for _ in range(rng.randint(1, 4))
        ]
        versions.append([letters, labels(letters)])
    return cases, versions


def test_the_script_reads_random_brackets_and_versions_as_python_does(visit, sites):
    cases, versions = random_cases(19, 400)
    page = visit().open(sites["open"] + "/")
    got = page.evaluate(
        "([cases, versions]) => [cases.map(c => [Megaphone.placeholders(c[0]), "
        "Megaphone.fill(c[0], c[1])]), versions.map(v => Megaphone.labels(v[0]))]",
        [cases, versions],
    )
    assert got[0] == [[names, filled] for _, _, names, filled in cases]
    assert got[1] == [found for _, found in versions]


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
