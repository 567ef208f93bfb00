"""`make campaign TITLE="..."`: start a ready-to-edit campaign file.

Every field has an example value and a note on what to write; the campaign
starts as a draft, and the site builds with it straight away."""

from __future__ import annotations

import argparse
import sys
from datetime import date, timedelta
from pathlib import Path

from pelican.utils import slugify

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


def new_campaign(title: str, content: Path, today: date | None = None) -> Path:
    today = today or date.today()
    slug = slugify(
        title,
        regex_subs=[(r"[^\w\s-]", ""), (r"(?u)\A\s*", ""), (r"(?u)\s*\Z", ""), (r"[-\s]+", "-")],
    )
    path = content / "campaigns" / f"{slug}.md"
    if path.exists():
        raise FileExistsError(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        TEMPLATE.format(
            title=title,
            slug=slug,
            today=today.isoformat(),
            deadline=(today + timedelta(days=30)).isoformat(),
        ),
        "utf-8",
    )
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make campaign", description=__doc__.splitlines()[0])
    parser.add_argument("title")
    parser.add_argument("--content", default="content")
    args = parser.parse_args(argv)
    title = args.title.strip()
    if not title:
        print('Give the campaign a title: make campaign TITLE="Tell the Council: no scans"')
        return 1
    try:
        path = new_campaign(title, Path(args.content))
    except FileExistsError as exists:
        print(f"{exists.args[0]} already exists. Choose another title, or edit that file.")
        return 1
    print(
        f"Created {path}. Open it in your editor and fill it in, then preview it with "
        "'make devserver'. It is a draft until you delete the line 'Status: draft'."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
