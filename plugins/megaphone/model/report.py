"""Problems in campaign files, said in plain words for volunteers.

Each problem names the file (with the line where we can find it), the field,
what is wrong and what to write instead. The build collects every problem
first and then stops once, so a volunteer can fix them all in one go."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    file: str  # as the volunteer sees it, e.g. content/campaigns/ban-the-scan.md
    field: str  # To, Subject, Deadline, letter, ...
    message: str  # what is wrong and how to fix it, ending with its [code]
    line: int | None = None
    code: str = ""  # the entry in messages.PROBLEMS (and in docs/errors.md)
    find: str = ""  # text on the problem's line, where the field alone cannot tell it

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.field}: {self.message}"


class CampaignProblems(SystemExit):
    """Stops the build with exit status 1 and the report, and no traceback.

    A SystemExit, because Pelican logs any other exception with a traceback
    (and logs-and-skips one raised while reading a page)."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.file, p.line or 0, p.field))
        super().__init__(format_report(self.problems))


def count(number: int, noun: str, nouns: str = "") -> str:
    """'1 problem', '3 problems': the commands speak English, one noun at a time."""
    return f"{number} {noun if number == 1 else nouns or noun + 's'}"


def format_report(problems: list[Problem]) -> str:
    head = (
        f"The site was not built: {count(len(problems), 'problem')} in "
        f"{count(len({p.file for p in problems}), 'file')}. Fix them, then build again."
    )
    return "\n".join([head, ""] + [f"  {p}" for p in problems])


def _find(source: str, field: str):
    if field == "letter":
        pattern = re.compile(r"^\s*(`{3,}|~{3,})\s*letter\b", re.IGNORECASE)
    else:
        pattern = re.compile(rf"^{re.escape(field)}\s*:\s*(.*)$", re.IGNORECASE)
    for number, line in enumerate(source.split("\n"), start=1):
        match = pattern.match(line)
        if match:
            return number, match
    return None, None


def field_line(source: str, field: str) -> int | None:
    """The line of a `Field: value` header, or of the letter's fence."""
    return _find(source, field)[0]


def field_value(source: str, field: str) -> str:
    """The text after `Field:` in the header, as the volunteer wrote it."""
    match = _find(source, field)[1]
    return match.group(match.lastindex).strip() if match and match.lastindex else ""


def read_source(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
