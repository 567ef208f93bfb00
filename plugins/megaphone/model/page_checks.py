"""Checks of a campaign file as written: its header lines and its `Lang`.

They need the file's own text (the line each key is on), which the
campaign model, working from Pelican's parsed metadata, does not have."""

from __future__ import annotations

from difflib import get_close_matches

from .header import (
    KNOWN_FIELDS,
    NOT_ALLOWED,
    continued_lines,
    fields_after_header,
    fields_without_colon,
    header_lines,
    repeated,
)
from .header_values import value_problems
from .language import LanguageError, check_language
from .messages import say
from .report import Problem, field_line
from .safe_html import check_html, foreign_mailto_links
from .template import template_leftovers


def page_problems(file: str, source: str, extra_fields: tuple[str, ...] = ()) -> list[Problem]:
    """Problems in the header as written: misspelt, indented, repeated or refused
    keys, and the language code."""
    lines = header_lines(source)
    known = KNOWN_FIELDS + tuple(name.lower() for name in extra_fields)
    problems = []
    for line, blank in fields_after_header(source, known):
        problems.append(
            Problem(
                file,
                line.key,
                say("field-after-blank-line", blank=blank, key=line.key, line=line.line),
                line.line,
                "field-after-blank-line",
            )
        )
    for number, key, mark in fields_without_colon(source, known):
        code = "field-no-colon" if mark else "field-space-before-colon"
        problems.append(
            Problem(file, key, say(code, key=key, mark=mark, line=number), number, code)
        )
    for found in repeated(lines).values():
        numbers = ", ".join(str(line.line) for line in found)
        problems.append(
            Problem(
                file,
                found[0].key,
                say("field-repeated", count=len(found), lines=numbers),
                found[1].line,
                "field-repeated",
            )
        )
    problems += value_problems(file, lines, continued_lines(source))
    for line in lines:
        if line.indented and line.name not in known:
            continue  # more of the line above, as Markdown reads it: `    Public comment: ...`
        if line.indented:
            # Markdown reads an indented line as more of the line above: `Cc`
            # would silently join `To`.
            problems.append(
                Problem(
                    file,
                    line.key.strip(),
                    say("field-indented", line=line.line),
                    line.line,
                    "field-indented",
                )
            )
        elif line.name not in known + NOT_ALLOWED:
            guess = get_close_matches(line.name, known, n=1, cutoff=0.6)
            problems.append(
                Problem(
                    file,
                    line.key,
                    say(
                        "field-unknown",
                        key=line.key,
                        hint=f" Did you mean '{_written(guess[0])}'?"
                        if guess
                        else " Check the spelling, or delete the line.",
                    ),
                    line.line,
                    "field-unknown",
                )
            )
        if line.name in NOT_ALLOWED:
            problems.append(
                Problem(file, line.key, say("field-not-allowed"), line.line, "field-not-allowed")
            )
        elif line.name == "lang":
            try:
                check_language(line.value)
            except LanguageError as error:
                problems.append(Problem(file, line.key, str(error), line.line, error.code))
    return problems


def template_problems(file: str, source: str, *, draft: bool) -> tuple[list[Problem], list[str]]:
    """Example texts that `make campaign` wrote and the volunteer has not replaced:
    an error in a campaign about to be published, a warning in a draft."""
    problems, warnings = [], []
    for line, example in template_leftovers(source):
        shown = example if len(example) <= 60 else example[:59] + "…"
        if draft:
            warnings.append(say("template-example-draft", line=line, example=shown))
        else:
            problems.append(
                Problem(
                    file,
                    "template",
                    say("template-example", example=shown),
                    line,
                    "template-example",
                )
            )
    return problems, warnings


def _written(name: str) -> str:
    """A field as the guide writes it: 'Timezone', 'Cc'."""
    return name.capitalize()


def html_problems(
    file: str,
    source: str,
    html: str,
    *,
    field: str = "explanation",
    recipients: tuple[str, ...] = (),
) -> tuple[list[Problem], list[str]]:
    """What in a page's HTML would not appear (problems), and email links to
    people the campaign does not write to (warnings).

    `field` is "explanation" (found by its text in the file) or "Summary"."""
    problems, warnings = [], []
    findings = check_html(html)
    if recipients:
        findings += foreign_mailto_links(html, recipients)
    for finding in findings:
        if finding.kind == "warning":
            warnings.append(finding.message)
            continue
        line = finding.line_in(source) if field == "explanation" else field_line(source, field)
        problems.append(Problem(file, field, finding.message, line, finding.code))
    return problems, warnings
