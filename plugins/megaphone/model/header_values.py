"""The values of the header's fields as written, one small reader per field.

Pelican and Markdown read a value they do not understand as something else,
in silence: `Date: 03/12/2026` as 12 March, `Status: hidden` as a page no list
shows, `Subjects: One, two` as one long subject, an empty `Timezone:` as the
site's time zone. Each reader here says what the volunteer wrote could mean,
and what to write instead. A new field is one more reader in READERS."""

from __future__ import annotations

import re
from collections.abc import Callable

from .header import HeaderLine
from .messages import say
from .report import Problem

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?")
STATUSES = ("draft", "published")
# Fields whose empty value already has its own message (to-empty, subject-empty).
_EMPTY_SAID = ("to", "subject")
# Fields that may be left empty on purpose.
_MAY_BE_EMPTY = ("cc", "bcc", "tags", "summary")

Reader = Callable[[HeaderLine], list[tuple[str, dict]]]


def _problem(code: str, **values) -> tuple[str, dict]:
    """A reader's finding: its code and the values of its message."""
    return code, values


def _date(line: HeaderLine) -> list[tuple[str, dict]]:
    if not line.value or _ISO_DATE.fullmatch(line.value):
        return []
    return [_problem("date-format", text=line.value)]


def _status(line: HeaderLine) -> list[tuple[str, dict]]:
    if not line.value or line.value.lower() in STATUSES:
        return []
    return [_problem("status-unknown", text=line.value)]


def _subjects(line: HeaderLine) -> list[tuple[str, dict]]:
    """One subject with commas, slashes or semicolons: meant as several."""
    value = line.value
    if not value or "|" in value or not re.search(r"[,;]| / ", value):
        return []
    pieces = [p.strip() for p in re.split(r"[,;]| / ", value) if p.strip()]
    return [_problem("subjects-one", text=value, fixed=" | ".join(pieces))]


def _subject(line: HeaderLine) -> list[tuple[str, dict]]:
    """One subject with '|' in it: meant as several, the way `Subjects:` writes them."""
    if "|" not in line.value:
        return []
    pieces = [p.strip() for p in line.value.split("|") if p.strip()]
    return [_problem("subject-bars", text=line.value, fixed=" | ".join(pieces))]


READERS: dict[str, Reader] = {
    "date": _date,
    "modified": _date,
    "status": _status,
    "subject": _subject,
    "subjects": _subjects,
}


def value_problems(file: str, lines: list[HeaderLine], continued: set[int]) -> list[Problem]:
    """`continued`: the lines whose value goes on below them (indented lines)."""
    problems = []
    for line in lines:
        if line.indented:
            continue
        found = READERS.get(line.name, lambda _: [])(line)
        if not line.value and line.line not in continued:
            if line.name not in _EMPTY_SAID + _MAY_BE_EMPTY:
                found = [_problem("field-empty", key=line.key)]
        for code, values in found:
            problems.append(Problem(file, line.key, say(code, **values), line.line, code))
    return problems
