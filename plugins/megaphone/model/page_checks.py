"""Checks of a campaign file as written: its header lines and its `Lang`.

They need the file's own text (the line each key is on), which the
campaign model, working from Pelican's parsed metadata, does not have."""

from __future__ import annotations

from .header import NOT_ALLOWED, header_lines, repeated
from .language import LanguageError, check_language
from .messages import say
from .report import Problem, field_line
from .safe_html import check_html, foreign_mailto_links


def page_problems(file: str, source: str) -> list[Problem]:
    lines = header_lines(source)
    problems = []
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
    for line in lines:
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
