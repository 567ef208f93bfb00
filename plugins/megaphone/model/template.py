"""The campaign file `make campaign` writes, and what of it must not be published.

Every field has an example value and a note on what to write. The examples
are found in a campaign by reading this same template, so the check cannot
drift from what `make campaign` writes."""

from __future__ import annotations

import re

from . import schema

# The fields `make campaign` writes, with their example values ({...} filled in by it).
_WRITTEN = {
    "Title": "{title}",
    "Slug": "{slug}",
    "Status": "draft",
    "Date": "{today}",
    "Summary": "One or two sentences that make people want to act. They appear under the "
    "title and when the page is shared.",
    "To": "someone@example.org",
    "Subject": "The subject line of the email",
    "Deadline": "{deadline}",
    "Timezone": "{timezone}",
}
# `make campaign KIND=comment`: a public comment's fields too (comment.py), after Subject.
_COMMENT = {
    "Docket": "AGENCY-2027-0001",
    "Portal": "https://comments.example.org/AGENCY-2027-0001",
    "Limit": "5000",
}
_COMMENT_NOTES = {
    "Docket": "The docket number, RIN or policy the comment answers: every subject names it.",
    "Portal": "The agency's own comment form (https://...), or delete the line.",
    "Limit": "The most characters the agency takes in one comment, or delete the line.",
}
KINDS = ("letter", "comment")
# Where the site's settings name no time zone of their own.
EXAMPLE_TIMEZONE = "America/New_York"


def _written(kind: str) -> dict[str, str]:
    if kind == "letter":
        return dict(_WRITTEN)
    fields = list(_WRITTEN.items())
    at = [name for name, _ in fields].index("Subject") + 1
    return dict(fields[:at] + list(_COMMENT.items()) + fields[at:])


def _header(kind: str) -> str:
    # A field the schema does not declare stops the import (KeyError): it cannot drift.
    return "".join(
        f"{schema.BY_KEY_NAME[name].name}: {value}\n" for name, value in _written(kind).items()
    )


def _notes(kind: str) -> str:
    """One line for each field the schema has a note for, in the schema's order (and,
    for a comment, its own fields' notes)."""
    notes = [(f.name, f.note) for f in schema.FIELDS if f.note]
    if kind == "comment":
        at = [name for name, _ in notes].index("Subject") + 1
        notes = notes[:at] + list(_COMMENT_NOTES.items()) + notes[at:]
    return "".join(f"  {name:<9} {note}\n" for name, note in notes)


def template(kind: str = "letter") -> str:
    """The file `make campaign` writes: `letter` (an email to someone) or `comment`
    (a public comment on a docket)."""
    return (
        _header(kind)
        + """
<!--
  How to fill this in (this note does not appear on the page):

"""
        + _notes(kind)
        + _BODY
    )


_BODY = """
  The letter goes between the two lines of backticks below. Words in square
  brackets, like [Your name], become fields the visitor fills in. Several
  letter blocks become versions the visitor chooses from.
  Everything after the letter is the page's explanation. See docs/ for more.
-->

```letter
Dear [Title and name of the person who decides],

Say in one sentence what you are asking for.

Give two or three short reasons, with facts you can check.

Sincerely,
[Your name]
[Your city]
```

## Why this matters

Explain the issue in a few short paragraphs: what is being decided, by whom,
and by when. Link to your sources.
"""

TEMPLATE = template()


# Template lines that a finished campaign may well keep as they are.
_KEPT_FIELDS = ("title", "slug", "status", "date", "deadline", "timezone", "limit")
_SHORTEST_EXAMPLE = 20  # shorter lines ("Sincerely,", "[Your name]") are fine to keep
_FIELD = re.compile(r"^(?P<key>[A-Za-z]+):\s*(?P<value>.+)$")


def template_examples(kind: str) -> list[str]:
    """The example texts of the template: field values and letter and page lines."""
    text = re.sub(r"<!--.*?-->", "", template(kind), flags=re.S)
    found = []
    for line in text.splitlines():
        line = line.strip()
        field = _FIELD.match(line)
        if field:
            if field["key"].lower() not in _KEPT_FIELDS and "{" not in field["value"]:
                found.append(field["value"].strip())
        elif len(line) >= _SHORTEST_EXAMPLE and "{" not in line and not line.startswith("`"):
            found.append(line)
    return found


EXAMPLES = tuple(dict.fromkeys(example for kind in KINDS for example in template_examples(kind)))


def template_leftovers(source: str) -> list[tuple[int, str]]:
    """(line, example) for each example text of the template still in `source`."""
    left = []
    for number, line in enumerate(source.split("\n"), start=1):
        for example in EXAMPLES:
            if example in line:
                left.append((number, example))
    return left
