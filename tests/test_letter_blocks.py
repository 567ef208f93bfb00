"""Letter blocks mean what they look like: each fence mistake that Markdown
takes silently is an error naming its line, and the forms that work pass."""

import pytest

from helpers import build_as_make_does, campaign_md, render, write_site
from pelican.plugins.megaphone.model.letter import split_letters
from pelican.plugins.megaphone.model.letter_blocks import letter_block_problems

A = "Dear Council,\n\nKeep it open.\n\n[Your name]"
B = "Hello,\n\nI walk there every day.\n\n[Your name]"


def found(source):
    return [(p.code, p.line) for p in letter_block_problems("park.md", source)]


def line_of(source, text, after=0):
    return source.split("\n").index(text, after) + 1


# --- What Markdown does with each mistake, and what the check says --------------


def test_no_closing_line_after_the_first_of_two_letters():
    source = f"Why.\n\n```letter\n{A}\n\n```letter\n{B}\n```\n"
    # Markdown: the first letter swallows the second, fence and all.
    (letter,) = split_letters(render(source)).letters
    assert "```letter" in letter and "I walk there" in letter
    assert found(source) == [("letter-unclosed", 3)]
    (problem,) = letter_block_problems("park.md", source)
    assert "line 10" in problem.message  # where the next letter starts
    assert "(line 8)" in problem.message  # the line to write ``` after


def test_no_closing_line_after_the_last_letter():
    source = f"Why.\n\n```letter\n{A}\n```\n\n```letter\n{B}\n\n## More\n\nText.\n"
    split = split_letters(render(source))
    assert split.letters == (A,) and "```letter" in split.explanation  # shown as text
    assert found(source) == [("letter-unclosed", line_of(source, "```letter", 5))]


@pytest.mark.parametrize(
    "opening,why",
    [
        ("```Letter", "lower case"),
        ("```LETTER", "lower case"),
        ("```letters", "'letters'"),
        ("```letter:", "nothing but the word letter"),
        ("``letter", "'``'"),
        ("  ```letter", "beginning of the line"),
        ("'''letter", "\"'''\""),
    ],
)
def test_a_misspelt_opening_on_one_of_two_letters(opening, why):
    source = f"Why.\n\n{opening}\n{A}\n```\n\n```letter\n{B}\n```\n"
    # Markdown: that version is not a letter (a grey block or text); only B is sent.
    assert split_letters(render(source)).letters in ((B,), ())
    problems = letter_block_problems("park.md", source)
    assert [(p.code, p.line) for p in problems][0] == ("letter-fence-spelling", 3)
    assert why in problems[0].message and "'```letter'" in problems[0].message


def test_the_same_misspelling_on_every_block_says_why_not_just_no_letter(tmp_path):
    text = campaign_md(slug="park", letters=[A, B]).replace("```letter", "```Letter")
    content = write_site(tmp_path, {"park.md": text})
    status, printed = build_as_make_does(content, tmp_path / "out", "2021-01-01")
    first = line_of(text, "```Letter")
    second = line_of(text, "```Letter", first)
    assert status == 1
    assert f"content/campaigns/park.md:{first}: [letter-fence-spelling] letter:" in printed
    assert f"content/campaigns/park.md:{second}: [letter-fence-spelling] letter:" in printed
    assert printed.count("[letter-fence-spelling]") == 2
    assert "[letter-missing]" not in printed  # the reason, not "there is no letter"
    assert "Traceback" not in printed


def test_a_line_of_backticks_inside_a_letter_cuts_it_short():
    source = "Why.\n\n```letter\nDear Council,\n```\nKeep it open.\n\n[Your name]\n```\n"
    assert split_letters(render(source)).letters == ("Dear Council,",)  # silently cut
    (problem,) = letter_block_problems("park.md", source)
    assert (problem.code, problem.line) == ("letter-cut-short", 5)
    assert "line 3" in problem.message and "line 9" in problem.message


def test_a_line_of_backticks_inside_the_first_of_two_letters():
    source = f"```letter\nDear Council,\n```\nKeep it open.\n```\n\n```letter\n{B}\n```\n"
    # Markdown: the stray fence opens a plain code block that swallows letter B.
    assert split_letters(render(source)).letters == ("Dear Council,",)
    assert found(source) == [("letter-cut-short", 3)]


def test_a_closing_line_with_space_before_it():
    source = f"```letter\n{A}\n  ```\n\nMore.\n"
    assert found(source) == [("letter-close-spelling", line_of(source, "  ```"))]


# --- What works passes ----------------------------------------------------------


@pytest.mark.parametrize(
    "source,letters",
    [
        (f"Why.\n\n```letter\n{A}\n```\n\n```letter\n{B}\n```\n", (A, B)),
        (f"~~~letter\n{A}\n~~~\n", (A,)),
        (f"``` letter\n{A}\n```\n", (A,)),  # Python-Markdown allows the space
        (f"```\tletter\n{A}\n```\t\n", (A,)),  # and a tab, which it reads as spaces
        (f"```letter  \n{A}\n```   \n", (A,)),
        ("~~~letter\nDear A,\n```\nstill the letter\n~~~\n", ("Dear A,\n```\nstill the letter",)),
        ("````letter\nDear A,\n```\nstill\n````\n", ("Dear A,\n```\nstill",)),
        (f"```letter\n{A}\n```\n\nSee:\n\n```\ncode\n```\n\n```text\n```letter\n```\n", (A,)),
        (f"Why.\n```letter\n{A}\n```\nMore.\n", (A,)),
    ],
)
def test_letters_written_the_ways_that_work(source, letters):
    assert split_letters(render(source)).letters == letters  # what Markdown really does
    assert found(source) == []


def test_the_new_campaign_template_passes():
    from pelican.plugins.megaphone.model.template import TEMPLATE

    source = TEMPLATE.format(
        title="T", slug="t", today="2021-01-01", deadline="2021-02-01", timezone="America/New_York"
    )
    assert len(split_letters(render(source)).letters) == 1 and found(source) == []


# --- In the build -----------------------------------------------------------------


@pytest.mark.parametrize(
    "edit,code,marker",
    [
        (lambda t: t.replace(f"{A}\n```", A, 1), "letter-unclosed", "```letter"),
        (lambda t: t.rstrip("`\n") + "\n", "letter-unclosed", "LAST"),
        (lambda t: t.replace("```letter", "``` Letter", 1), "letter-fence-spelling", "``` Letter"),
        (
            lambda t: t.replace("Dear Council,\n", "Dear Council,\n```\n", 1),
            "letter-cut-short",
            "FENCE",
        ),
    ],
    ids=["first unclosed", "last unclosed", "misspelt", "cut short"],
)
def test_the_build_names_the_file_line_and_code(tmp_path, edit, code, marker):
    text = edit(campaign_md(slug="park", letters=[A, B]))
    lines = text.split("\n")
    if marker == "LAST":
        line = max(i for i, t in enumerate(lines) if t == "```letter") + 1
    elif marker == "FENCE":
        line = lines.index("```", lines.index("```letter")) + 1
    else:
        line = lines.index(marker) + 1
    content = write_site(tmp_path, {"park.md": text})
    status, printed = build_as_make_does(content, tmp_path / "out", "2021-01-01")
    assert status == 1, printed
    assert f"content/campaigns/park.md:{line}: [{code}] letter:" in printed
    assert "Traceback" not in printed


def test_a_bare_block_with_blanks_beside_letters_is_a_letter_that_lost_its_word():
    """Version 1 shown as code and never sent; a bare block of code stays code."""
    from pelican.plugins.megaphone.model.letter_blocks import letter_block_problems

    lost = "```\nDear A,\n\n[Your name]\n```\n\n```letter\nDear B,\n\n[Your name]\n```\n"
    assert [(p.line, p.code) for p in letter_block_problems("p.md", lost)] == [
        (1, "letter-fence-bare")
    ]
    code = "```\nplain code\n```\n\n```letter\nDear B,\n\n[Your name]\n```\n"
    assert letter_block_problems("p.md", code) == []
