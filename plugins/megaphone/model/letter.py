"""Take the letter out of a campaign's rendered HTML.

The letter is the text of each fenced block whose info string is `letter`;
Python-Markdown renders it as <pre><code class="language-letter">, escaped but
otherwise untouched (no highlighting, no typographic filters). What remains
is the page's explanation."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from bs4 import BeautifulSoup, Comment

LETTER_CLASS = "language-letter"
# What to say on the phone (calls.py): ```call, and ```voicemail for an answering machine.
CALL_CLASS = "language-call"
VOICEMAIL_CLASS = "language-voicemail"


@dataclass(frozen=True)
class Split:
    letters: tuple[str, ...]
    explanation: str  # the HTML without the letter (and call) blocks
    calls: tuple[str, ...] = ()
    voicemails: tuple[str, ...] = ()


def split_letters(html: str) -> Split:
    soup = BeautifulSoup(html, "html.parser")
    comments = soup.find_all(string=lambda text: isinstance(text, Comment))
    for comment in comments:  # notes for volunteers, such as `make campaign`'s
        comment.extract()
    found: dict[str, list[str]] = {LETTER_CLASS: [], CALL_CLASS: [], VOICEMAIL_CLASS: []}
    for code in soup.find_all("code", class_=list(found)):
        classes: list[str] = list(code.get("class") or [])
        kind = next(c for c in classes if c in found)
        found[kind].append(_clean(code.get_text()))
        block = code.parent if code.parent and code.parent.name == "pre" else code
        block.decompose()
    taken = any(found.values())
    return Split(
        tuple(found[LETTER_CLASS]),
        str(soup) if taken or comments else html,
        tuple(found[CALL_CLASS]),
        tuple(found[VOICEMAIL_CLASS]),
    )


def _clean(text: str) -> str:
    """Drop the blank lines Markdown keeps before the closing fence.

    Inside the text nothing changes: line for line, it is the email body."""
    return text.strip("\r\n")


# --- Placeholders: the blanks a visitor fills in -------------------------------
#
# One grammar, written twice: here and in theme/static/js/megaphone.js
# (placeholders, fill, labels). tests/vectors/placeholders.json holds the
# cases both must agree on. A placeholder is `[name]` where the name, without
# the spaces around it, starts with a letter of any alphabet, holds only
# words (letters, digits, spaces and the punctuation of a phrase), and is at
# most PLACEHOLDER_MAX characters. Anything else in brackets stays text:
# citation markers [1], bracketed links, [...], escaped \[brackets\], long
# notes in capitals, and the text of a Markdown link, `[report](https://…)`
# (the email is plain text: the volunteer meant a link, never a box).

# 40 characters: a label a visitor reads at a glance, on one line of a phone
# (the longest blank in `make campaign`'s letter, "Title and name of the
# person who decides", is 40). Longer bracketed text is a note to whoever
# sends the letter ("[MAKE SURE YOU FILL IN THE BRACKETS BEFORE SENDING]"),
# not a blank anyone could fill in a field.
PLACEHOLDER_MAX = 40
# Brackets on one line, with the backslash before them if any (`\[` is text).
# The backslash is matched, not looked behind for: the script must run in old
# Safari, which has no lookbehind, and both must read brackets the same way.
_BRACKETS = re.compile(r"(\\?)\[([^\[\]\n]*)\]")
# What makes bracketed text a Markdown link's: `(`, a target without spaces, `)`.
_LINK_TARGET = re.compile(r"\([^ \t\r\n()]+\)")
_ESCAPED = re.compile(r"\\\[[^\[\]\n]*\]")
_PHRASE_PUNCTUATION = frozenset(" _'\u2019.,:;!?&()/#+%@\"-\u2013\u2014")
_URL = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|www\.|mailto:)", re.IGNORECASE)


def _is_word_character(character: str) -> bool:
    return unicodedata.category(character)[0] in "LMN" or character in _PHRASE_PUNCTUATION


def placeholder_name(inside: str) -> str | None:
    """The field's label for the text between the brackets, or None if it stays text."""
    name = inside.strip(" ")
    if not name or len(name) > PLACEHOLDER_MAX or _URL.match(name):
        return None
    if not unicodedata.category(name[0]).startswith("L"):
        return None
    return name if all(_is_word_character(c) for c in name) else None


def is_link_text(match: re.Match) -> bool:
    """Brackets followed at once by `(target)`: the text of a Markdown link."""
    return _LINK_TARGET.match(match.string, match.end()) is not None


def _blank(match: re.Match) -> str | None:
    """The placeholder a match of _BRACKETS is, or None: escaped, a link's text, or words
    that are no label."""
    if match.group(1) or is_link_text(match):
        return None
    return placeholder_name(match.group(2))


def placeholders(text: str) -> tuple[str, ...]:
    """The distinct `[Your name]`-style blanks, in order of appearance."""
    seen: dict[str, None] = {}
    for match in _BRACKETS.finditer(text):
        name = _blank(match)
        if name:
            seen.setdefault(name, None)
    return tuple(seen)


def fill(text: str, values: dict[str, str]) -> str:
    """Each placeholder with a value (not blank) replaced by it, as the page's script does."""

    def replace(match: re.Match) -> str:
        name = _blank(match)
        value = values.get(name) if name else None
        return value if isinstance(value, str) and value.strip() else match.group(0)

    return _BRACKETS.sub(replace, text)


def blank_counts(text: str) -> dict[str, tuple[int, int]]:
    """Each placeholder: how many times it is written, and how many characters those
    take with their brackets (what `fill` replaces), to size a letter before filling it."""
    found: dict[str, tuple[int, int]] = {}
    for match in _BRACKETS.finditer(text):
        name = _blank(match)
        if name:
            times, length = found.get(name, (0, 0))
            found[name] = (times + 1, length + len(match.group(0)))
    return found


def written_blanks(text: str) -> list[tuple[str, str]]:
    """Every placeholder as written: (its name, the brackets and all), in order."""
    return [
        (name, match.group(0))
        for match in _BRACKETS.finditer(text)
        if (name := _blank(match)) is not None
    ]


def respell(text: str, spellings: dict[str, str]) -> str:
    """Each placeholder whose name is in `spellings` written as `[that spelling]`, so
    that the page and the email read it exactly as if it had been written so."""

    def replace(match: re.Match) -> str:
        name = _blank(match)
        known = spellings.get(name) if name else None
        return f"[{known}]" if known and known != name else match.group(0)

    return _BRACKETS.sub(replace, text)


def links_in(text: str) -> list[str]:
    """Each Markdown link `[text](target)` as written, once."""
    found: dict[str, None] = {}
    for match in _BRACKETS.finditer(text):
        target = _LINK_TARGET.match(text, match.end())
        if target and not match.group(1):
            found.setdefault(match.group(0) + target.group(0), None)
    return list(found)


def unclosed_brackets(text: str) -> list[str]:
    """Each line (stripped) with a `[` never closed on it, or a `]` that closes none.

    Brackets do not cross lines, so such a line's would-be blank is sent as written.
    Backslashes are not looked at: `\\[YOUR NAME\\]` and `\\[Your city]` are closed
    (their backslashes have their own warning)."""
    found = []
    for line in text.split("\n"):
        open_, stray = 0, False
        for character in line:
            if character == "[":
                open_ += 1
            elif character == "]":
                stray = stray or open_ == 0
                open_ = max(open_ - 1, 0)
        if open_ or stray:
            found.append(line.strip())
    return found


# --- Version labels: what tells the versions of a letter apart -----------------
#
# Written twice as well (the script relabels the versions as the visitor fills
# the blanks in): tests/vectors/placeholders.json's "labels".

LABEL_MAX = 90
# Spaces, tabs and line ends only: Python's and JavaScript's `\s` differ.
_SPACES = re.compile(r"[ \t\r\n]+")


def _shortened(line: str) -> str:
    return line if len(line) <= LABEL_MAX else line[: LABEL_MAX - 1].rstrip() + "\u2026"


def excerpt(letter: str) -> str:
    """A line that tells versions of a letter apart: the first after the greeting."""
    lines = [line.strip() for line in letter.split("\n") if line.strip()]
    line = lines[1] if len(lines) > 1 else lines[0] if lines else ""
    return _shortened(line)


def _words(letter: str) -> list[str]:
    return [word for word in _SPACES.split(letter) if word]


def _first_difference(group: list[list[str]]) -> int:
    """The first word at which the letters of a group are not all the same."""
    position = 0
    while all(position < len(words) for words in group) and (
        len({words[position] for words in group}) == 1
    ):
        position += 1
    return position


def _same(found: list[str], indices: list[int]) -> list[list[int]]:
    """The groups of versions, among `indices`, whose labels are the same."""
    groups: dict[str, list[int]] = {}
    for index in indices:
        groups.setdefault(found[index], []).append(index)
    return [group for group in groups.values() if len(group) > 1]


def _apart(
    found: list[str], words: list[list[str]], group: list[int], start: int = 0, again: bool = False
) -> None:
    """Label a group of versions that read the same by their words from the first
    that differ; a group with no words that differ (or that still reads the same
    once shortened) is numbered instead, so that no two labels are ever the same."""
    position = start + _first_difference([words[i][start:] for i in group])
    # `again`: these already read the same from `start`; no word further on differs.
    if (again and position == start) or all(position >= len(words[i]) for i in group):
        for number, index in enumerate(group[1:], start=2):
            found[index] = f"{found[index]} ({number})"
        return
    before = "\u2026" if position else ""  # the words before are left out
    for index in group:
        found[index] = _shortened(before + " ".join(words[index][position:]))
    for same in _same(found, group):
        _apart(found, words, same, position, again=True)


def labels(letters: list[str]) -> list[str]:
    """One label per version of the letter, never two the same: its excerpt, or,
    where two versions open with the same words, their first words that differ.

    A new label can be another version's: then those two are told apart in the
    next round. A round per version is enough for any real letters; past that,
    the last labels left the same are numbered."""
    found = [excerpt(letter) for letter in letters]
    words = [_words(letter) for letter in letters]
    for _ in letters:
        same = _same(found, list(range(len(letters))))
        if not same:
            return found
        for group in same:
            _apart(found, words, group)
    return _unique(found)


def _unique(found: list[str]) -> list[str]:
    """Each label already given, numbered: "(2)", or the next number not yet given."""
    given: set[str] = set()
    unique = []
    for label in found:
        number, numbered = 1, label
        while numbered in given:
            number += 1
            numbered = f"{label} ({number})"
        given.add(numbered)
        unique.append(numbered)
    return unique


@dataclass(frozen=True)
class Bracketed:
    """Bracketed text that is not a blank, but looks as if it was meant as one."""

    text: str  # as written, brackets included
    kind: str  # "escaped" or "instruction"


def not_blanks(text: str) -> list[Bracketed]:
    """Escaped brackets, and notes in brackets (too long, or not plain words).

    Digits, links, a Markdown link's text and `...` in brackets are left alone: they are citations,
    addresses and quotations, meant to be sent as they are."""
    found: dict[str, Bracketed] = {}
    for match in _ESCAPED.finditer(text):
        found.setdefault(match.group(0), Bracketed(match.group(0), "escaped"))
    for match in _BRACKETS.finditer(text):
        inside = match.group(2).strip(" ")
        if match.group(1) or is_link_text(match) or placeholder_name(inside) or _URL.match(inside):
            continue  # escaped (said above), a link's text (said on its own), or fine
        if any(unicodedata.category(c).startswith("L") for c in inside):
            found.setdefault(match.group(0), Bracketed(match.group(0), "instruction"))
    return list(found.values())
