"""Characters a reader cannot see: never sent, never shown.

A stranger's campaign can hide words in a letter (tag characters that spell
a sentence no one sees), reverse them on screen (bidi overrides, the "Trojan
Source" trick) or paste them by accident from a document (zero-width spaces).
This module is the one place that decides which characters are errors:

- control characters (Cc) other than line breaks and tabs;
- format characters (Cf) such as U+202E RIGHT-TO-LEFT OVERRIDE, U+200B ZERO
  WIDTH SPACE, U+2060 WORD JOINER, U+FEFF and the soft hyphen, except:
  - U+200C ZWNJ and U+200D ZWJ: emoji sequences and scripts such as Persian,
    Arabic and the Indic scripts need them to spell words correctly;
  - U+200E LRM, U+200F RLM and U+061C ALM: right-to-left writers need them
    to place numbers and punctuation; a mark has no scope, so it cannot
    reverse or hide a run of text the way embeddings, overrides and isolates
    can;
  - tag characters inside a valid emoji flag (🏴 + subdivision code + cancel
    tag, such as the flag of England);
  - the Arabic number signs and other prepended concatenation marks, which
    are visible;
  - U+180E MONGOLIAN VOWEL SEPARATOR between Mongolian letters;
- line and paragraph separators (U+2028, U+2029), which some mail apps show
  as a line break and others as nothing;
- the Hangul fillers U+3164 and U+FFA0: letters that draw as nothing.

Variation selectors (Mn) are fine: they choose how an emoji looks.

Also: `mixed_scripts` for an address that mixes alphabets (a Cyrillic "а"
among Latin letters)."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from .messages import ContentError, say

KEPT_FORMAT = frozenset("\u200c\u200d\u200e\u200f\u061c")
# Prepended_Concatenation_Mark (PropList.txt): visible signs, though Cf.
VISIBLE_FORMAT = frozenset(
    "\u0600\u0601\u0602\u0603\u0604\u0605\u06dd\u070f\u0890\u0891\u08e2\U000110bd\U000110cd"
)
ALWAYS_HIDDEN = frozenset("\u2028\u2029\u3164\uffa0")
MONGOLIAN_VOWEL_SEPARATOR = "\u180e"
KEPT_CONTROLS = frozenset("\n\r\t")

# UTS #51 emoji tag sequence, limited to what a flag can spell: the black flag,
# a CLDR subdivision id (region of 2 letters, then 1 to 4 letters or digits,
# all as tag characters) and CANCEL TAG. A tag spelling a sentence (spaces,
# capitals, full stops) is not a flag, so it is hidden text.
_TAG_LETTER = "\U000e0061-\U000e007a"
_TAG_ALNUM = "\U000e0030-\U000e0039\U000e0061-\U000e007a"
_FLAG = re.compile(f"\U0001f3f4[{_TAG_LETTER}]{{2}}[{_TAG_ALNUM}]{{1,4}}\U000e007f")
_TAGS = re.compile("[\U000e0000-\U000e007f]+")


@dataclass(frozen=True)
class Invisible:
    """One character a reader cannot see, and where it is."""

    char: str
    line: int  # 1-based, within the text
    column: int  # 1-based, within the line

    @property
    def code_point(self) -> str:
        return f"U+{ord(self.char):04X}"

    @property
    def name(self) -> str:
        return unicodedata.name(self.char, "unnamed character")

    def __str__(self) -> str:
        return f"{self.name} ({self.code_point})"


def _is_mongolian(char: str) -> bool:
    return "\u1800" <= char <= "\u18af" and unicodedata.category(char).startswith("L")


def _is_hidden(text: str, index: int) -> bool:
    char = text[index]
    category = unicodedata.category(char)
    if category == "Cc":
        return char not in KEPT_CONTROLS
    if char in ALWAYS_HIDDEN:
        return True
    if category != "Cf" or char in KEPT_FORMAT or char in VISIBLE_FORMAT:
        return False
    if char == MONGOLIAN_VOWEL_SEPARATOR:
        before = text[index - 1] if index > 0 else ""
        after = text[index + 1] if index + 1 < len(text) else ""
        return not (_is_mongolian(before) and _is_mongolian(after))
    return True


def _flag_positions(text: str) -> set[int]:
    """Indices of tag characters that belong to a valid emoji flag."""
    return {i for match in _FLAG.finditer(text) for i in range(match.start() + 1, match.end())}


def invisible_characters(text: str) -> list[Invisible]:
    """Every character of `text` that is an error, in order, with its line and column."""
    in_flags = _flag_positions(text) if "\U000e007f" in text else set()
    found = []
    line, line_start = 1, 0
    for index, char in enumerate(text):
        if char == "\n":
            line, line_start = line + 1, index + 1
            continue
        if index not in in_flags and _is_hidden(text, index):
            found.append(Invisible(char, line, index - line_start + 1))
    return found


def _is_tag(char: str) -> bool:
    return 0xE0000 <= ord(char) <= 0xE007F


def describe(found: list[Invisible]) -> str:
    """'RIGHT-TO-LEFT OVERRIDE (U+202E), ZERO WIDTH SPACE (U+200B) 3 times'.

    Tag characters are counted together: one by one they would fill a screen."""
    counts = Counter(
        "TAG characters (U+E0000 to U+E007F)" if _is_tag(item.char) else str(item) for item in found
    )
    return ", ".join(
        f"{text} {number} times" if number > 1 else text for text, number in counts.items()
    )


def hidden_text(text: str) -> str:
    """The words spelled in tag characters outside a flag, made visible.

    Tag characters U+E0020–U+E007E mirror ASCII; a message hidden in them is
    the most dangerous kind, so the volunteer is shown what it says."""
    flags = _flag_positions(text)
    kept = "".join(c for i, c in enumerate(text) if i not in flags)
    return " ".join(
        "".join(chr(ord(c) - 0xE0000) for c in run.group() if 0xE0020 <= ord(c) <= 0xE007E)
        for run in _TAGS.finditer(kept)
    ).strip()


def _hidden_words(text: str) -> str:
    words = hidden_text(text)
    return f", which spell out {words!r}" if words else ""


def control_characters(text: str) -> str:
    """Control characters (Cc) other than line breaks and tabs, as 'U+0007, U+001B'.

    The format the messages have always used."""
    return ", ".join(
        sorted(
            {
                f"U+{ord(c):04X}"
                for c in text
                if unicodedata.category(c) == "Cc" and c not in KEPT_CONTROLS
            }
        )
    )


def text_errors(text: str) -> list[ContentError]:
    """For a one-line field (Subject, Title, Summary): one error naming every
    invisible character, or none."""
    found = invisible_characters(text)
    if not found:
        return []
    return [
        ContentError("invisible-characters", characters=describe(found), hidden=_hidden_words(text))
    ]


def letter_errors(letter: str, number: int) -> list[ContentError]:
    """For letter `number` (1-based): one error per line that has invisible characters."""
    errors = []
    lines = letter.split("\n")
    by_line: dict[int, list[Invisible]] = {}
    for item in invisible_characters(letter):
        by_line.setdefault(item.line, []).append(item)
    for line, found in by_line.items():
        errors.append(
            ContentError(
                "letter-invisible",
                number=number,
                line=line,
                characters=describe(found),
                hidden=_hidden_words(lines[line - 1]),
            )
        )
    return errors


# --- Addresses that mix alphabets ------------------------------------------

# Scripts that are written together: Japanese mixes Han, Hiragana and
# Katakana; Korean mixes Hangul and Han.
_WRITTEN_TOGETHER = (
    {"CJK", "HIRAGANA", "KATAKANA", "KATAKANA-HIRAGANA", "HALFWIDTH"},
    {"HANGUL", "CJK", "HALFWIDTH"},
)


def _script(char: str) -> str | None:
    """The script of a letter, from its Unicode name ('CYRILLIC SMALL LETTER A' → CYRILLIC).

    Digits, hyphens, dots and other signs belong to no script: not counted."""
    if not unicodedata.category(char).startswith("L"):
        return None
    first = unicodedata.name(char, "UNKNOWN").split(" ")[0]
    return None if first == "MODIFIER" else first  # modifier letters belong to many scripts


def _scripts(text: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for char in text:
        script = _script(char)
        if script and char not in found.setdefault(script, []):
            found[script].append(char)
    return found


def _mixed(text: str) -> dict[str, list[str]] | None:
    found = _scripts(text)
    if len(found) < 2 or any(set(found) <= together for together in _WRITTEN_TOGETHER):
        return None
    return found


def _words(found: dict[str, list[str]]) -> str:
    """'Latin and Cyrillic (а)': the rarer scripts' letters are the suspects."""
    ordered = sorted(found, key=lambda s: -len(found[s]))
    names = [s.title() for s in ordered]
    suspects = "".join(c for s in ordered[1:] for c in found[s])
    return f"{', '.join(names[:-1])} and {names[-1]} letters ({suspects})"


def _unicode_label(label: str) -> str:
    if label.lower().startswith("xn--"):
        try:
            return label.encode("ascii").decode("idna")
        except UnicodeError:
            return label
    return label


def mixed_scripts(address: str) -> str | None:
    """How `address` mixes alphabets, in words, or None if it does not.

    The part before @ is checked as a whole and the domain one label at a
    time (пример.com mixes Cyrillic and Latin labels, as it may)."""
    local, _, domain = address.rpartition("@") if "@" in address else (address, "", "")
    found = _mixed(local)
    if found:
        return f"mixes {_words(found)} before the @"
    for label in domain.split("."):
        shown = _unicode_label(label)
        found = _mixed(shown)
        if found:
            return f"mixes {_words(found)} in {shown!r}"
    return None


def mixed_scripts_warning(address: str) -> str | None:
    """The `address-mixed-scripts` warning for `address`, or None."""
    description = mixed_scripts(address)
    return (
        say("address-mixed-scripts", address=address, description=description)
        if description
        else None
    )
