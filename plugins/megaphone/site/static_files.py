"""Only pictures are published from the content folder, and nothing from outside it.

Campaign files and pictures arrive as pull requests from strangers, and the
site is built where secrets live. So, before Pelican copies anything:

- every file under the static paths (content/images/) must be a PNG, JPEG,
  GIF, WebP or AVIF picture by its first bytes: `evil.png` holding HTML, or
  an SVG (which can carry script), is refused;
- no link (symlink) anywhere in content/ may lead outside it, or nowhere: a
  link to /proc/self/environ or ../../.git/config would publish secrets;
- `Image:` must name a picture inside content/images/;
- campaigns and pages must be Markdown: Pelican's reStructuredText reader
  runs `.. include:: /proc/self/environ` and publishes the result;
- whatever Pelican is about to copy (including files named by `{static}` and
  `{attach}` links, which Pelican follows outside content/) must be one of
  those pictures, and be written inside output/.

Each function returns problems; an empty list means "safe to publish"."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable
from pathlib import Path

from ..model.messages import say
from ..model.report import Problem
from .contents import shown_path

PICTURE_KINDS = ("PNG", "JPEG", "GIF", "WebP", "AVIF")
PICTURE_SUFFIXES = {
    ".png": "PNG",
    ".jpg": "JPEG",
    ".jpeg": "JPEG",
    ".gif": "GIF",
    ".webp": "WebP",
    ".avif": "AVIF",
}
# Pelican's IGNORE_FILES in pelicanconf.py: never read nor copied.
DEFAULT_IGNORE = (".#*", ".gitkeep")
_HEAD_BYTES = 64

_ADVICE = {
    ".svg": "Convert {name} to PNG (for example by opening it in a browser or an image editor "
    "and exporting it), then link to the PNG.",
    ".html": "Delete {name}: pages are made from campaign files, never copied.",
    ".htm": "Delete {name}: pages are made from campaign files, never copied.",
    ".js": "Delete {name}: a campaign page runs only the site's own script.",
    ".css": "Delete {name}: the site's stylesheet decides how every page looks.",
    ".pdf": "Delete {name}, and link to the document where it is published instead.",
}
_DEFAULT_ADVICE = "Delete {name}, or save it as a PNG or JPEG picture if it is one."
_MISNAMED_ADVICE = "Open {name} in an image editor and save it again as PNG or JPEG, or delete it."


def picture_kind(head: bytes) -> str | None:
    """'PNG', 'JPEG', 'GIF', 'WebP' or 'AVIF' from a file's first bytes, or None."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if head.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "GIF"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WebP"
    if head[4:8] == b"ftyp":  # ISO base media file: AVIF if avif/avis is a brand
        size = min(int.from_bytes(head[:4], "big"), len(head))
        brands = [head[8:12]] + [head[i : i + 4] for i in range(16, size - 3, 4)]
        if b"avif" in brands or b"avis" in brands:
            return "AVIF"
    return None


def file_picture_kind(path: str | Path) -> str | None:
    try:
        with open(path, "rb") as source:
            return picture_kind(source.read(_HEAD_BYTES))
    except OSError:
        return None


def _inside(path: str, folder: str) -> bool:
    """Whether `path` is `folder` or lies under it (both already resolved)."""
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _not_picture(path: str, shown: str) -> Problem:
    name = os.path.basename(path)
    suffix = os.path.splitext(name)[1].lower()
    found = ""
    if suffix in PICTURE_SUFFIXES:
        found = f" (its name ends in {suffix}, but its contents are not a picture)"
        advice = _MISNAMED_ADVICE.format(name=name)
    else:
        advice = _ADVICE.get(suffix, _DEFAULT_ADVICE).format(name=name)
    return Problem(
        shown,
        "file",
        say("static-not-image", path=shown, found=found, advice=advice),
        code="static-not-image",
    )


def _link_problem(path: str, shown: str, root: str) -> Problem | None:
    """A problem if the link at `path` leads outside `root`, or nowhere."""
    target = os.path.realpath(path)
    if not os.path.exists(target):
        return Problem(shown, "file", say("symlink-broken", path=shown), code="symlink-broken")
    if not _inside(target, root):
        return Problem(
            shown,
            "file",
            say("symlink-outside", path=shown, target=os.readlink(path)),
            code="symlink-outside",
        )
    return None


def _bad_links(content: str | Path) -> Iterable[tuple[str, Problem]]:
    """(path, problem) for each link under `content` leading outside it, or nowhere.

    Links are not followed while looking, so a loop or a link to / costs nothing."""
    root = os.path.realpath(content)
    for folder, folders, files in os.walk(content, followlinks=False):
        for name in sorted(folders + files):
            path = os.path.join(folder, name)
            if os.path.islink(path):
                problem = _link_problem(path, shown_path(path), root)
                if problem:
                    yield path, problem


def link_problems(content: str | Path) -> list[Problem]:
    """Every link (symlink) anywhere under `content` that leads outside it, or nowhere."""
    return [problem for _, problem in _bad_links(content)]


def _ignored(name: str, ignore: Iterable[str]) -> bool:
    """Pelican's IGNORE_FILES: patterns matched against each file and folder name."""
    return any(fnmatch.fnmatch(name, pattern) for pattern in ignore)


def _is_folder(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()  # follows a link: checked against root when visited
    except OSError:  # a link loop: link_problems reports it
        return False


def _files_under(folder: str, root: str, ignore: Iterable[str] = ()) -> Iterable[str]:
    """Files under `folder`, as Pelican walks it (following links), but only while
    they stay inside `root`, and each folder once."""
    seen: set[str] = set()
    stack = [folder]
    while stack:
        current = stack.pop()
        real = os.path.realpath(current)
        if real in seen or not _inside(real, root):
            continue
        seen.add(real)
        try:
            entries = sorted(os.scandir(current), key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            if _ignored(entry.name, ignore):
                continue
            if _is_folder(entry):
                stack.append(entry.path)
            else:
                yield entry.path


def static_problems(
    content: str | Path, static_paths: Iterable[str], ignore: Iterable[str] = DEFAULT_IGNORE
) -> list[Problem]:
    """Every file Pelican would publish from `static_paths` (e.g. STATIC_PATHS = ['images'])
    that is not a picture by its first bytes. `ignore` is IGNORE_FILES: those are
    never copied (but .htaccess and other hidden files are). Links are
    `link_problems`' business."""
    root = os.path.realpath(content)
    problems = []
    for static in static_paths:
        start = os.path.join(content, static)
        if os.path.isfile(start):
            candidates: Iterable[str] = [start]
        else:
            candidates = _files_under(start, root, ignore)
        for path in candidates:
            real = os.path.realpath(path)
            if not _inside(real, root) or not os.path.exists(real):
                continue  # a link outside, or to nowhere: reported by link_problems
            if file_picture_kind(real) is None:
                problems.append(_not_picture(path, shown_path(path)))
    return problems


def image_field_problems(
    content: str | Path, value: str, *, file: str, images: str = "images"
) -> list[Problem]:
    """Problems with one campaign's `Image:` value (e.g. 'images/park.png').

    It must be a relative path inside content/<images>/, with no '..', that
    resolves (links included) inside that folder to a real picture."""
    value = str(value or "").strip()
    if not value:
        return []

    def problem(code: str, **values) -> list[Problem]:
        return [Problem(file, "Image", say(code, path=value, **values), code=code)]

    parts = value.replace("\\", "/").split("/")
    if (
        os.path.isabs(value)
        or value.startswith(("/", "\\"))
        or ":" in value
        or ".." in parts
        or parts[0] != images
        or len(parts) < 2
    ):
        return problem("image-outside")
    folder = os.path.realpath(os.path.join(content, images))
    real = os.path.realpath(os.path.join(content, *parts))
    if not _inside(real, folder) or real == folder:
        return problem("image-outside")
    if not os.path.isfile(real):
        return problem("image-not-found")
    if file_picture_kind(real) is None:
        return [Problem(file, "Image", _not_picture(real, value).message, code="static-not-image")]
    return []


def copy_problems(
    copies: Iterable[tuple[str, str]],
    *,
    content: str | Path,
    output: str | Path,
    static_paths: Iterable[str],
) -> list[Problem]:
    """Problems with what Pelican is about to copy: (source path, destination path) pairs,
    such as `(s.source_path, s.save_as)` for each of context['staticfiles'].

    The source must resolve inside one of content/<static path>/ and be a picture;
    the destination must resolve inside `output`. This also catches files that
    `{static}` and `{attach}` links pull in from anywhere on the machine."""
    content = os.path.realpath(content)
    output_root = os.path.realpath(output)
    allowed = [os.path.realpath(os.path.join(content, s)) for s in static_paths]
    problems = []
    for source, destination in copies:
        source_path = os.path.join(content, source)
        shown = shown_path(source_path)
        real = os.path.realpath(source_path)
        destination_real = os.path.realpath(os.path.join(output_root, destination))
        why = None
        if not any(_inside(real, folder) for folder in allowed):
            why = "outside content/images/"
        elif not _inside(destination_real, output_root):
            why = "to be written outside the output folder"
        elif file_picture_kind(real) is None:
            why = "not a PNG, JPEG, GIF, WebP or AVIF picture"
        if why:
            problems.append(
                Problem(
                    shown,
                    "file",
                    say("static-link-outside", path=shown, why=why),
                    code="static-link-outside",
                )
            )
    return problems
