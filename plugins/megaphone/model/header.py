"""The `Key: value` lines at the top of a campaign file, read as the volunteer wrote them.

Markdown's meta extension (which Pelican uses) reads the same lines, but
forgets where each one was and quietly joins repeated keys; this keeps the
line numbers, so that every mistake in the header can name its line."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Keys as Markdown reads them, and keys with spaces ("Time zone"), which end
# Markdown's header early and so must be reported, not skipped.
_KEY = re.compile(
    r"^(?P<indent>[ \t]*)(?P<key>[A-Za-z0-9_-]+(?: [A-Za-z0-9_-]+)*)[ \t]*:(?P<value>.*)$"
)
_CONTINUATION = re.compile(r"^[ \t]{4,}\S|^\t+\S")

# Every field a campaign file may have: Pelican's own and Megaphone's. Keys
# are case-insensitive; a site may add its own (CAMPAIGN_EXTRA_FIELDS).
PELICAN_FIELDS = (
    "title",
    "date",
    "modified",
    "tags",
    "category",
    "slug",
    "author",
    "authors",
    "summary",
    "lang",
    "translation",
    "status",
)
MEGAPHONE_FIELDS = (
    "to",
    "cc",
    "bcc",
    "subject",
    "subjects",
    "deadline",
    "timezone",
    "image",
    "count",
    "targets",
)
KNOWN_FIELDS = PELICAN_FIELDS + MEGAPHONE_FIELDS

# Fields that hold one value: a second line is a mistake, not more of the same.
SINGLE_VALUED = (
    "title",
    "slug",
    "date",
    "modified",
    "status",
    "summary",
    "image",
    "subject",
    "count",
    "deadline",
    "timezone",
    "lang",
    "translation",
)
# Pelican fields that would change where or how a page is written: a campaign
# is published at its Slug with the theme's template, nothing else.
NOT_ALLOWED = ("save_as", "url", "template", "lang_save_as", "lang_url")


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
