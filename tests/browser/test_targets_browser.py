"""Write to your own representative, in a real browser: a postcode finds them
(one area, or several to choose from), a search filters the list, the keyboard
alone does it all, axe finds nothing, and the postcode never leaves the page."""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import expect

import pelican.plugins.megaphone.model.targets as targets_model
from browser.support import AXE, AXE_OPTIONS, assert_all_links_carry, serve
from decoders import rfc_decode
from helpers import build, campaign_md

LIST = (
    "area,name,title,email\n"
    "1,Ana Ruiz,Council Member,ana@example.org\n"
    "2,Ben Ode,Council Member,ben@example.org\n"
    '3,Cy Li,Council Member,"cy@example.org, cy.office@example.org"\n'
)
MAP = "postcode,area\n10001,1\n10002,1\n10002,2\n10003,3\n20001,2\nSW1A 1AA,3\n"
LETTER = "Dear [Target title] [Target name],\n\nI live in area [Area].\n\n[Your name]"
SUBJECT = "To [Target name]: keep the park open"
PAGE = "/council/"


def _site(root, *, shards: bool):
    content = root / "content"
    (content / "campaigns").mkdir(parents=True)
    (content / "targets").mkdir()
    (content / "targets" / "council.csv").write_text(LIST, "utf-8")
    (content / "targets" / "council.postcodes.csv").write_text(MAP, "utf-8")
    text = campaign_md(slug="council", to="clerk@example.org", subject=SUBJECT, letter=LETTER)
    (content / "campaigns" / "council.md").write_text(
        text.replace("Subject:", "Targets: council\nSubject:"), "utf-8"
    )
    before = targets_model.INLINE_POSTCODES
    targets_model.INLINE_POSTCODES = 0 if shards else before  # a large map, in small
    try:
        return build(content, root / "output", "2021-01-01")
    finally:
        targets_model.INLINE_POSTCODES = before


@pytest.fixture(scope="module")
def council(tmp_path_factory):
    servers, urls = [], {}
    for kind in ("inline", "shards"):
        server, urls[kind] = serve(_site(tmp_path_factory.mktemp(kind), shards=kind == "shards"))
        servers.append(server)
    yield urls
    for server in servers:
        server.shutdown()


def filled(text, name, area):
    return (
        text.replace("[Target title]", "Council Member")
        .replace("[Target name]", name)
        .replace("[Area]", area)
    )


def open_page(visit, url):
    v = visit()
    page = v.open(url + PAGE, at=None)
    page.wait_for_selector("[data-finder]:not([hidden])")
    return v, page


@pytest.mark.parametrize("kind", ["inline", "shards"])
def test_a_postcode_in_one_area_finds_the_representative(visit, council, kind):
    v, page = open_page(visit, council[kind])
    assert page.is_hidden("section.send")  # nobody to write to yet
    page.fill("#targets-postcode", "10001")
    page.wait_for_selector("[data-results] button")
    buttons = page.locator("[data-results] button")
    assert buttons.count() == 1 and "Ana Ruiz" in buttons.inner_text()
    assert page.inner_text("[data-found]").startswith("Found your representative")
    buttons.click()
    assert page.is_visible("section.send")
    assert "Ana Ruiz" in page.inner_text("[data-found]")
    # Named as on Ana's own page, built by Python.
    assert page.inner_text("[data-to-text]") == "Ana Ruiz <ana@example.org>, clerk@example.org"
    own = v.context.new_page()
    own.goto(council[kind] + PAGE + "to/1/")
    assert own.inner_text("[data-to-text]") == page.inner_text("[data-to-text]")
    assert_all_links_carry(
        page,
        filled(LETTER, "Ana Ruiz", "1"),
        subject=filled(SUBJECT, "Ana Ruiz", "1"),
        to=("ana@example.org", "clerk@example.org"),
    )
    assert v.console_errors == []


@pytest.mark.parametrize("kind", ["inline", "shards"])
def test_a_postcode_across_areas_offers_each_and_the_visitor_chooses(visit, council, kind):
    v, page = open_page(visit, council[kind])
    page.fill("#targets-postcode", " 100 02 ")
    page.locator("[data-results] button").nth(1).wait_for()
    assert "more than one area" in page.inner_text("[data-found]")
    page.get_by_role("button", name=re.compile("Ben Ode")).click()
    assert_all_links_carry(
        page,
        filled(LETTER, "Ben Ode", "2"),
        subject=filled(SUBJECT, "Ben Ode", "2"),
        to=("ben@example.org", "clerk@example.org"),
    )
    # Nothing but the site's own files, and never the postcode.
    origin = urlsplit(council[kind]).netloc
    assert all(urlsplit(url).netloc == origin for url in v.requests), v.requests
    assert not any("10002" in unquote(url) for url in v.requests), v.requests
    fetched = [urlsplit(url).path for url in v.requests if "/targets/" in url]
    want = ["/council/targets/data.json"] + (
        ["/council/targets/council/100.json"] if kind == "shards" else []
    )
    assert fetched == want


def test_an_unknown_postcode_says_so(visit, council):
    _, page = open_page(visit, council["shards"])
    page.fill("#targets-postcode", "99999")
    expect(page.locator("[data-found]")).to_have_text(re.compile("."))
    assert page.inner_text("[data-found]").startswith("No representative found")
    assert page.locator("[data-results] button").count() == 0


def test_search_by_name_or_area(visit, council):
    _, page = open_page(visit, council["inline"])
    page.fill("#targets-search", "cy")
    visible = [t for t in page.locator(".target-list li:visible").all_inner_texts()]
    assert visible == ["3: Council Member Cy Li"]
    assert page.inner_text("[data-found]") == "1 match your search."
    page.fill("#targets-search", "")
    assert page.locator(".target-list li:visible").count() == 3


def test_keyboard_only(visit, council):
    _, page = open_page(visit, council["inline"])
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "targets-postcode":
            break
    else:
        pytest.fail("Tab never reaches the postcode field")
    page.keyboard.type("10003")
    page.wait_for_selector("[data-results] button")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # past the search field, to the representative
    assert "Cy Li" in page.evaluate("document.activeElement.textContent")
    page.keyboard.press("Enter")
    assert_all_links_carry(
        page,
        filled(LETTER, "Cy Li", "3"),
        subject=filled(SUBJECT, "Cy Li", "3"),
        to=("cy@example.org", "cy.office@example.org", "clerk@example.org"),
    )


@pytest.mark.parametrize("chosen", [False, True])
def test_axe_finds_no_violation(visit, council, chosen):
    _, page = open_page(visit, council["inline"])
    if chosen:
        page.fill("#targets-postcode", "10002")
        page.wait_for_selector("[data-results] button")
        page.locator("[data-results] button").first.click()
    results = AXE.run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()


def test_axe_on_a_representatives_page(visit, council):
    v = visit()
    page = v.open(council["inline"] + PAGE + "to/1/", at=None)
    results = AXE.run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()


def test_without_javascript_two_links_lead_to_a_complete_letter(visit, council):
    v = visit(javascript=False)
    page = v.open(council["inline"] + PAGE, at=None)
    assert page.is_hidden("[data-finder]") and page.is_hidden("section.send")
    page.get_by_role("link", name="2: Council Member Ben Ode").click()
    page.wait_for_url("**/council/to/2/")
    assert_all_links_carry(
        page,
        filled(LETTER, "Ben Ode", "2"),
        subject=filled(SUBJECT, "Ben Ode", "2"),
        to=("ben@example.org", "clerk@example.org"),
    )


@pytest.mark.parametrize("kind", ["inline", "shards"])
def test_a_postcode_with_letters_and_a_space_is_read_as_the_map_writes_it(visit, council, kind):
    v, page = open_page(visit, council[kind])
    page.fill("#targets-postcode", "sw1a 1aa")
    page.wait_for_selector("[data-results] button")
    assert "Cy Li" in page.locator("[data-results] button").inner_text()
    fetched = [urlsplit(url).path for url in v.requests if "/targets/" in url]
    assert fetched[-1] == (
        "/council/targets/council/sw1.json" if kind == "shards" else "/council/targets/data.json"
    )
    assert not any("1AA" in unquote(url).upper() for url in v.requests)


SEND_ADDRESSES = ("mailto:",) + tuple(
    "https://" + host
    for host in ("mail.google.com", "outlook.live.com", "outlook.office.com", "compose.mail")
)


def test_without_javascript_no_version_has_a_send_link_to_nobody(visit, tmp_path):
    """The campaign page has no representative yet: every send link of every
    version would write to the fixed To alone. Only each representative's page
    sends, every version, to them."""
    second = "Hello [Target name],\n\nArea [Area] needs the park.\n\n[Your name]"
    root = tmp_path / "two-letters"
    content = root / "content"
    (content / "targets").mkdir(parents=True)
    (content / "targets" / "council.csv").write_text(LIST, "utf-8")
    text = campaign_md(
        slug="council", to="clerk@example.org", subject=SUBJECT, letters=[LETTER, second]
    )
    (content / "campaigns").mkdir()
    (content / "campaigns" / "council.md").write_text(
        text.replace("Subject:", "Targets: council\nSubject:"), "utf-8"
    )
    server, url = serve(build(content, root / "output", "2021-01-01"))
    try:
        v = visit(javascript=False)
        page = v.open(url + PAGE, at=None)
        assert page.locator(".other-versions").is_visible()  # letter 2 is read here
        # The share section's own email link (to a friend, with the page's address) aside.
        links = page.locator("article > :not(.share) a[href]:visible")
        hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
        assert hrefs and not [h for h in hrefs if h.startswith(SEND_ADDRESSES)], hrefs
        labels = page.locator("a:visible, button:visible").all_inner_texts()
        assert not [label for label in labels if label.startswith("Send")], labels
        page.get_by_role("link", name="2: Council Member Ben Ode").click()
        page.wait_for_url("**/council/to/2/")
        send_two = page.get_by_role("link", name="Send letter 2")
        assert send_two.is_visible()
        got = rfc_decode(send_two.get_attribute("href"))
        assert got["to"] == ["ben@example.org", "clerk@example.org"]
        assert got["body"] == filled(second, "Ben Ode", "2").replace("\n", "\r\n")
    finally:
        server.shutdown()


POSTCODES_TYPED = ["10001-1234", " 10001 - 1234 ", "10001-123", "100-0001", "01000-000", "sw1a 1aa"]


def test_the_script_reads_a_postcode_as_the_build_does(visit, council):
    """A ZIP+4 is its ZIP in both; other shapes with a dash are whole postcodes."""
    _, page = open_page(visit, council["inline"])
    read = page.evaluate("(typed) => typed.map(window.Megaphone.postcode)", POSTCODES_TYPED)
    assert read == [targets_model.normal_postcode(typed) for typed in POSTCODES_TYPED]


@pytest.mark.parametrize("kind", ["inline", "shards"])
def test_a_zip_plus_four_finds_the_representative_of_its_zip(visit, council, kind):
    _, page = open_page(visit, council[kind])
    page.locator("#targets-postcode").press_sequentially("10003-12")
    page.wait_for_selector("[data-results] button")
    assert "Cy Li" in page.locator("[data-results] button").inner_text()  # kept while typing
    page.locator("#targets-postcode").press_sequentially("34")
    expect(page.locator("[data-results] button")).to_have_count(1)
    assert "Cy Li" in page.locator("[data-results] button").inner_text()
    assert page.inner_text("[data-found]").startswith("Found your representative")
