"""The body of a campaign file as written: what Markdown would turn into something
else in silence. An HTML comment `<!--` that is never closed: the volunteer's
private note ("TODO check the vote date with Maria") is shown on the page.
(The letter blocks' own mistakes are letter_blocks.py's.)"""

from __future__ import annotations

import re

from .messages import say
from .report import Problem

_FENCE = re.compile(r"^(?P<fence>`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+).*?\1")


def _code_lines(lines: list[str]) -> set[int]:
    """The numbers of the lines inside fenced blocks (where `<!--` is shown as written)."""
    inside: set[int] = set()
    opened: str | None = None
    for number, line in enumerate(lines, start=1):
        match = _FENCE.match(line)
        if opened is None and match:
            opened = match["fence"]
        elif opened is not None and line.strip() and set(line.strip()) == {opened[0]}:
            if len(line.strip()) >= len(opened):
                opened = None
        if opened is not None or match:
            inside.add(number)
    return inside


def unclosed_comment_problems(file: str, source: str) -> list[Problem]:
    """An `<!--` with no `-->` after it, outside code (where it is shown as written)."""
    lines = source.split("\n")
    in_code = _code_lines(lines)
    opened_at = None
    for number, line in enumerate(lines, start=1):
        if number in in_code:
            continue
        text = _CODE_SPAN.sub("", line)
        while text:
            if opened_at is None:
                start = text.find("<!--")
                if start < 0:
                    break
                opened_at, text = number, text[start + 4 :]
            else:
                end = text.find("-->")
                if end < 0:
                    break
                opened_at, text = None, text[end + 3 :]
    if opened_at is None:
        return []
    return [Problem(file, "explanation", say("comment-unclosed"), opened_at, "comment-unclosed")]


def source_problems(file: str, source: str) -> list[Problem]:
    return unclosed_comment_problems(file, source)
