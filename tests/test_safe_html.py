"""A campaign page shows what Markdown writes, and refuses everything else by name."""

import re

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from helpers import render
from pelican.plugins.megaphone.model.safe_html import (
    THEME_IDS,
    check_html,
    foreign_mailto_links,
    line_of,
    sanitize,
    url_scheme,
)
from settings_under_test import ROOT

EVERYTHING_MARKDOWN_WRITES = """\
# One
## Two {: #two }
### Three
#### Four
##### Five
###### Six

Some *em*, **strong**, `code`, [a link](https://example.org "Title"), [here](/other/),
<https://auto.example>, <me@example.org>, ![a picture](images/a.png "T"),
a line break{TWO_SPACES}
and a footnote[^1] and another[^note]. The HTML spec.

[^1]: The footnote.
[^note]: The second.

*[HTML]: Hyper Text Markup Language

> A quote

- one
- two

1. first
2. second

***

| Left | Centre | Right | Plain |
|:-----|:------:|------:|-------|
| a    | b      | c     | d     |

Term
:   Definition

```python
x = 1 < 2 & "three"
```

    indented code

<div markdown="1">
*inside a div*
</div>

A [reference][ref] and a [fragment](#two) and [mail](mailto:a@example.org?subject=Hi%20there).

[ref]: https://example.org/ref "Ref"

<b>bold</b> <i>italic</i> <del>gone</del> <sup>up</sup><sub>down</sub> <kbd>Ctrl</kbd>
""".replace("{TWO_SPACES}", "  ")


def test_everything_markdown_writes_with_the_sites_settings_passes():
    html = render(EVERYTHING_MARKDOWN_WRITES)
    # The constructs under test really are in the rendered page.
    for expected in (
        '<th style="text-align: left;">',
        '<div class="footnote">',
        '<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">',
        'class="footnote-backref"',
        '<li id="fn:1">',
        "<abbr title=",
        '<code class="language-python">',
        '<h2 id="two">',
        "<dl>",
        "<hr>",
        '<img alt="a picture" src="images/a.png" title="T">',
        "&#8617;",
    ):
        assert expected in html, expected
    assert check_html(html) == []


def test_the_summary_as_pelican_renders_it_passes():
    assert check_html(render("A short *summary* with a [link](https://example.org).")) == []


def test_comments_are_volunteer_notes():
    assert check_html("<!-- TODO: check the figures --><p>Text</p>") == []


ELEMENTS = [
    ('<meta http-equiv="refresh" content="1;url=http://phish.example/login">', "meta"),
    ('<script src="/images/x.js"></script>', "script"),
    ('<iframe src="https://video.example/embed"></iframe>', "iframe"),
    ("<svg onload=alert(1)><circle r=1></circle></svg>", "svg"),
    ("<style>body { display: none }</style>", "style"),
    ('<base href="https://phish.example/">', "base"),
    ('<form action="https://phish.example/steal"><input name=p></form>', "form"),
    ('<link rel="stylesheet" href="/x.css">', "link"),
    ("<object data=x.swf></object>", "object"),
    ("<embed src=x.swf>", "embed"),
    ("<button>Send</button>", "button"),
    ("<math><mi>x</mi></math>", "math"),
    ("<SCRIPT>alert(1)</SCRIPT>", "script"),
]


@pytest.mark.parametrize("html, element", ELEMENTS)
def test_elements_outside_markdown_are_refused_by_name(html, element):
    findings = check_html(f"<p>Before.</p>\n{html}\n<p>After.</p>")
    assert findings, html
    first = findings[0]
    assert first.code == "html-element" and first.kind == "problem"
    assert f"<{element}>" in first.message and "[html-element]" in first.message
    assert first.snippet.lower().startswith(f"<{element}")


@pytest.mark.parametrize(
    "html, attribute",
    [
        ("<img src=x onerror=alert(1)>", "onerror"),
        ('<p onclick="steal()">Hi</p>', "onclick"),
        ('<p style="position:fixed;top:0">Fake banner</p>', "style"),
        ('<a href="/x" target="_blank">x</a>', "target"),
        ('<a href="/x" data-link="mailto">x</a>', "data-link"),
        ('<a class="button send" href="mailto:x@evil.example">Send</a>', "class"),
        ('<h2 id="send-heading">Send</h2>', "id"),
        ('<h2 id="variant-1">x</h2>', "id"),
        ('<td style="text-align: left; background: url(//t.example/p)">a</td>', "style"),
        ('<p id="x">no ids on paragraphs</p>', "id"),
    ],
)
def test_attributes_outside_markdown_are_refused_by_name(html, attribute):
    findings = check_html(html)
    assert [f.code for f in findings] == ["html-attribute"]
    assert f"{attribute!r} is not allowed" in findings[0].message


@pytest.mark.parametrize(
    "href",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "java&#x09;script:alert(1)",
        "java&Tab;script:alert(1)",
        " javascript:alert(1)",
        "&#106;avascript:alert(1)",
        "javascript&colon;alert(1)",
        "\njavascript:alert(1)",
        "data:text/html,<script>x</script>",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "DATA:text/html;base64,PHNjcmlwdD4=",
    ],
)
def test_links_with_other_schemes_are_refused(href):
    findings = check_html(f'<p><a href="{href}">Read the report</a></p>')
    assert [f.code for f in findings] == ["html-link-scheme"]
    scheme = re.sub(
        r"[^a-z]",
        "",
        href.lower()
        .replace("&#x09;", "")
        .replace("&tab;", "")
        .replace("&#106;", "j")
        .replace("&colon;", ":")
        .split(":")[0],
    )
    assert f"not '{scheme}:'" in findings[0].message


def test_a_markdown_javascript_link_is_refused_too():
    findings = check_html(render("[Sign here](javascript:alert(document.cookie))"))
    assert [f.code for f in findings] == ["html-link-scheme"]


@pytest.mark.parametrize(
    "href",
    [
        "https://example.org/a?b=1&c=2",
        "http://example.org",
        "mailto:a@example.org",
        "/other/",
        "other/",
        "#section",
        "images/a.png",
        "?q=1",
        "HTTPS://EXAMPLE.ORG",
    ],
)
def test_ordinary_links_pass(href):
    assert check_html(f'<p><a href="{href}">x</a></p>') == []


@pytest.mark.parametrize(
    "src",
    [
        "https://tracker.example/p.gif",
        "//tracker.example/p.gif",
        "http://tracker.example/p.gif",
        "/\\tracker.example/p.gif",
        "\\\\tracker.example/p.gif",
        " //tracker.example/p.gif",
        "data:image/png;base64,iVBORw0KGgo=",
        "javascript:alert(1)",
    ],
)
def test_pictures_from_elsewhere_are_refused(src):
    findings = check_html(f'<p><img src="{src}" alt="x"></p>')
    assert [f.code for f in findings] == ["html-image-elsewhere"]
    assert "content/images/" in findings[0].message


def test_markdown_picture_from_elsewhere_is_refused():
    findings = check_html(render("![pixel](https://tracker.example/p.gif)"))
    assert [f.code for f in findings] == ["html-image-elsewhere"]


@pytest.mark.parametrize("src", ["images/chart.png", "/images/chart.png", "../images/a.png"])
def test_pictures_on_this_site_pass(src):
    assert check_html(f'<p><img src="{src}" alt="A chart"></p>') == []


def test_every_refusal_is_reported_not_just_the_first():
    html = (
        '<p onclick="x()">a</p><script>1</script>'
        '<a href="javascript:1" target="_top">b</a><img src="//t.example/p">'
    )
    codes = sorted(f.code for f in check_html(html))
    assert codes == sorted(
        [
            "html-attribute",
            "html-element",
            "html-link-scheme",
            "html-attribute",
            "html-image-elsewhere",
        ]
    )


def test_a_comment_browsers_end_early_cannot_hide_a_tag():
    """`--!>` ends a comment for browsers (and nh3), not for older html.parser."""
    findings = check_html("<p>a <!-- b --!><img src=x onerror=alert(1)> --> c</p>")
    assert findings and findings[0].kind == "problem"


def test_the_safety_net_agrees_with_nh3_on_safe_html():
    html = render(EVERYTHING_MARKDOWN_WRITES)
    assert "footnote-backref" in sanitize(html) and 'style="text-align: left;"' in sanitize(html)


@settings(max_examples=150, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("ab *_`#>-1.[]()!:|\n\\<&\"'=/") + ["é", "中"]), max_size=120
    )
)
def test_whatever_markdown_writes_from_plain_text_passes(text):
    """Markdown written without raw HTML tags never trips the check.

    (A character reference such as `&#1;` is markup too: it writes an invisible
    control character, which the check rightly refuses; see the test below.)"""
    assume("&#" not in text)
    html = render(text.replace("<", "&lt;"))
    assert check_html(html) == [], html


def test_a_character_reference_to_a_control_character_is_refused():
    assert [f.code for f in check_html(render("Why &#1; this"))] == ["html-unsafe"]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_no_html_survives_a_clean_report_unchanged_by_nh3(text):
    """Property: if the check finds nothing, nh3 (the definition of safe) changes nothing."""
    html = f"<p>{text}</p>"
    if not check_html(html):
        from pelican.plugins.megaphone.model.safe_html import _parse

        assert _parse(sanitize(html)).shape == _parse(html).shape


def test_snippet_leads_to_the_line_in_the_markdown_source():
    source = (
        "Title: x\nTo: a@example.org\n\nWhy it matters.\n\n"
        '<meta http-equiv="refresh" content="0;url=https://phish.example">\n\n'
        "[Sign](javascript:alert(1))\n"
    )
    findings = check_html(render(source))
    assert {f.code: f.line_in(source) for f in findings} == {
        "html-element": 6,
        "html-link-scheme": 8,
    }


def test_line_of_falls_back_gracefully():
    assert line_of("a\nb\n<IFRAME src=x>", "<iframe src=x>") == 3
    assert line_of("a\nb", "nowhere", "") is None
    assert line_of("a\nb\nc", "missing", "c") == 3


def test_url_scheme_reads_urls_as_browsers_do():
    assert url_scheme("\x01 jAvA\tScr\nipt:x") == "javascript"
    assert url_scheme("/a:b") is None and url_scheme("images/a:b.png") is None
    assert url_scheme("mailto:x@y") == "mailto"


# --- mailto: links that write to someone else -----------------------------

RECIPIENTS = ("postact@nypd.org", "josé@xn--exmple-cua.org")


def test_mailto_to_someone_else_is_a_warning_naming_them():
    html = render("Or [send it here](mailto:harvest@evil.example?cc=postact@nypd.org).")
    findings = foreign_mailto_links(html, RECIPIENTS)
    assert [(f.code, f.kind) for f in findings] == [("mailto-not-recipients", "warning")]
    assert "harvest@evil.example" in findings[0].message
    assert "postact@nypd.org" not in findings[0].message.split("[")[0].split("writes to")[1]


def test_hidden_addresses_in_the_query_are_named():
    html = '<a href="mailto:postact@nypd.org?bcc=copy%40evil.example&amp;subject=x">Send</a>'
    findings = foreign_mailto_links(html, RECIPIENTS)
    assert len(findings) == 1 and "copy@evil.example" in findings[0].message


@pytest.mark.parametrize(
    "href",
    [
        "mailto:postact@nypd.org",
        "MAILTO:PostAct@NYPD.org?subject=Hello",
        "mailto:jos%C3%A9@ex%C3%A4mple.org",
        "mailto:?to=postact@nypd.org",
    ],
)
def test_mailto_to_the_campaigns_own_recipients_is_fine(href):
    assert foreign_mailto_links(f'<a href="{href}">x</a>', RECIPIENTS) == []


def test_markdown_autolink_obfuscation_is_seen_through():
    html = render("Questions? <press@campaign.example>")
    assert "&#" in html  # Markdown hides the address in character references
    findings = foreign_mailto_links(html, RECIPIENTS)
    assert len(findings) == 1 and "press@campaign.example" in findings[0].message
    assert findings[0].line_in("Title: x\n\nQuestions? <press@campaign.example>\n") == 3


def test_the_reserved_ids_are_every_id_the_theme_writes():
    ids = set()
    for template in (ROOT / "theme" / "templates").rglob("*.html"):
        ids |= set(re.findall(r'\bid="([^"{]+)"', template.read_text("utf-8")))
    assert ids <= THEME_IDS, ids - THEME_IDS
