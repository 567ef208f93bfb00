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


@dataclass(frozen=True)
class Split:
    letters: tuple[str, ...]
    explanation: str  # the HTML without the letter blocks


def split_letters(html: str) -> Split:
    soup = BeautifulSoup(html, "html.parser")
    comments = soup.find_all(string=lambda text: isinstance(text, Comment))
    for comment in comments:  # notes for volunteers, such as `make campaign`'s
        comment.extract()
    letters = []
    for code in soup.find_all("code", class_=LETTER_CLASS):
        letters.append(_clean(code.get_text()))
        block = code.parent if code.parent and code.parent.name == "pre" else code
        block.decompose()
    return Split(tuple(letters), str(soup) if letters or comments else html)


def _clean(text: str) -> str:
    """Drop the blank lines Markdown keeps before the closing fence.

    Inside the text nothing changes: line for line, it is the email body."""
    return text.strip("\r\n")


# --- Placeholders: the blanks a visitor fills in -------------------------------
#
# One grammar, written twice: here and in theme/static/js/megaphone.js
# (placeholders, fill, excerpt). tests/vectors/placeholders.json holds the
# cases both must agree on. A placeholder is `[name]` where the name, without
# the spaces around it, starts with a letter of any alphabet, holds only
# words (letters, digits, spaces and the punctuation of a phrase), and is at
# most PLACEHOLDER_MAX characters. Anything else in brackets stays text:
# citation markers [1], bracketed links, [...], escaped \[brackets\], and
# long notes in capitals.

# 40 characters: a label a visitor reads at a glance, on one line of a phone
# (the longest blank in `make campaign`'s letter, "Title and name of the
# person who decides", is 40). Longer bracketed text is a note to whoever
# sends the letter ("[MAKE SURE YOU FILL IN THE BRACKETS BEFORE SENDING]"),
# not a blank anyone could fill in a field.
PLACEHOLDER_MAX = 40
# The `[` of a placeholder: not escaped with a backslash (`\[` is text).
_BRACKETS = re.compile(r"(?<!\\)\[([^\[\]\n]*)\]")
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


def placeholders(text: str) -> tuple[str, ...]:
    """The distinct `[Your name]`-style blanks, in order of appearance."""
    seen: dict[str, None] = {}
    for match in _BRACKETS.finditer(text):
        name = placeholder_name(match.group(1))
        if name:
            seen.setdefault(name, None)
    return tuple(seen)


def fill(text: str, values: dict[str, str]) -> str:
    """Each placeholder with a value (not blank) replaced by it, as the page's script does."""

    def replace(match: re.Match) -> str:
        name = placeholder_name(match.group(1))
        value = values.get(name) if name else None
        return value if isinstance(value, str) and value.strip() else match.group(0)

    return _BRACKETS.sub(replace, text)


def blank_counts(text: str) -> dict[str, tuple[int, int]]:
    """Each placeholder: how many times it is written, and how many characters those
    take with their brackets (what `fill` replaces), to size a letter before filling it."""
    found: dict[str, tuple[int, int]] = {}
    for match in _BRACKETS.finditer(text):
        name = placeholder_name(match.group(1))
        if name:
            times, length = found.get(name, (0, 0))
            found[name] = (times + 1, length + len(match.group(0)))
    return found


def excerpt(letter: str) -> str:
    """A line that tells versions of a letter apart: the first after the greeting."""
    lines = [line.strip() for line in letter.split("\n") if line.strip()]
    line = lines[1] if len(lines) > 1 else lines[0] if lines else ""
    return line if len(line) <= 90 else line[:89].rstrip() + "\u2026"


@dataclass(frozen=True)
class Bracketed:
    """Bracketed text that is not a blank, but looks as if it was meant as one."""

    text: str  # as written, brackets included
    kind: str  # "escaped" or "instruction"


def not_blanks(text: str) -> list[Bracketed]:
    """Escaped brackets, and notes in brackets (too long, or not plain words).

    Digits, links and `...` in brackets are left alone: they are citations,
    addresses and quotations, meant to be sent as they are."""
    found: dict[str, Bracketed] = {}
    for match in _ESCAPED.finditer(text):
        found.setdefault(match.group(0), Bracketed(match.group(0), "escaped"))
    for match in _BRACKETS.finditer(text):
        inside = match.group(1).strip(" ")
        if placeholder_name(inside) or _URL.match(inside):
            continue
        if any(unicodedata.category(c).startswith("L") for c in inside):
            found.setdefault(match.group(0), Bracketed(match.group(0), "instruction"))
    return list(found.values())
