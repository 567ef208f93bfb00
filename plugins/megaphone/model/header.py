"""The `Key: value` lines at the top of a campaign file, read as the volunteer wrote them.

Markdown's meta extension (which Pelican uses) reads the same lines, but
forgets where each one was and quietly joins repeated keys; this keeps the
line numbers, so that every mistake in the header can name its line."""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import schema

# Keys as Markdown reads them, and keys with spaces or tabs ("Time zone"), which end
# Markdown's header early and so must be reported, not skipped.
_KEY = re.compile(
    r"^(?P<indent>[ \t]*)(?P<key>[A-Za-z0-9_-]+(?:[ \t]+[A-Za-z0-9_-]+)*)[ \t]*:(?P<value>.*)$"
)
_CONTINUATION = re.compile(r"^[ \t]{4,}\S|^\t+\S")

# Every field a campaign file may have, Pelican's and Megaphone's, declared once
# in schema.py. Keys are case-insensitive; a site may add its own
# (MEGAPHONE_EXTRA_FIELDS).
KNOWN_FIELDS = schema.KNOWN
SINGLE_VALUED = schema.SINGLE_VALUED
NOT_ALLOWED = schema.REFUSED


@dataclass(frozen=True)
class HeaderLine:
    key: str  # as written
    value: str
    line: int  # 1-based
    indented: bool

    @property
    def name(self) -> str:
        return self.key.lower()


def header_lines(source: str) -> list[HeaderLine]:
    """Each `Key: value` line of the header (which ends at the first blank line)."""
    found = []
    for number, line in enumerate(source.lstrip("\ufeff").split("\n"), start=1):
        if not line.strip():
            break
        match = _KEY.match(line)
        if match:
            found.append(
                HeaderLine(match["key"], match["value"].strip(), number, bool(match["indent"]))
            )
        elif not _CONTINUATION.match(line) and number == 1:
            break  # no header at all
    return found


# A field's name, then something other than its colon: `Timezone; America/Chicago`,
# `Timezone America/Chicago`, a full-width colon typed with a Chinese or Japanese
# keyboard (`Timezone：`), `Deadline = 2021-03-01`.
_NO_COLON = re.compile(
    r"^(?P<key>[A-Za-z]+)(?:[ \t]*(?P<mark>[;=\uff1a\ufe55\ufe13])|[ \t]+)(?P<rest>.*)$"
)


# A field's name, then a space before its colon: `Timezone : America/Chicago`.
_SPACE_BEFORE_COLON = re.compile(r"^(?P<key>[A-Za-z0-9_-]+)[ \t]+:")


def fields_without_colon(source: str, known: tuple[str, ...]) -> list[tuple[int, str, str]]:
    """(line number, field, the mark written instead of the colon) for each line of the
    header that starts with a known field's name but has no colon right after it (the
    mark is "" for a space before the colon). Markdown ends the fields there: that
    line, and every field below it, would be shown as text."""
    found = []
    for number, line in enumerate(source.lstrip("\ufeff").split("\n"), start=1):
        if not line.strip():
            break
        spaced = _SPACE_BEFORE_COLON.match(line)
        if spaced and spaced["key"].lower() in known:
            found.append((number, spaced["key"], ""))
            continue
        if _KEY.match(line) or _CONTINUATION.match(line):
            continue
        match = _NO_COLON.match(line)
        if not match or match["key"].lower() not in known:
            if number == 1:
                break  # no header at all
            continue
        rest = match["rest"].strip()
        # After a space only, a value rather than prose ("To the council..."): one word,
        # an address, or no words at all (a date).
        if match["mark"] or (
            rest and (" " not in rest or "@" in rest or not re.search(r"[^\W\d_]{2}", rest))
        ):
            found.append((number, match["key"], match["mark"] or "a space"))
    return found


def fields_after_header(source: str, known: tuple[str, ...]) -> list[tuple[HeaderLine, int]]:
    """Known `Key: value` lines just after the blank line that ends the header, each with
    the number of that blank line. Markdown reads them as text: `Timezone` after a blank
    line is a paragraph on the page, and the campaign closes in the site's time zone.
    Only the lines before the explanation's first words count: prose may say 'Deadline:'."""
    lines = source.lstrip("\ufeff").split("\n")
    if not header_lines(source):
        return []
    end = next((i for i, line in enumerate(lines) if not line.strip()), len(lines))
    found = []
    for number in range(end + 1, len(lines)):
        line = lines[number]
        if not line.strip():
            continue
        match = _KEY.match(line)
        if not match or match["key"].lower() not in known:
            break  # the explanation has begun
        field = HeaderLine(match["key"], match["value"].strip(), number + 1, bool(match["indent"]))
        found.append((field, end + 1))
    return found


def continued_lines(source: str) -> set[int]:
    """The numbers of the header lines whose value goes on in the indented lines below
    them (`Subjects:` with one subject per line)."""
    lines = source.lstrip("\ufeff").split("\n")
    continued = set()
    for number, (line, after) in enumerate(zip(lines, lines[1:], strict=False), start=1):
        if not line.strip():
            break  # the end of the header
        if _KEY.match(line) and _CONTINUATION.match(after):
            continued.add(number)
    return continued


def repeated(lines: list[HeaderLine]) -> dict[str, list[HeaderLine]]:
    """Single-valued fields written on more than one line."""
    by_name: dict[str, list[HeaderLine]] = {}
    for line in lines:
        if line.name in SINGLE_VALUED and not line.indented:
            by_name.setdefault(line.name, []).append(line)
    return {name: found for name, found in by_name.items() if len(found) > 1}


def line_containing(source: str, needle: str) -> int | None:
    """The first line of `source` that holds `needle`, 1-based."""
    if not needle:
        return None
    for number, line in enumerate(source.split("\n"), start=1):
        if needle in line:
            return number
    return None
