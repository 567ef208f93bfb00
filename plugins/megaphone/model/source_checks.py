"""The body of a campaign file as written: what Markdown would turn into something
else in silence.

- An HTML comment `<!--` that is never closed: the volunteer's private note
  ("TODO check the vote date with Maria") is shown on the page.
- A block opened with a bare ```` ``` ```` where the other blocks say
  ```` ```letter ````: that version is shown as code, and is never sent."""

from __future__ import annotations

import re

from .messages import say
from .report import Problem

_FENCE = re.compile(r"^(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^`\s]*)")
_CODE_SPAN = re.compile(r"(`+).*?\1")


def _blocks(lines: list[str]) -> list[tuple[int, str, int | None]]:
    """(opening line, info word, closing line or None) of each fenced block."""
    blocks: list[tuple[int, str, int | None]] = []
    opened: tuple[int, str, str] | None = None
    for number, line in enumerate(lines, start=1):
        match = _FENCE.match(line)
        if opened is None and match:
            opened = (number, match["fence"], match["info"].lower())
        elif opened is not None and line.strip() == opened[1][0] * len(line.strip()):
            if len(line.strip()) >= len(opened[1]):
                blocks.append((opened[0], opened[2], number))
                opened = None
    if opened is not None:
        blocks.append((opened[0], opened[2], None))
    return blocks


def bare_fence_problems(file: str, source: str) -> list[Problem]:
    lines = source.split("\n")
    blocks = _blocks(lines)
    if not any(info.lstrip("{.").startswith("letter") for _, info, _ in blocks):
        return []
    return [
        Problem(
            file,
            "letter",
            say("letter-fence-bare", fence=lines[start - 1].strip()),
            start,
            "letter-fence-bare",
        )
        for start, info, _ in blocks
        if not info
    ]


def unclosed_comment_problems(file: str, source: str) -> list[Problem]:
    """An `<!--` with no `-->` after it, outside code (where it is shown as written)."""
    lines = source.split("\n")
    in_code = {n for start, _, end in _blocks(lines) for n in range(start, (end or len(lines)) + 1)}
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
    return bare_fence_problems(file, source) + unclosed_comment_problems(file, source)
