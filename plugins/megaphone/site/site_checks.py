"""Checks that need the whole site: its settings, every page's address, and
the files Pelican was given but did not read."""

from __future__ import annotations

import fnmatch
import os
from collections import defaultdict
from datetime import date
from urllib.parse import urlsplit

from ..model.deadline import parse_today
from ..model.messages import say
from ..model.report import Problem, field_line, read_source
from ..model.slug import SlugError, check_slug, same_name
from .contents import save_as_of, shown_path

SETTINGS_FILE = "pelicanconf.py"
# What the site publishes besides campaign folders (see output.py and pelicanconf.py).
SITE_FILES = {"feeds", "drafts", "robots.txt", "sitemap.xml", "index.html", "_headers"}


def is_absolute_address(text: str) -> bool:
    """http(s)://host[/path]: what every link, the feed and the script are built on."""
    try:
        parts = urlsplit(text)
    except ValueError:
        return False
    return (
        parts.scheme in ("http", "https")
        and bool(parts.hostname)
        and not parts.query
        and not parts.fragment
        and not any(c.isspace() for c in text)
    )


def siteurl_problem(text: str, command: str = "make publish") -> str:
    """Before publishing: the site's address, one line in plain words, or ''."""
    text = text.strip()
    if not text:
        problem = Problem("(environment)", "SITEURL", say("siteurl-missing", command=command))
    elif not is_absolute_address(text):
        problem = Problem(
            "(environment)",
            "SITEURL",
            say("siteurl-not-absolute", text=text, command=command, example=_example(text)),
        )
    else:
        return ""
    return str(problem)


def _example(text: str) -> str:
    rest = text.split("://", 1)[-1].lstrip("/").split("?")[0].split("#")[0]
    return "https://" + ("".join(rest.split()) or "campaigns.example.org")


def site_settings(settings, problems: list[Problem]) -> tuple[date | None, str, int]:
    """The build date, the default time zone and the link budget, as site/settings.py
    filled them in and checked them when Pelican started."""
    text = str(settings.get("MEGAPHONE_TODAY") or "").strip()
    today = parse_today(text) if text else None
    zone = str(settings["MEGAPHONE_TIMEZONE"])
    return today, zone, int(settings["MEGAPHONE_MAILTO_BUDGET"])


def reserved_names(settings) -> set[str]:
    """Folder and file names at the top of the site that are not campaigns."""
    return (
        SITE_FILES
        | {settings["THEME_STATIC_DIR"]}
        | (
            {settings["MEGAPHONE_CLOSED_SAVE_AS"].split("/")[0]}
            if settings.get("MEGAPHONE_CLOSED_SAVE_AS")
            else set()
        )
        | {path.strip("/").split("/")[0] for path in settings.get("STATIC_PATHS", [])}
    )


def slug_problems(content, reserved: set[str]) -> list[Problem]:
    try:
        check_slug(content.slug, reserved)
    except SlugError as error:
        source = read_source(content.source_path)
        return [
            Problem(
                shown_path(content.source_path),
                "Slug",
                str(error),
                field_line(source, "Slug"),
                error.code,
            )
        ]
    return []


def same_address(items) -> list[Problem]:
    """Two pages written to one file, or to two names that many computers take
    for one (case, accents): one would silently replace the other."""
    by_name = defaultdict(list)
    for content in items:
        if save_as_of(content):  # '' means "not written"
            by_name[same_name(save_as_of(content))].append(content)
    problems = []
    for same in by_name.values():
        for content in same if len(same) > 1 else ():
            others = [c for c in same if c is not content]
            exact = [c for c in others if c.save_as == content.save_as]
            code = "slug-taken" if exact else "slug-same-name"
            named = ", ".join(shown_path(c.source_path) for c in (exact or others))
            problems.append(
                Problem(
                    shown_path(content.source_path),
                    "Slug",
                    say(code, slug=content.slug, others=named),
                    field_line(read_source(content.source_path), "Slug"),
                    code,
                )
            )
    return problems


def dropped_files(generated: dict, base: str, named: set[str]) -> list[Problem]:
    """Anything Pelican dropped without telling us why still stops the build."""
    problems = []
    for path, content in generated.items():
        file = shown_path(os.path.join(base, path))
        if content is None and file not in named:
            problems.append(
                Problem(
                    file,
                    "file",
                    say("file-unreadable", reason="unknown reason"),
                    code="file-unreadable",
                )
            )
    return problems


def unread_files(settings, read: set[str]) -> list[str]:
    """Files in the campaign and page folders that Pelican did not read, such
    as `park.MD` or `notes.txt`: the volunteer may think they are published."""
    unread = []
    for folder in list(settings.get("ARTICLE_PATHS", [])) + list(settings.get("PAGE_PATHS", [])):
        for path in _files(settings, os.path.join(settings["PATH"], folder)):
            if os.path.relpath(path, settings["PATH"]) not in read:
                unread.append(shown_path(path))
    return sorted(set(unread))


def unused_files(settings, targets_folder: str) -> list[str]:
    """Files in content/ outside every folder the site reads (campaigns, pictures,
    target lists): nothing reads them, so nothing publishes them."""
    content = settings["PATH"]
    read = [
        os.path.normpath(os.path.join(content, folder))
        for folder in list(settings.get("ARTICLE_PATHS", []))
        + list(settings.get("PAGE_PATHS", []))
        + list(settings.get("STATIC_PATHS", []))
        + [targets_folder]
    ]
    return sorted(
        shown_path(path)
        for path in _files(settings, content)
        if not any(path == f or path.startswith(f + os.sep) for f in read)
    )


def _files(settings, root: str) -> list[str]:
    """Every file under `root` but hidden ones and IGNORE_FILES, as Pelican skips them."""
    ignored = list(settings.get("IGNORE_FILES", []))
    found = []
    for directory, folders, names in os.walk(root):
        folders[:] = [f for f in folders if not f.startswith(".")]
        for name in sorted(names):
            if name.startswith(".") or any(fnmatch.fnmatch(name, p) for p in ignored):
                continue
            found.append(os.path.normpath(os.path.join(directory, name)))
    return found


def languages_used(items) -> dict[str, list[str]]:
    """Each language of the site's pages, with the files written in it."""
    used: dict[str, list[str]] = defaultdict(list)
    for content in items:
        used[str(content.lang)].append(shown_path(content.source_path))
    return dict(used)


def _or_slug(stem: str, translated: bool) -> str:
    if translated:
        return " (keep the Slug: the campaign's other languages share it)"
    return f", or write 'Slug: {stem}'"


def translated_slugs(items) -> set[str]:
    """The Slugs written in more than one file: a campaign and its translations."""
    seen: dict[str, int] = defaultdict(int)
    for content in items:
        seen[content.slug] += 1
    return {slug for slug, files in seen.items() if files > 1}


def file_name_warnings(content, translated: bool = False) -> list[tuple[str, str]]:
    """A campaign whose Slug is not its file's name: the volunteer looking for the
    page at /park-closure/ looks for park-closure.md. (`make campaign` names the file
    after the Slug; this is for a Slug changed later, or a file renamed.) A campaign
    in two languages (`translated`) is one Slug in both files: the advice is then
    to rename the file only, as a changed Slug would split the two."""
    name = os.path.basename(content.source_path)
    stem = name.rsplit(".", 1)[0]
    lang = f".{content.lang}"
    base = stem[: -len(lang)] if stem.endswith(lang) else stem  # park.es.md: a translation
    if base == content.slug:
        return []
    suffix = name[len(base) :]
    return [
        (
            shown_path(content.source_path),
            say(
                "slug-not-file-name",
                name=name,
                slug=content.slug,
                wanted=content.slug + suffix,
                address=f"/{content.url}" if content.url else f"/{content.slug}/",
                or_slug=_or_slug(base, translated),
            ),
        )
    ]
