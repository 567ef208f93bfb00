"""Several letter blocks are variants; `Subjects:` gives several subject lines."""

from decoders import rfc_decode
from helpers import campaign_md, soup

LETTERS = [
    "Dear Council,\n\nPlease keep the park open.\n\n[Your name]",
    "Hello,\n\nI walk my dog in that park every day. Keep it open!\n\n[Your name]",
    "To the Council:\n\nClosing the park would hurt [Your street].\n\n[Your name]",
]


def variant_site(site, subjects="Keep the park open | The park matters | Save our park"):
    text = campaign_md(slug="park", letters=LETTERS).replace(
        "Subject: Keep the park open", f"Subjects: {subjects}"
    )
    return soup(site({"park.md": text}, today="2021-01-01") / "park" / "index.html")


def test_without_javascript_each_variant_has_its_own_send_links(site):
    page = variant_site(site)
    main = [rfc_decode(a["href"]) for a in page.select("a[data-link]")]
    assert len(main) == 5 and all(m["body"] == LETTERS[0].replace("\n", "\r\n") for m in main)
    assert all(m["subject"] == "Keep the park open" for m in main)
    versions = page.select(".other-versions .version")
    assert len(versions) == 2
    subjects = ["The park matters", "Save our park"]
    for version, letter, subject in zip(versions, LETTERS[1:], subjects, strict=True):
        hrefs = [a["href"] for a in version.select("a")]
        assert len(hrefs) == 5
        for href in hrefs:
            decoded = rfc_decode(href)
            assert decoded["body"] == letter.replace("\n", "\r\n") and decoded["subject"] == subject
        assert version.find("pre").get_text() == letter


def test_the_chooser_offers_every_variant_first_checked(site):
    page = variant_site(site)
    choice = page.find(attrs={"data-variant-choice": True})
    assert choice.has_attr("hidden")  # the script shows it; without it the versions are listed
    assert "Choose the letter that sounds like you" in choice.legend.get_text()
    radios = choice.select("input[type=radio]")
    assert [r["data-letter"] for r in radios] == LETTERS
    assert radios[0].has_attr("checked") and not radios[1].has_attr("checked")
    labels = [label.get_text() for label in choice.select("label")]
    assert labels == [
        "Please keep the park open.",
        "I walk my dog in that park every day. Keep it open!",
        "Closing the park would hurt [Your street].",
    ]
    assert page.find("article")["data-subjects"].split("\n") == [
        "Keep the park open",
        "The park matters",
        "Save our park",
    ]


def test_subjects_one_per_line(site):
    text = campaign_md(slug="park").replace(
        "Subject: Keep the park open", "Subjects: First subject\n    Second subject"
    )
    page = soup(site({"park.md": text}, today="2021-01-01") / "park" / "index.html")
    assert page.find("article")["data-subjects"].split("\n") == ["First subject", "Second subject"]


def test_placeholders_from_every_variant(site):
    page = variant_site(site)
    assert "[Your street]" in page.find("article")["data-all-letters"]


def test_a_closed_campaign_keeps_every_version_readable(site):
    text = campaign_md(slug="park", letters=LETTERS, deadline="2020-01-01")
    page = soup(site({"park.md": text}, today="2021-01-01") / "park" / "index.html")
    versions = page.find(class_="other-versions")
    assert not versions.has_attr("data-no-js-only")  # the script keeps it: there is no chooser
    assert [pre.get_text() for pre in versions.find_all("pre")] == LETTERS[1:]
    assert versions.find("a") is None  # and nothing to send
