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
every mistake, each on its line.

A call's blocks (```call, what to say; ```voicemail, what to leave on a machine) are
read the same way: a misspelt or unclosed one would vanish from the page as surely."""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import get_close_matches

from .messages import say
from .report import Problem

# Anything that could be meant as the start of a block: backticks, tildes, or
# quotes a keyboard or a word processor put instead, indented or not.
_OPENING = re.compile(
    r"^(?P<indent>[ \t]*)(?P<fence>`{2,}|~{2,}|'{3,}|´{3,}|‘{3,}|’{3,})(?P<info>.*)$"
)
# The blocks the page reads, by the word after the fence.
KINDS = ("letter", "call", "voicemail")
# The openings Python-Markdown reads as one of them (its `lang` or `{.class}`).
_EXACT = {
    kind: re.compile(rf"(?:`{{3,}}|~{{3,}}) *(?:\.?{kind}|\{{ *\.{kind} *\}}) *") for kind in KINDS
}
# Any opening Python-Markdown reads as a fenced block.
_FENCE = re.compile(r"(?P<fence>`{3,}|~{3,}) *(?P<info>\{[^\n]*\}|\.?[\w#.+-]*) *")
_WORD = re.compile(r"[^\W\d_]+")
# A blank for the visitor, as in [Your name]: what makes a bare block a letter.
_BLANK = re.compile(r"\[[^\W\d_][^\]\n]{0,39}\]")


@dataclass
class _Letter:
    line: int  # where it starts
    fence: str  # the line that ends it, as Markdown reads it (or as meant)
    kind: str = "letter"  # or call, voicemail


def _block_word(info: str) -> tuple[str, str]:
    """(kind, word): the word after the fence if it is meant to say one of KINDS (any
    case, any ending, a letter or two wrong: `Letters`, `Call`, `voicemal`)."""
    match = _WORD.search(info.strip(" \t{}.:"))
    word = match.group(0) if match and match.start() == 0 else ""
    lower = word.lower()
    for kind in KINDS:
        if lower.startswith(kind):
            return kind, word
    close = get_close_matches(lower, KINDS[1:], n=1, cutoff=0.8) if len(lower) > 3 else []
    return (close[0], word) if close else ("", "")


def _a(kind: str) -> str:
    """How the messages name a block: 'a letter', 'a call block'."""
    return "a letter" if kind == "letter" else f"a {kind} block"


def _meant_fence(fence: str) -> str:
    return fence if fence[0] in "`~" and len(fence) >= 3 else "```"


def _spelling(file: str, number: int, line: str, match: re.Match) -> Problem:
    fence, (kind, word) = match["fence"], _block_word(match["info"])
    why = []
    if match["indent"]:
        why.append("there is space before it (it must start at the beginning of the line)")
    if _meant_fence(fence) != fence:
        why.append(f"it starts with {fence!r} instead of three backticks")
    if word != kind:
        why.append(
            f"the word {kind} must be in lower case"
            if word.lower() == kind
            else f"the word after the backticks must be exactly {kind!r}, not {word!r}"
        )
    if not why:
        why.append(f"nothing but the word {kind} may follow the backticks")
    instead = _meant_fence(fence) + kind
    code = "letter-fence-spelling" if kind == "letter" else "block-fence-spelling"
    message = say(code, text=line.strip(), why="; ".join(why), instead=instead, kind=kind)
    return Problem(file, kind, message, number, code)


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
        return match if match and _block_word(match["info"])[0] else None

    def unclosed(letter: _Letter, **words: str) -> Problem:
        """A block whose closing line never comes; `words` say where and what follows."""
        code = "letter-unclosed" if letter.kind == "letter" else "block-unclosed"
        message = say(code, fence=letter.fence, kind=letter.kind, **words)
        return Problem(file, letter.kind, message, letter.line, code)

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
                following = _a(_block_word(opening["info"])[0]).split(" ", 1)[1]
                result = (
                    "the next letter would be sent inside this one"
                    if following == "letter" == letter.kind
                    else f"the {following} after it would be read as part of it"
                )
                problems.append(
                    unclosed(
                        letter,
                        before=f" before the next {following}, on line {number}",
                        result=result,
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
                    else f"{_a(letter.kind)} ends with exactly {letter.fence!r}"
                )
                kind = letter.kind
                code = "letter-close-spelling" if kind == "letter" else "block-close-spelling"
                message = say(
                    code,
                    text=line.strip(),
                    start=letter.line,
                    why=why,
                    fence=letter.fence,
                    kind=letter.kind,
                )
                problems.append(Problem(file, letter.kind, message, number, code))
                closed, letter = None, None
            continue
        opening = letter_opening(line)
        if opening:
            kind = _block_word(opening["info"])[0]
            if not _EXACT[kind].fullmatch(line):
                problems.append(_spelling(file, number, line, opening))
            letter, closed = _Letter(number, _meant_fence(opening["fence"]), kind), None
            opened_letters = opened_letters or kind == "letter"
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
        result = (
            "it would show on the page as ordinary text, and could not be sent"
            if letter.kind == "letter"
            else "it would show on the page as ordinary text, not as what to say"
        )
        problems.append(unclosed(letter, before="", result=result, last=""))
    return problems
