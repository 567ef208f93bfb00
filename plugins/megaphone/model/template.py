"""The campaign file `make campaign` writes, and what of it must not be published.

Every field has an example value and a note on what to write. The examples
are found in a campaign by reading this same template, so the check cannot
drift from what `make campaign` writes."""

from __future__ import annotations

import re

TEMPLATE = """\
Title: {title}
Slug: {slug}
Status: draft
Date: {today}
Summary: One or two sentences that make people want to act. They appear under the title and when the page is shared.
To: someone@example.org
Subject: The subject line of the email
Deadline: {deadline}
Timezone: America/New_York

<!--
  How to fill this in (this note does not appear on the page):

  Title     The headline of the page.
  Slug      The page's address: /{slug}/. Letters, digits and dashes only.
  Status    'draft' builds a preview at /drafts/{slug}/ only. Delete the line to publish.
  Date      The day the campaign starts, YYYY-MM-DD.
  Summary   One or two sentences under the headline.
  To        Who receives the letter. Several addresses: separate them with commas.
  Cc, Bcc   Optional, written like To. Visitors see them on the page.
  Subject   The email's subject line. 'Subjects: A | B | C' offers several at random.
  Deadline  The last day people can send, YYYY-MM-DD (until 23:59), or YYYY-MM-DD HH:MM.
  Timezone  Where the deadline is, such as America/New_York or Europe/Madrid.

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

# Template lines that a finished campaign may well keep as they are.
_KEPT_FIELDS = ("title", "slug", "status", "date", "deadline", "timezone")
_SHORTEST_EXAMPLE = 20  # shorter lines ("Sincerely,", "[Your name]") are fine to keep
_FIELD = re.compile(r"^(?P<key>[A-Za-z]+):\s*(?P<value>.+)$")


def _examples() -> list[str]:
    """The example texts of the template: field values and letter and page lines."""
    text = re.sub(r"<!--.*?-->", "", TEMPLATE, flags=re.S)
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


EXAMPLES = tuple(_examples())


def template_leftovers(source: str) -> list[tuple[int, str]]:
    """(line, example) for each example text of the template still in `source`."""
    left = []
    for number, line in enumerate(source.split("\n"), start=1):
        for example in EXAMPLES:
            if example in line:
                left.append((number, example))
    return left
