"""The link encoder: golden vectors and properties over random Unicode."""

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from decoders import form_decode, rfc_decode
from pelican.plugins.megaphone.model import links
from pelican.plugins.megaphone.model.links import LinkError, Message, build_links

VECTORS = json.loads((Path(__file__).parent / "vectors" / "links.json").read_text("utf-8"))
KINDS = ("mailto", "gmail", "outlook", "office365", "yahoo")
# What may stand raw in a link: unreserved characters, percent escapes and
# the delimiters the encoder itself writes.
ALLOWED = re.compile(r"^[A-Za-z0-9\-._~%@,:/?&=]*$")


def message_of(case):
    m = case["message"]
    return Message(tuple(m["to"]), m["subject"], m["body"], tuple(m["cc"]), tuple(m["bcc"]))


@pytest.mark.parametrize("case", VECTORS["cases"], ids=[c["name"] for c in VECTORS["cases"]])
@pytest.mark.parametrize("kind", KINDS)
def test_golden_vectors(case, kind):
    assert getattr(links, kind)(message_of(case)) == case[kind]


# --- properties ---------------------------------------------------------------

SPECIALS = list("+&=?#%,;/ \r\n\t@<>\"'[]") + [
    "\r\n",
    "😀",
    "👩🏽‍⚖️",
    "é",
    "中文",
    "عربي",
    "&bcc=x@evil.example",
]
text = st.lists(
    st.one_of(st.sampled_from(SPECIALS), st.characters(blacklist_categories=("Cs",))),
    max_size=40,
).map("".join)
local_part = st.text(alphabet="abcxyz0189.+-_=!#$%&'*/?^`{|}~", min_size=1, max_size=12).filter(
    lambda s: not s.startswith(".") and not s.endswith(".") and ".." not in s
)
domain = st.sampled_from(["example.org", "nypd.org", "xn--exmple-cua.org", "sub.example.co.uk"])
address = st.builds("{}@{}".format, local_part, domain)
addresses = st.lists(address, max_size=3).map(tuple)


def expected_body(body: str) -> str:
    return body.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\r\n")


def expected_subject(subject: str) -> str:
    return subject.replace("\r\n", " ").replace("\r", " ").replace("\n", " ")


@settings(max_examples=300, deadline=None)
@given(to=addresses.filter(bool), cc=addresses, bcc=addresses, subject=text, body=text)
def test_every_link_decodes_back_exactly(to, cc, bcc, subject, body):
    message = Message(to, subject, body, cc, bcc)
    want = {
        "to": list(to),
        "cc": list(cc),
        "bcc": list(bcc),
        "subject": expected_subject(subject),
        "body": expected_body(body),
    }
    for kind in KINDS:
        url = getattr(links, kind)(message)
        assert "+" not in url
        assert ALLOWED.match(url), url
        assert rfc_decode(url) == want, kind
        assert form_decode(url) == want, kind


@given(subject=text, body=text)
def test_over_budget_mailto_drops_only_the_body(subject, body):
    message = Message(("a@example.org",), subject, body, ("c@example.org",))
    result = build_links(message, budget=len(links.mailto(message)) - 1)
    assert not result.mailto_has_body
    decoded = rfc_decode(result.mailto)
    assert decoded["body"] == ""
    assert decoded["to"] == ["a@example.org"] and decoded["cc"] == ["c@example.org"]
    assert decoded["subject"] == expected_subject(subject)
    assert rfc_decode(result.gmail)["body"] == expected_body(body)


def test_within_budget_mailto_carries_the_body():
    message = Message(("a@example.org",), "Hi", "Dear friend")
    result = build_links(message, budget=len(links.mailto(message)))
    assert result.mailto_has_body
    assert rfc_decode(result.mailto)["body"] == "Dear friend"


@pytest.mark.parametrize("field", ["subject", "body"])
def test_lone_surrogate_is_a_clear_error_not_a_crash(field):
    values = {"subject": "ok", "body": "ok", field: "bad \ud800 text"}
    with pytest.raises(LinkError, match="U\\+D800"):
        build_links(Message(("a@example.org",), values["subject"], values["body"]))


def test_the_model_imports_nothing_from_pelican():
    """Every module in megaphone/model/ is pure: usable and testable without Pelican.
    (Its imports are relative, so the folder loads as a package of its own here.)"""
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    modules = sorted(
        p.stem
        for p in (root / "plugins" / "megaphone" / "model").glob("*.py")
        if p.stem != "__init__"
    )
    assert {"campaign", "links", "page"} <= set(modules)
    code = (
        "import sys, importlib; sys.path.insert(0, 'plugins');"
        f"[importlib.import_module('megaphone.model.' + m) for m in {modules!r}];"
        "assert not [m for m in sys.modules if m.startswith('pelican')], 'pelican imported'"
    )
    subprocess.run([sys.executable, "-c", code], cwd=root, check=True)
