"""Each link within its cap: per platform for the mail-app link, per webmail
service, the caps shared with the script through tests/vectors/links.json;
and Count, the organisers' copy that a visitor may choose to send."""

import json
import logging
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from decoders import form_decode, rfc_decode
from helpers import campaign_md, soup
from pelican.plugins.megaphone.model import links
from pelican.plugins.megaphone.model.links import Message, build_links

VECTORS = json.loads((Path(__file__).parent / "vectors" / "links.json").read_text("utf-8"))
SERVICES = ("gmail", "outlook", "office365", "yahoo")


def test_the_caps_are_the_shared_ones():
    caps = VECTORS["caps"]
    assert links.DEFAULT_BUDGET == caps["mail_app"]["windows"]
    assert links.MAIL_APP_CAPS == {k: v for k, v in caps["mail_app"].items() if k != "windows"}
    assert links.SERVICE_CAPS == caps["services"]


def test_the_caps_stay_clear_of_the_known_failures():
    """From shared/reference/mailto.md: the numbers, not the code, are the evidence."""
    assert links.DEFAULT_BUDGET < 2000  # Firefox on Windows ~2,000, Chrome 2,046
    assert links.SERVICE_CAPS["gmail"] <= 6410 * 0.9  # HTTP 413 at about 6,410
    # A mailto handed to Gmail in the browser (ChromeOS) grows by about a quarter.
    assert links.MAIL_APP_CAPS["chromeos"] * 1.25 <= links.SERVICE_CAPS["gmail"]
    assert links.MAIL_APP_CAPS["roomy"] < 8192
    assert links.SERVICE_CAPS["outlook"] == links.SERVICE_CAPS["office365"] < 8000


def budget_message(case):
    m = VECTORS["budget_message"]
    body = case["body_repeat"] * case["times"]
    return Message(tuple(m["to"]), m["subject"], body, tuple(m["cc"]), tuple(m["bcc"])), body


CASES = VECTORS["budget_cases"]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
@pytest.mark.parametrize("platform", ["windows", "chromeos", "roomy"])
def test_budget_vectors(case, platform):
    message, body = budget_message(case)
    budget = VECTORS["caps"]["mail_app"][platform]
    built = build_links(message, budget)
    want = {"mailto": case["carries"]["mailto"][platform]} | {
        kind: case["carries"][kind] for kind in SERVICES
    }
    for kind, carries in want.items():
        assert built.has_body(kind) is carries, kind
        decoded = rfc_decode(getattr(built, kind))
        assert decoded["body"] == (body if carries else ""), kind
        assert decoded["to"] == ["a@x.org"] and decoded["subject"] == "S", kind


long_text = st.text(
    alphabet=st.sampled_from(list("ab é\n+&中😀")), min_size=1500, max_size=7000
).filter(str.strip)


@settings(max_examples=60, deadline=None)
@given(body=long_text, budget=st.sampled_from([1800, 4000, 8000]))
def test_no_link_exceeds_its_cap_and_only_the_body_goes(body, budget):
    message = Message(("a+b@example.org",), "Ban it & more", body, ("c@example.org",))
    built = build_links(message, budget)
    caps = {"mailto": budget, **links.SERVICE_CAPS}
    for kind, cap in caps.items():
        url = getattr(built, kind)
        assert len(url) <= cap, kind
        for decoded in (rfc_decode(url), form_decode(url)):
            assert decoded["to"] == ["a+b@example.org"] and decoded["cc"] == ["c@example.org"]
            assert decoded["subject"] == "Ban it & more"
            crlf = body.replace("\n", "\r\n")
            assert decoded["body"] == (crlf if built.has_body(kind) else ""), kind


# --- Count: the organisers' copy, only with the visitor's consent -------------------

LETTER = "Dear Council,\n\nPlease keep the park open.\n\n[Your name]"


def counting(count: str, **options) -> str:
    return campaign_md(slug="c", **options).replace("Subject:", f"Count: {count}\nSubject:", 1)


def test_count_with_a_name_offers_an_unticked_box_and_a_second_link(site):
    out = site({"c.md": counting("Friends of the Park <tally@org.example>")}, today="2021-01-01")
    page = soup(out / "c" / "index.html")
    box = page.find("input", attrs={"data-count-box": True})
    assert box["type"] == "checkbox" and not box.has_attr("checked")
    label = page.find("label", attrs={"for": box["id"]}).get_text()
    assert label == (
        "Also send a copy to Friends of the Park so they can count responses "
        "(they will see your name and letter)"
    )
    # The main link and every webmail link leave the organisers out.
    for a in page.select("a[data-link]"):
        assert "tally" not in a["href"]
    second = page.find("a", attrs={"data-counted": True})
    assert second.get_text() == "Send, and let Friends of the Park count it"
    want = {
        "to": ["council@example.org"],
        "cc": [],
        "bcc": ["tally@org.example"],
        "subject": "Keep the park open",
        "body": "Dear Council,\r\n\r\nPlease keep the park open.\r\n\r\nThank you,\r\n[Your name]",
    }
    assert rfc_decode(second["href"]) == want and form_decode(second["href"]) == want
    note = page.find(attrs={"data-count-privacy": True}).get_text()
    assert "tally@org.example" in note and "your name, your email address and the letter" in note
    assert "Bcc" in page.find(class_="count-choice").get_text()  # what the copy is


def test_count_without_a_name_uses_the_site_name(site):
    out = site({"c.md": counting("tally@org.example")}, today="2021-01-01")
    page = soup(out / "c" / "index.html")
    assert page.find("a", attrs={"data-counted": True}).get_text() == (
        "Send, and let Megaphone count it"
    )


def test_no_count_no_box_and_no_note(site):
    page = soup(site({"c.md": campaign_md(slug="c")}, today="2021-01-01") / "c" / "index.html")
    assert not page.find(attrs={"data-count-box": True})
    assert not page.find(attrs={"data-counted": True})
    assert not page.find(attrs={"data-count-privacy": True})


@pytest.mark.parametrize(
    "count, code",
    [
        ("a@org.example, b@org.example", "count-one-address"),
        ("tally at org.example", "address-invalid"),
        ("Tally <tally@org\u200b.example>", "address-invisible"),
    ],
)
def test_a_bad_count_is_a_problem(tmp_path, count, code):
    from helpers import build, write_site
    from pelican.plugins.megaphone.site.hooks import CampaignProblems

    content = write_site(tmp_path, {"c.md": counting(count)})
    with pytest.raises(CampaignProblems) as raised:
        build(content, tmp_path / "out", "2021-01-01")
    assert [(p.field, p.code) for p in raised.value.problems] == [("Count", code)]


def test_the_lengths_are_said_once_per_campaign(site, caplog):
    long = "Dear Council,\n\n" + "Please keep the park open for everyone. " * 60
    with caplog.at_level(logging.WARNING):
        site({"two.md": campaign_md(slug="two", letters=[long, long + "Thanks."])}, "2021-01-01")
    said = [r.getMessage() for r in caplog.records if "[link-over-budget]" in r.getMessage()]
    assert len(said) == 1
    assert "letter 1 is " in said[0] and "; letter 2 is " in said[0]
