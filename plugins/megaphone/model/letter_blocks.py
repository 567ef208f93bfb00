"""The letter blocks as the volunteer wrote them, checked line by line.

Python-Markdown's fenced_code (part of the site's `extra`) reads a block as
a line that starts with three or more backticks or tildes (nothing before
them), spaces, an optional word (`letter`), spaces; then everything up to
the first line that is exactly the same fence again. It says nothing when a
block is written another way, so each of these mistakes would make a wrong
page in silence:

- no closing line: the next letter is sent inside this one, or the last
  letter shows as text that cannot be sent;
- ```Letter, ```letters, two backticks, spaces before them: that version
  shows as a grey block (or as text) and is never sent;
- a line of backticks inside a letter: it ends the letter there, and the
  rest is left out of the email;
- a block opened with a bare ``` beside letters, with blanks to fill in:
  that version is shown as code, and never sent.

This reads the file as the volunteer meant it (a letter ends at its own
closing line, a misspelt opening still opens a letter), so one build names
every mistake, each on its line."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .messages import say
from .report import Problem

# Anything that could be meant as the start of a block: backticks, tildes, or
# quotes a keyboard or a word processor put instead, indented or not.
_OPENING = re.compile(
    r"^(?P<indent>[ \t]*)(?P<fence>`{2,}|~{2,}|'{3,}|´{3,}|‘{3,}|’{3,})(?P<info>.*)$"
)
# The openings Python-Markdown reads as a letter (its `lang` or `{.class}`).
_LETTER = re.compile(r"(?:`{3,}|~{3,}) *(?:\.?letter|\{ *\.letter *\}) *")
# Any opening Python-Markdown reads as a fenced block.
_FENCE = re.compile(r"(?P<fence>`{3,}|~{3,}) *(?P<info>\{[^\n]*\}|\.?[\w#.+-]*) *")
_WORD = re.compile(r"[^\W\d_]+")
# A blank for the visitor, as in [Your name]: what makes a bare block a letter.
_BLANK = re.compile(r"\[[^\W\d_][^\]\n]{0,39}\]")


@dataclass
class _Letter:
    line: int  # where it starts
    fence: str  # the line that ends it, as Markdown reads it (or as meant)


def _letter_word(info: str) -> str:
    """The word after the fence, if it is meant to say `letter` (any case, any ending)."""
    match = _WORD.search(info.strip(" \t{}.:"))
    word = match.group(0) if match and match.start() == 0 else ""
    return word if word.lower().startswith("letter") else ""


def _meant_fence(fence: str) -> str:
    return fence if fence[0] in "`~" and len(fence) >= 3 else "```"


def _spelling(file: str, number: int, line: str, match: re.Match) -> Problem:
    fence, word = match["fence"], _letter_word(match["info"])
    why = []
    if match["indent"]:
        why.append("there is space before it (it must start at the beginning of the line)")
    if _meant_fence(fence) != fence:
        why.append(f"it starts with {fence!r} instead of three backticks")
    if word != "letter":
        why.append(
            "the word letter must be in lower case"
            if word.lower() == "letter"
            else f"the word after the backticks must be exactly 'letter', not {word!r}"
        )
    if not why:
        why.append("nothing but the word letter may follow the backticks")
    instead = _meant_fence(fence) + "letter"
    message = say("letter-fence-spelling", text=line.strip(), why="; ".join(why), instead=instead)
    return Problem(file, "letter", message, number, "letter-fence-spelling")


def _closes(line: str, fence: str) -> bool:
    return line.rstrip(" ") == fence


def _looks_like_close(line: str, fence: str) -> bool:
    """A line of only the fence's character that does not end the block as written.

    Inside a letter opened with four backticks or more, a shorter line of
    backticks is part of the letter (that is what the longer fence is for)."""
    text = line.strip()
    if not text or set(text) != {fence[0]}:
        return False
    return len(text) >= (2 if len(fence) == 3 else len(fence))


def letter_block_problems(file: str, source: str) -> list[Problem]:
    # As Markdown reads it: tabs are spaces first (so "```\tletter" is a letter).
    lines = source.lstrip("\ufeff").expandtabs(4).split("\n")
    problems: list[Problem] = []
    letter: _Letter | None = None
    # The letter just closed (start, closing line, fence), while only text has come since.
    closed: tuple[int, int, str] | None = None

    def letter_opening(line: str) -> re.Match | None:
        match = _OPENING.match(line)
        return match if match and _letter_word(match["info"]) else None

    def unclosed(letter: _Letter, **words: str) -> Problem:
        """A letter whose closing line never comes; `words` say where and what follows."""
        message = say("letter-unclosed", fence=letter.fence, **words)
        return Problem(file, "letter", message, letter.line, "letter-unclosed")

    def closing_before_next_letter(fence: str, start: int) -> bool:
        for line in lines[start:]:
            if _closes(line, fence):
                return True
            if letter_opening(line):
                return False
        return False

    opened_letters = False
    bare: list[int] = []  # blocks opened with a bare fence: code, beside letters?
    number = 0
    while number < len(lines):
        line = lines[number]
        number += 1
        if letter is not None:
            opening = letter_opening(line)
            if _closes(line, letter.fence):
                closed, letter = (letter.line, number, letter.fence), None
            elif opening and opening["fence"][0] == letter.fence[0]:
                written = [n for n in range(letter.line + 1, number) if lines[n - 1].strip()]
                problems.append(
                    unclosed(
                        letter,
                        before=f" before the next letter, on line {number}",
                        result="the next letter would be sent inside this one",
                        last=f" (line {written[-1]})" if written else "",
                    )
                )
                letter = None
                number -= 1  # read this line again, as the next letter's opening
            elif _looks_like_close(line, letter.fence):
                indented = line[: len(line) - len(line.lstrip())]
                why = (
                    "there is space before it"
                    if indented and line.strip() == letter.fence
                    else f"a letter ends with exactly {letter.fence!r}"
                )
                message = say(
                    "letter-close-spelling",
                    text=line.strip(),
                    start=letter.line,
                    why=why,
                    fence=letter.fence,
                )
                problems.append(Problem(file, "letter", message, number, "letter-close-spelling"))
                closed, letter = None, None
            continue
        opening = letter_opening(line)
        if opening:
            if not _LETTER.fullmatch(line):
                problems.append(_spelling(file, number, line, opening))
            letter, closed = _Letter(number, _meant_fence(opening["fence"])), None
            opened_letters = True
            continue
        fence = _FENCE.fullmatch(line)
        if not fence:
            continue
        has_end = closing_before_next_letter(fence["fence"], number)
        if closed and not fence["info"] and not has_end:
            start, end_line, closing = closed
            message = say("letter-cut-short", fence=closing, start=start, end=number)
            problems.append(Problem(file, "letter", message, end_line, "letter-cut-short"))
        elif has_end:  # another kind of block, in the explanation: skip past it
            start = number
            while not _closes(lines[number], fence["fence"]):
                number += 1
            number += 1
            if not fence["info"] and _BLANK.search("\n".join(lines[start : number - 1])):
                bare.append(start)  # code does not ask the visitor to fill anything in
        closed = None
    if opened_letters:  # a bare block with blanks, beside letters, is a letter that lost its word
        problems += [
            Problem(
                file,
                "letter",
                say("letter-fence-bare", fence=lines[n - 1].strip()),
                n,
                "letter-fence-bare",
            )
            for n in bare
        ]
    if letter is not None:
        problems.append(
            unclosed(
                letter,
                before="",
                result="it would show on the page as ordinary text, and could not be sent",
                last="",
            )
        )
    return problems
