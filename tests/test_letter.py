"""The letter block reaches the email exactly as written, line for line."""

import pytest

from helpers import render
from pelican.plugins.megaphone.model.letter import placeholders, split_letters

NASTY = (
    "Dear Commissioner <b>&amp;</b> \"quotes\" 'single' -- dashes... `ticks`\n"
    "\n"
    "  indented * not a list\n"
    "1. not a list either\n"
    "# not a heading\n"
    "Tom & Jerry + 100% #hash &bcc=x@evil.example\n"
    "Ünïcödé 中文 العربية 😀 https://example.org/?a=1&b=2\n"
    "[Your name]"
)


def test_letter_comes_out_exactly_with_the_sites_markdown_settings():
    html = render(f"Why it matters.\n\n```letter\n{NASTY}\n```\n\nMore words.")
    split = split_letters(html)
    assert split.letters == (NASTY,)
    assert "Why it matters." in split.explanation and "More words." in split.explanation
    assert "Commissioner" not in split.explanation


def test_other_code_blocks_stay_in_the_explanation():
    split = split_letters(render("```python\nx = 1\n```\n\n```letter\nHi\n```\n"))
    assert split.letters == ("Hi",)
    assert "x = 1" in split.explanation


@pytest.mark.parametrize("count", [0, 2])
def test_counts_every_letter_block(count):
    source = "\n\n".join(f"```letter\nLetter {i}\n```" for i in range(count)) or "No letter."
    assert len(split_letters(render(source)).letters) == count


def test_placeholders_in_order_without_repeats():
    assert placeholders("[Your name]\n[Your city] [Your name] [not\na placeholder]") == (
        "Your name",
        "Your city",
    )
