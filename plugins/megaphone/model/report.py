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
        return one_line(self)

    @property
    def text(self) -> str:
        """The message without its trailing [code] (say() adds it; the line puts it first)."""
        return CODE_AT_END.sub("", self.message)

    @property
    def the_code(self) -> str:
        match = CODE_AT_END.search(self.message)
        return self.code or (match.group(1) if match else "")


# Campaign warnings are logged here, each with its Problem as `campaign_problem`.
WARNINGS_LOGGER = "megaphone.warnings"
CODE_AT_END = re.compile(r"\s*\[([a-z0-9-]+)\]\s*$")


def one_line(problem: Problem) -> str:
    """`file:line: [code] Field: message`, never wrapped, so that it can be grepped
    (and an editor or CI can jump to the line). The same for errors and warnings."""
    file = _printable(problem.file)  # a file name may hold a line break: never a new line
    where = f"{file}:{problem.line}" if problem.line else file
    code = f" [{problem.the_code}]" if problem.the_code else ""
    field = f" {problem.field}:" if problem.field else ""
    text = " ".join(problem.text.split())  # one line, whatever the message held
    return f"{where}:{code}{field} {text}"


def _printable(text: str) -> str:
    """Control characters written as escapes: `park\\n.md`, not two lines."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def annotation(problem: Problem, level: str) -> str:
    """The problem as a GitHub Actions workflow command, shown on the pull request's line:
    `::error file=…,line=…,title=[code]::message` (GitHub's escapes: % CR LF, and , : in
    the properties)."""

    def data(text: str) -> str:
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

    def prop(text: str) -> str:
        return data(text).replace(":", "%3A").replace(",", "%2C")

    props = [f"file={prop(problem.file)}"]
    if problem.line:
        props.append(f"line={problem.line}")
    if problem.the_code:
        props.append(f"title={prop(problem.the_code)}")
    field = f"{problem.field}: " if problem.field else ""
    return f"::{level} {','.join(props)}::{data(field + problem.text)}"


class MegaphoneError(Exception):
    """A build stopped by Megaphone, with what to do said in plain words (its str).

    An ordinary exception, not a SystemExit: `pelican -r` (autoreload) logs it and
    goes on watching instead of exiting. Caught at one boundary: the volunteer
    commands (commands/pelican_run.py) turn it into their report; for `pelican` run
    directly, site/plain_report.py has Pelican log it without a traceback, and
    Pelican exits with status 1."""


class CampaignProblems(MegaphoneError):
    """Stops the build with every problem in the campaign files, said at once.

    Raised only where Pelican lets an exception through (never while it reads a
    page, which it would log and skip: read_failures.py turns those into problems)."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.file, p.line or 0, p.field))
        super().__init__(format_report(self.problems))


def count(number: int, noun: str, nouns: str = "") -> str:
    """'1 problem', '3 problems': the commands speak English, one noun at a time."""
    return f"{number} {noun if number == 1 else nouns or noun + 's'}"


def format_report(problems: list[Problem], guide: str = "docs/errors.md") -> str:
    """One line per problem, then what to do (`guide`: where the reader has the page
    that explains each code)."""
    them = "it" if len(problems) == 1 else "them"
    tail = (
        f"The site was not built: {count(len(problems), 'problem')} in "
        f"{count(len({p.file for p in problems}), 'file')}. Fix {them}, then build again. "
        f"Each [code] is explained in {guide}."
    )
    return "\n".join([str(p) for p in problems] + [tail])


def summarised(warnings: list[Problem], most: int = 3) -> list[str]:
    """Warnings for `make html` and the devserver: each one, unless one code repeats in
    more than `most` files; then one line for that code, with the count."""
    by_code: dict[str, list[Problem]] = {}
    for warning in warnings:
        by_code.setdefault(warning.the_code, []).append(warning)
    lines = []
    for code, same in by_code.items():
        files = {w.file for w in same}
        if len(files) > most:
            first = same[0]
            field = f" {first.field}:" if first.field else ""
            lines.append(
                f"[{code}] in {count(len(files), 'file')}, such as {first.file}:{field} "
                f"{' '.join(first.text.split())} ('make check' lists every one.)"
            )
        else:
            lines.extend(str(w) for w in same)
    return lines


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
