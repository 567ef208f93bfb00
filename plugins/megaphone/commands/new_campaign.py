"""`make campaign TITLE="..."`: start a ready-to-edit campaign file.

Every field has an example value and a note on what to write; the campaign
starts as a draft, and the site builds with it straight away. It goes in the
site's first campaign folder, with the site's time zone, as its settings file
says (a site owner's `CAMPAIGN_PATHS` and `TIMEZONE` are not this repository's)."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date, timedelta
from pathlib import Path

from pelican.settings import get_settings_from_file
from pelican.utils import slugify

from ..model.template import EXAMPLE_TIMEZONE, KINDS, template
from ..site.scope import DEFAULT_CAMPAIGN_PATHS
from .said_as import command

SETTINGS_FILE = "pelicanconf.py"


def new_campaign(
    title: str,
    content: Path,
    *,
    today: date | None = None,
    folder: str = DEFAULT_CAMPAIGN_PATHS[0],
    timezone: str = EXAMPLE_TIMEZONE,
    kind: str = KINDS[0],
) -> Path:
    today = today or date.today()
    slug = slugify(
        title,
        regex_subs=[(r"[^\w\s-]", ""), (r"(?u)\A\s*", ""), (r"(?u)\s*\Z", ""), (r"[-\s]+", "-")],
    )
    path = content / folder / f"{slug}.md"
    if path.exists():
        raise FileExistsError(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        template(kind).format(
            title=title,
            slug=slug,
            today=today.isoformat(),
            deadline=(today + timedelta(days=30)).isoformat(),
            timezone=timezone,
        ),
        "utf-8",
    )
    return path


def the_sites_choices(settings_file: str) -> dict[str, str]:
    """The campaign folder and time zone the site's settings give, where they give them
    (the settings file is the site's own Python, as Pelican runs it)."""
    if not Path(settings_file).is_file():
        return {}
    try:
        settings = get_settings_from_file(settings_file)
    except Exception as error:  # the site's own Python: any mistake in it, said plainly
        print(
            f"{settings_file} could not be read ({type(error).__name__}: {error}), so the new "
            f"campaign goes in {DEFAULT_CAMPAIGN_PATHS[0]}/ with the time zone "
            f"{EXAMPLE_TIMEZONE}: change its Timezone line if yours differs."
        )
        return {}
    chosen = {}
    folders = settings.get("MEGAPHONE_CAMPAIGN_PATHS") or settings.get("CAMPAIGN_PATHS")
    if isinstance(folders, (list, tuple)) and folders and isinstance(folders[0], str):
        chosen["folder"] = folders[0].strip("/") or DEFAULT_CAMPAIGN_PATHS[0]
    for name in ("MEGAPHONE_TIMEZONE", "CAMPAIGN_TIMEZONE", "TIMEZONE"):
        if isinstance(settings.get(name), str) and settings[name].strip():
            chosen["timezone"] = settings[name].strip()
            break
    read = settings.get("ARTICLE_PATHS")
    if isinstance(read, (list, tuple)) and all(isinstance(p, str) for p in read):
        chosen["article_paths"] = ",".join(p.strip("/") for p in read)
    return chosen


def read_by_pelican(folder: str, article_paths: str | None) -> bool:
    """Whether Pelican reads articles from the campaign folder (ARTICLE_PATHS, by
    default the whole content folder)."""
    if article_paths is None:
        return True
    paths = article_paths.split(",")
    return any(not p or folder == p or folder.startswith(p + "/") for p in paths)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make campaign", description=__doc__.splitlines()[0])
    parser.add_argument("title")
    parser.add_argument("--content", default="content")
    parser.add_argument("-s", "--settings", default=SETTINGS_FILE)
    parser.add_argument("--kind", default="")
    args = parser.parse_args(argv)
    kind = args.kind.strip().lower() or KINDS[0]
    if kind not in KINDS:
        said = "KIND={}" if os.environ.get("MEGAPHONE_MAKE") == "1" else "--kind {}"
        kinds = " or ".join(said.format(k) for k in KINDS)
        wrote = said.format(args.kind)
        print(f"{wrote} is not a kind of campaign: write {kinds}, or leave it out.")
        return 1
    title = args.title.strip()
    if not title:
        print('Give the campaign a title: make campaign TITLE="Tell the Council: no scans"')
        return 1
    try:
        chosen = the_sites_choices(args.settings)
        path = new_campaign(
            title,
            Path(args.content),
            folder=chosen.get("folder", DEFAULT_CAMPAIGN_PATHS[0]),
            timezone=chosen.get("timezone", EXAMPLE_TIMEZONE),
            kind=kind,
        )
    except FileExistsError as exists:
        print(f"{exists.args[0]} already exists. Choose another title, or edit that file.")
        return 1
    print(
        f"Created {path}. Open it in your editor and fill it in, then preview it with "
        f"'{command('devserver')}'. It is a draft until you delete the line 'Status: draft'."
    )
    folder = chosen.get("folder", DEFAULT_CAMPAIGN_PATHS[0])
    if not read_by_pelican(folder, chosen.get("article_paths")):
        print(
            f"Note: Pelican reads articles only from {chosen['article_paths']!r} "
            f"(ARTICLE_PATHS), so it will not read {folder}/: add {folder!r} to "
            f"ARTICLE_PATHS, or set MEGAPHONE_CAMPAIGN_PATHS to a folder inside one of them."
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
