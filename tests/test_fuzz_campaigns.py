"""Property test: any campaign file, however broken, with any other files beside it
(pictures, pages, target lists, odd names), gives `make check` and `make html` the
same verdict, never a traceback, and a failure names the file.

Runs the two commands' own code in-process. `make fuzz` runs many more
examples (MEGAPHONE_FUZZ_EXAMPLES)."""

import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from helpers import build_as_make_does, picture, write_site
from pelican.plugins.megaphone.commands.check import check
from settings_under_test import CONF

CARD = picture("PNG")  # a real one: a picture is published from its pixels
EXAMPLES = int(os.environ.get("MEGAPHONE_FUZZ_EXAMPLES", "60"))

# Characters that have broken builds: controls, format and bidi characters,
# tag characters, separators, surrogates' neighbours, markup.
AWKWARD = st.sampled_from(
    [
        "\x0b",
        "\x00",
        "\x1b",
        "\u202e",
        "\u2066",
        "\u200b",
        "\u200d",
        "\ufeff",
        "\u2028",
        "\U000e0041",
        "\U0001f3f4",
        "<",
        ">",
        "&",
        "[",
        "]",
        "\\",
        "`",
        ":",
        "\t",
        "é",
        "中",
        "😀",
    ]
)
TEXT = st.text(st.one_of(st.characters(blacklist_categories=["Cs"]), AWKWARD), max_size=30)
GOOD = {
    "Title": ["Keep the park open", "Café & more"],
    "Slug": ["park", "café-park", "Park"],
    "Date": ["2021-01-01", "2021-13-01", "someday"],
    "Summary": ["Save it.", "<b>Bold</b> claim"],
    "To": ["council@example.org", "Jane <jane@example.org>", "nobody", "a@b.c, d@e.f"],
    "Cc": ["cc@example.org", "x@"],
    "Subject": ["Keep it open", "[Your name] says", ""],
    "Subjects": ["One | Two", "|"],
    "Deadline": ["2030-01-31", "2030-01-31 17:00", "9999-12-31", "2021-02-30", "soon"],
    "Timezone": ["Europe/Madrid", "localtime", "Mars/Olympus", "Etc/GMT-14"],
    "Lang": ["es", "ES", "xx"],
    "Status": ["draft", "published", "hidden"],
    "Image": ["images/card.png", "../secret", "images/none.png"],
    "Save_as": ["index.html"],
    "Timezon": ["Europe/Madrid"],
}
FIELD = st.sampled_from(sorted(GOOD)).flatmap(
    lambda key: st.tuples(
        st.sampled_from([key, key.lower(), " " + key]),
        st.one_of(st.sampled_from(GOOD[key]), TEXT),
    )
)
BODY = st.lists(
    st.one_of(
        TEXT,
        st.sampled_from(
            [
                "## Why",
                "- a list item",
                "[a link](https://example.org)",
                "![x](images/card.png)",
                "<script>alert(1)</script>",
                '<meta http-equiv="refresh" content="0;url=//x">',
                '<a href="javascript:alert(1)">x</a>',
                "<!-- a note -->",
                "| a | b |\n|---|---|",
                "```letter\nDear Council,\n\n[Your name]\n```",
                "```letter\nunclosed",
                "~~~letter\nHello\n~~~",
                "```\nplain code\n```",
                "```Letter\nHi\n```",
                "![card]({static}/images/card.png)",
                "![odd]({static}/images/q%22%3E%3Cmeta.png)",
                "![moved]({attach}/images/card.png)",
                "[me]({filename}/campaigns/fuzz.md)",
                "[nothing]({filename}/campaigns/nothing.md)",
                "[tag]({tag}parks)",
            ]
        ),
    ),
    max_size=6,
)


@st.composite
def campaign_files(draw):
    """Half nearly right (every field, a letter, a few odd lines), half chaos."""
    base = [
        "Title: T",
        "To: a@example.org",
        "Subject: S",
        "Deadline: 2030-01-01",
        "Date: 2021-01-01",
    ]
    if draw(st.booleans()):
        keep = base
        header = draw(st.lists(FIELD, max_size=2))
        body = draw(BODY) + ["```letter\nDear Council,\n\n[Your name]\n```"]
    else:
        keep = draw(st.lists(st.sampled_from(base), unique=True))
        header = draw(st.lists(FIELD, max_size=12))
        body = draw(BODY)
    lines = keep + [f"{key}: {value}" for key, value in header]
    return "\n".join(lines) + "\n\n" + "\n\n".join(body) + "\n"


# The other files a pull request can bring: odd names, pictures that are not, pages,
# target lists, files where nothing reads them.
NAMES = st.sampled_from(
    [
        "card.png",
        "x.js",
        "x.html",
        ".htaccess",
        "_redirects",
        "index.html",
        "a b.png",
        'q"><meta.png',
        "é.png",
        "UPPER.PNG",
        "data.json",
        "senate.csv",
        "ny#1.csv",
        "notes.txt",
        "about.md",
    ]
)
FOLDERS = st.sampled_from(
    ["images", "pages", "targets", "", "other", "campaigns", "images/.well-known"]
)
DATA = st.one_of(
    st.sampled_from(
        [
            CARD,
            b"GIF89a<script>alert(1)</script>",
            b"\x00\x00\x00\x1cftypavif" + b"\x00" * 16,
            b"<html><body>hi</body></html>",
            b"Title: About\nSave_as: index.html\n\nHello.\n",
            b'Title: P\nSlug: x" onclick="alert(1)\nLang: es\n\nHello.\n',
            b"area,name,title,email\n1,Jo Doe,Senator,jo@example.org\n",
            b"area,name,title,email,email\n1,Jo \xe2\x80\xae Doe,Senator,jo@example.org,x@y.z\n",
            b"area,name,title,email\n",
            b"",
        ]
    ),
    st.binary(max_size=40),
)
EXTRA_FILES = st.dictionaries(st.tuples(FOLDERS, NAMES), DATA, max_size=3)


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=EXAMPLES <= 60,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(text=campaign_files(), extra=EXTRA_FILES)
def test_check_and_html_agree_and_never_crash(text, extra):
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        content = write_site(root, {"fuzz.md": text})
        (content / "images").mkdir()
        (content / "images" / "card.png").write_bytes(CARD)
        for (folder, name), data in extra.items():
            path = content / folder / name
            if path.name == "fuzz.md" or path.is_dir():
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        status, built = build_as_make_does(content, root / "output", "2021-01-01")
        import contextlib
        import io

        printed = io.StringIO()
        os.environ["CAMPAIGN_TODAY"] = "2021-01-01"
        try:
            with contextlib.redirect_stdout(printed):
                checked = check(str(content), str(CONF))
        finally:
            del os.environ["CAMPAIGN_TODAY"]
        report = printed.getvalue()
    for output in (built, report):
        assert "Traceback" not in output and "CRITICAL" not in output, output
    event("built" if status == 0 else "stopped with a problem")
    assert (status == 0) == (checked == 0), (text, extra, built, report)
    if status and not extra:
        assert "fuzz.md" in built and "fuzz.md" in report, (text, built, report)
