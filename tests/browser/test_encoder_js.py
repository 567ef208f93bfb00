"""The browser script builds links byte-identical to the Python encoder."""

import json
import random
from pathlib import Path

from decoders import rfc_decode
from pelican.plugins.megaphone.model import links
from pelican.plugins.megaphone.model.links import Message

VECTORS = json.loads((Path(__file__).parent.parent / "vectors" / "links.json").read_text("utf-8"))
KINDS = ("mailto", "gmail", "outlook", "office365", "yahoo")
RUN = """messages => messages.map(m => Object.fromEntries(
    ["mailto", "gmail", "outlook", "office365", "yahoo"].map(k => [k, Megaphone.links[k](m)])))"""


def js_links(page, messages):
    return page.evaluate(RUN, messages)


def test_golden_vectors_in_the_browser(visit, sites):
    page = visit().open(sites["open"] + "/")
    cases = VECTORS["cases"]
    got = js_links(page, [c["message"] for c in cases])
    for case, result in zip(cases, got, strict=True):
        for kind in KINDS:
            assert result[kind] == case[kind], (case["name"], kind)


POOL = list("+&=?#%,;/ \r\n\t@<>\"'[]!*()~-._:$") + [
    "\r\n",
    "😀",
    "👩🏽‍⚖️",
    "é",
    "中文",
    "عربي",
    "&bcc=x@evil.example",
    "\u200b",
    "\u2028",
    "\U0001f3f3\ufe0f\u200d\U0001f308",
]


def random_text(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(0, 30)):
        if rng.random() < 0.5:
            parts.append(rng.choice(POOL))
        else:  # any code point from any plane, except surrogates
            code = rng.choice(
                [
                    rng.randint(0x20, 0x7E),
                    rng.randint(0xA0, 0xD7FF),
                    rng.randint(0xE000, 0xFFFD),
                    rng.randint(0x10000, 0x10FFFF),
                ]
            )
            parts.append(chr(code))
    return "".join(parts)


def test_random_unicode_gives_the_same_bytes_as_python(visit, sites):
    rng = random.Random(6068)
    messages = []
    for _ in range(400):
        to = [
            f"{rng.choice(['a', 'b+c', 'd.e', 'x_y'])}@example.org"
            for _ in range(rng.randint(1, 3))
        ]
        cc = ["cc@example.org"] if rng.random() < 0.3 else []
        messages.append(
            {"to": to, "cc": cc, "bcc": [], "subject": random_text(rng), "body": random_text(rng)}
        )
    got = js_links(visit().open(sites["open"] + "/"), messages)
    for message, result in zip(messages, got, strict=True):
        python = Message(
            tuple(message["to"]), message["subject"], message["body"], tuple(message["cc"])
        )
        for kind in KINDS:
            assert result[kind] == getattr(links, kind)(python), (message, kind)


def test_lone_surrogates_do_not_crash_the_script(visit, sites):
    page = visit().open(sites["open"] + "/")
    href = page.evaluate("""() => Megaphone.links.mailto({
        to: ["a@example.org"], cc: [], bcc: [],
        subject: "x\\uD800y", body: "\\uDC00 z \\uD83D"})""")
    assert href == "mailto:a@example.org?subject=x%EF%BF%BDy&body=%EF%BF%BD%20z%20%EF%BF%BD"


def test_the_budget_is_applied_the_same_way(visit, sites):
    page = visit().open(sites["open"] + "/")
    message = {"to": ["a@example.org"], "cc": [], "bcc": [], "subject": "Hi", "body": "é" * 400}
    result = page.evaluate("m => Megaphone.links.buildLinks(m, 1800)", message)
    python = links.build_links(Message(("a@example.org",), "Hi", "é" * 400))
    assert (
        result["mailto"] == python.mailto
        and result["mailtoHasBody"] is python.mailto_has_body is False
    )
    assert result["gmail"] == python.gmail


def test_the_script_has_the_shared_caps(visit, sites):
    caps = visit().open(sites["open"] + "/").evaluate("Megaphone.links.caps")
    shared = VECTORS["caps"]
    assert caps["services"] == shared["services"]
    assert caps["mailApp"] == {k: v for k, v in shared["mail_app"].items() if k != "windows"}


def test_budget_vectors_in_the_browser(visit, sites):
    page = visit().open(sites["open"] + "/")
    base = VECTORS["budget_message"]
    for case in VECTORS["budget_cases"]:
        message = {**base, "body": case["body_repeat"] * case["times"]}
        for platform in VECTORS["caps"]["mail_app"]:
            got = page.evaluate(
                "([m, p, b]) => Megaphone.links.buildLinks(m, Megaphone.links.mailAppBudget(p, b))",
                [message, platform, VECTORS["caps"]["mail_app"]["windows"]],
            )
            assert got["hasBody"]["mailto"] is case["carries"]["mailto"][platform], case["name"]
            for kind in ("gmail", "outlook", "office365", "yahoo"):
                assert got["hasBody"][kind] is case["carries"][kind], (case["name"], kind)
                assert bool(rfc_decode(got[kind])["body"]) is case["carries"][kind]


PLATFORM_STRINGS = [
    ({"userAgentData": {"platform": "Windows"}}, "windows"),
    ({"userAgentData": {"platform": "macOS"}}, "roomy"),
    ({"userAgentData": {"platform": "Android"}}, "roomy"),
    ({"userAgentData": {"platform": "Chrome OS"}}, "chromeos"),
    ({"userAgentData": {"platform": "Linux"}}, "roomy"),
    (
        {"platform": "Win32", "userAgent": "Mozilla/5.0 (Windows NT 10.0; rv:128.0) Firefox"},
        "windows",
    ),
    ({"platform": "MacIntel", "userAgent": "Mozilla/5.0 (Macintosh) Safari"}, "roomy"),
    ({"platform": "iPhone", "userAgent": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0)"}, "roomy"),
    ({"platform": "Linux armv8l", "userAgent": "Mozilla/5.0 (Linux; Android 14)"}, "roomy"),
    (
        {"platform": "Linux x86_64", "userAgent": "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0)"},
        "chromeos",
    ),
    ({"platform": "", "userAgent": ""}, "unknown"),
]


def test_platform_detection(visit, sites):
    page = visit().open(sites["open"] + "/")
    for nav, platform in PLATFORM_STRINGS:
        assert page.evaluate("n => Megaphone.links.platformOf(n)", nav) == platform, nav
    # Unknown and Windows keep the page's budget; the others take their cap.
    budgets = page.evaluate(
        "ps => ps.map(p => Megaphone.links.mailAppBudget(p, 1800))",
        ["windows", "unknown", "roomy", "chromeos"],
    )
    assert budgets == [1800, 1800, 8000, 4000]
