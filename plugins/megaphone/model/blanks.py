"""The blanks of a campaign, read as the volunteer meant them.

The grammar of one blank is in letter.py (shared with the page's script).
This reads the blanks of a whole campaign, its subjects and letters together:

- a blank spelt like a known one but for capitals or spaces (`[Target Name]`,
  `[Your Name]` beside `[Your name]`) is that one: it is written so before
  anything is built, so the page, its script and every email read it exactly
  as if it had been written the known way, and a warning says so;
- a `[Target …]` blank is filled from a target list: without `Targets:`, or
  naming nothing a list fills, it is an error (visitors would be asked to
  type their representative's name, and emails sent with the brackets);
- a Markdown link, and a bracket never closed on its line, are sent as
  written: a warning each, on its line.

Texts come as (field, text) pairs: the field is "Subject", "Subjects" or
"letter", as the problems name it."""

from __future__ import annotations

import re
from collections import Counter

from .letter import links_in, respell, unclosed_brackets, written_blanks
from .messages import say
from .report import Problem
from .targets import TARGET_PLACEHOLDERS

Texts = list[tuple[str, str]]
_LINK = re.compile(r"^\[([^\]]*)\]\((.*)\)$")
_FIRST_WORD = re.compile(r"[ _]+")


def _key(name: str) -> str:
    """A blank's name without its capitals and spaces: two names with the same key
    differ only in those."""
    return "".join(name.split(" ")).casefold()


def _is_target_blank(name: str) -> bool:
    """`[Target …]`: meant to be filled from a target list."""
    first = _FIRST_WORD.split(name.strip(), maxsplit=1)[0].casefold()
    return first in ("target", "targets", "target's", "target\u2019s")


def _where(field: str) -> str:
    return " in the Subject" if field.startswith("Subject") else ""


def spellings(texts: Texts, with_targets: bool) -> dict[str, str]:
    """Each blank's name as written -> the name it is read as.

    With a target list, the names it fills are known first. Among the others,
    the spelling written most often is the known one (the first written, if
    as often)."""
    written = [name for _, text in texts for name, _ in written_blanks(text)]
    counted = Counter(written)
    known: dict[str, str] = {}
    if with_targets:
        known = {_key(name): name for name in TARGET_PLACEHOLDERS}
    for name in sorted(
        dict.fromkeys(written), key=lambda n: -counted[n]
    ):  # stable: ties keep order
        known.setdefault(_key(name), name)
    return {name: known[_key(name)] for name in dict.fromkeys(written)}


def respelled(texts: Texts, with_targets: bool) -> list[str]:
    """The texts with every blank written as the name it is read as."""
    chosen = spellings(texts, with_targets)
    return [respell(text, chosen) for _, text in texts]


def target_blank_problems(file: str, texts: Texts, with_targets: bool) -> list[Problem]:
    """`[Target …]` blanks that no target list fills."""
    filled = {_key(name) for name in TARGET_PLACEHOLDERS}
    problems: dict[str, Problem] = {}
    for field, text in texts:
        for name, as_written in written_blanks(text):
            if not _is_target_blank(name) or (with_targets and _key(name) in filled):
                continue
            code = "placeholder-target-unknown" if with_targets else "placeholder-target-no-list"
            words = say(code, text=as_written, where=_where(field))
            problems.setdefault(as_written, Problem(file, field, words, code=code, find=as_written))
    return list(problems.values())


def blank_warnings(file: str, texts: Texts, with_targets: bool) -> list[Problem]:
    """Blanks read as another spelling, Markdown links and unclosed brackets: each
    once, with the text that finds its line."""
    chosen = spellings(texts, with_targets)
    found: dict[str, Problem] = {}

    def warn(field: str, find: str, words: str) -> None:
        found.setdefault(words, Problem(file, field, words, find=find))

    for field, text in texts:
        where = _where(field)
        for name, as_written in written_blanks(text):
            if chosen.get(name, name) != name:
                known = f"[{chosen[name]}]"
                words = say("placeholder-spelling", text=as_written, where=where, known=known)
                warn(field, as_written, words)
        for link in links_in(text):
            instead = _written_out(link)
            warn(field, link, say("placeholder-link", text=link, where=where, instead=instead))
        for line in unclosed_brackets(text):
            shown = line if len(line) <= 60 else line[:59] + "\u2026"
            warn(field, line, say("placeholder-unclosed", text=shown, where=where))
    return list(found.values())


def _written_out(link: str) -> str:
    """`[the report](https://…)` as plain text says it: `the report: https://…`."""
    match = _LINK.match(link)
    return f"{match.group(1).strip()}: {match.group(2)}" if match else link
