"""A representative's page in one language leads to the same representative's page
in the campaign's other languages (issue 22, part 3), in a real browser: the switcher
is a link a visitor follows, and the page it opens writes to the same person, in that
language's words and with that language's title for them (Titles)."""

from __future__ import annotations

import csv

import pytest
from test_titles import LIST, site

from browser.support import serve
from helpers import build


@pytest.fixture(scope="module")
def two_languages(tmp_path_factory):
    root = tmp_path_factory.mktemp("representative-languages")
    server, url = serve(build(site(root), root / "out", "2021-01-01"))
    yield url
    server.shutdown()


def second_row() -> dict[str, str]:
    with open(LIST, encoding="utf-8", newline="") as source:
        return list(csv.DictReader(source))[1]


def test_the_switcher_on_a_representatives_page_opens_the_same_person_in_spanish(
    visit, two_languages
):
    row = second_row()
    page = visit().open(f"{two_languages}/s79/to/{row['area']}/")
    assert page.locator("html").get_attribute("lang") == "en"
    switcher = page.locator("nav.languages a[hreflang=es]")
    assert switcher.inner_text() == "Español"
    switcher.click()
    page.wait_for_url(f"**/es/s79/to/{row['area']}/")
    assert page.locator("html").get_attribute("lang") == "es"
    letter = page.locator(".letter-body").inner_text()
    assert letter.startswith(f"Estimado/a Senador {row['name']}:")
    back = page.locator("nav.languages a[hreflang=en]")
    assert back.get_attribute("href").endswith(f"/s79/to/{row['area']}/")
