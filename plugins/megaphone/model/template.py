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
# `make campaign KIND=call`: a number to call (calls.py) instead of To and Subject.
# 555-0100 to 555-0199 are the numbers set aside for examples.
_CALL = {"Call": "Office of the person who decides <212-555-0100>"}
_EMAIL_ONLY = ("To", "Subject")
_NOTES = {
    "Docket": "The docket number, RIN or policy the comment answers: every subject names it.",
    "Portal": "The agency's own comment form (https://...), or delete the line.",
    "Limit": "The most characters the agency takes in one comment, or delete the line.",
    "Call": "Who answers, and the number <in angle brackets>, as people write it.",
}
KINDS = ("letter", "comment", "call")
# Where the site's settings name no time zone of their own.
EXAMPLE_TIMEZONE = "America/New_York"


def _written(kind: str) -> dict[str, str]:
    fields = list(_WRITTEN.items())
    at = [name for name, _ in fields].index("Subject") + 1
    if kind == "comment":
        return dict(fields[:at] + list(_COMMENT.items()) + fields[at:])
    if kind == "call":
        kept = [(name, value) for name, value in fields if name not in _EMAIL_ONLY]
        return dict(kept[: at - 2] + list(_CALL.items()) + kept[at - 2 :])
    return dict(fields)


def _header(kind: str) -> str:
    # A field the schema does not declare stops the import (KeyError): it cannot drift.
    return "".join(
        f"{schema.BY_KEY_NAME[name].name}: {value}\n" for name, value in _written(kind).items()
    )


def _notes(kind: str) -> str:
    """One line for each field the schema has a note for, in the schema's order, and
    the notes of this kind's own fields after Subject (a call has no Subject or To)."""
    written = _written(kind)
    notes = [(f.name, f.note) for f in schema.FIELDS if f.note]
    if kind == "call":
        notes = [(name, note) for name, note in notes if name not in _EMAIL_ONLY + ("Cc", "Bcc")]
    at = next(i for i, (name, _) in enumerate(notes) if name == "Deadline")
    own = [(name, note) for name, note in _NOTES.items() if name in written]
    notes = notes[:at] + own + notes[at:]
    return "".join(f"  {name:<9} {note}\n" for name, note in notes)


def template(kind: str = "letter") -> str:
    """The file `make campaign` writes: `letter` (an email to someone), `comment` (a
    public comment on a docket) or `call` (a call, with what to say)."""
    return (
        _header(kind)
        + """
<!--
  How to fill this in (this note does not appear on the page):

"""
        + _notes(kind)
        + (_CALL_BODY if kind == "call" else _BODY)
    )


_CALL_BODY = """
  What to say goes between the two lines of backticks below: the call block
  when someone answers, the voicemail block for an answering machine (delete
  it if you like). Words in square brackets, like [Your name], become fields
  the visitor fills in. Everything after the blocks is the page's
  explanation. See docs/ for more.
-->

```call
Hello, my name is [Your name] and I live in [Your city].

Say in one sentence what you are calling about, and what you ask for.

Thank you.
```

```voicemail
Hello, this is [Your name] from [Your city]. Say what you ask for in one
sentence. Thank you.
```

## Why this matters

Explain the issue in a few short paragraphs: what is being decided, by whom,
and by when. Link to your sources.
"""

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
