"""`make campaign TITLE="..."`: start a ready-to-edit campaign file.

Every field has an example value and a note on what to write; the campaign
starts as a draft, and the site builds with it straight away."""

from __future__ import annotations

import argparse
import sys
from datetime import date, timedelta
from pathlib import Path

from pelican.utils import slugify

from ..model.template import TEMPLATE
from .said_as import command


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
        f"'{command('devserver')}'. It is a draft until you delete the line 'Status: draft'."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
