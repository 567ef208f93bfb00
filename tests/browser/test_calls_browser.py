"""A call in a real browser: a tel: link that works without the script, what to say
filled in as the visitor types, "Copy the number", a keyboard alone reaching the
call, and nothing for axe to find, beside an email and on its own."""

from __future__ import annotations

import pytest

from browser.support import AXE, AXE_OPTIONS, serve
from helpers import build, campaign_md

SCRIPT = "Hello, my name is [Your name] and I live in [Your neighborhood].\nKeep the park open."
TEL = "tel:+12126399675"


@pytest.fixture(scope="module")
def call_sites(tmp_path_factory):
    root = tmp_path_factory.mktemp("calls")
    folder = root / "content" / "campaigns"
    folder.mkdir(parents=True)
    block = f"\n```call\n{SCRIPT}\n```\n"
    both = campaign_md(slug="both", fields={"Call": "Office of the Mayor <212-639-9675>"})
    alone = campaign_md(
        slug="alone", to=None, subject=None, letter=None, fields={"Call": "212-639-9675"}
    )
    (folder / "both.md").write_text(both + block, "utf-8")
    (folder / "alone.md").write_text(alone + block, "utf-8")
    server, url = serve(build(root / "content", root / "out", "2021-01-01"))
    yield {"both": url + "/both/", "alone": url + "/alone/", "origin": url}
    server.shutdown()


@pytest.mark.parametrize("which", ["both", "alone"])
def test_without_javascript_the_call_is_a_real_link_with_its_number(visit, call_sites, which):
    page = visit(javascript=False).open(call_sites[which], at=None)
    link = page.locator("[data-call-link]")
    assert link.get_attribute("href") == TEL
    assert link.inner_text() == "Call (212) 639-9675"
    assert page.locator("[data-call-script]").inner_text() == SCRIPT


@pytest.mark.parametrize("which", ["both", "alone"])
def test_what_to_say_fills_in_as_the_visitor_types(visit, call_sites, which):
    page = visit().open(call_sites[which], at=None)
    page.get_by_label("Your name", exact=True).first.fill("Ana Ruiz")
    page.get_by_label("Your neighborhood", exact=True).first.fill("Elmhurst")
    script = SCRIPT.replace("[Your name]", "Ana Ruiz").replace("[Your neighborhood]", "Elmhurst")
    assert page.locator("[data-call-script]").inner_text() == script
    assert page.locator("[data-call-link]").get_attribute("href") == TEL  # never changes


def test_copy_the_number(visit, call_sites):
    v = visit()
    v.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=call_sites["origin"])
    page = v.open(call_sites["alone"], at=None)
    page.locator('[data-copy="number"]').click()
    assert page.evaluate("navigator.clipboard.readText()") == "+12126399675"
    assert page.locator(".call [data-status]").first.inner_text() == "Number copied"


@pytest.mark.parametrize("which", ["both", "alone"])
def test_a_keyboard_alone_reaches_the_call(visit, call_sites, which):
    page = visit().open(call_sites[which], at=None)
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.hasAttribute('data-call-link')"):
            break
    else:
        pytest.fail("the call link cannot be reached with the Tab key")
    assert page.evaluate("document.activeElement.getAttribute('href')") == TEL


@pytest.mark.parametrize("which", ["both", "alone"])
def test_axe_finds_nothing_on_a_call(visit, call_sites, which):
    page = visit().open(call_sites[which], at=None)
    page.get_by_label("Your name", exact=True).first.fill("Ana Ruiz")
    results = AXE.run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()
