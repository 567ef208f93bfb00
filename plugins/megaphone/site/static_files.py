"""Only pictures are published from the content folder, and nothing from outside it.

Campaign files and pictures arrive as pull requests from strangers, and the
site is built where secrets live. So, before Pelican copies anything:

- every file under the static paths (content/images/) must be a PNG, JPEG,
  GIF, WebP or AVIF picture by its name, by its first bytes and by its pixels
  (site/pictures.py decodes it, and the site publishes the pixels written
  again, never the file): `evil.png` holding HTML, `x.js` starting with
  GIF89a, an SVG (which can carry script), a hidden file such as .htaccess,
  are refused;
- a published file's name has only letters, digits, '-', '_' and '.': Pelican
  writes a linked file's address into the page as it is, so a name holding
  `"` or `>` would write markup into the page;
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
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from ..model.limits import MAX_PICTURES, MAX_SITE_PIXELS
from ..model.messages import say
from ..model.report import Problem
from . import build_cache
from .contents import shown_path
from .pictures import (
    FormatUnsupported,
    PictureError,
    PictureTooLarge,
    avif_supported,
    picture_size,
    published_picture,
)

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
_RENAME_ADVICE = "If {name} is a picture, rename it to end in {suffix}; if it is not, delete it."
_KIND_SUFFIX = {"PNG": ".png", "JPEG": ".jpg", "GIF": ".gif", "WebP": ".webp", "AVIF": ".avif"}
# Besides letters and digits (of any script, accents included), a published name may hold these.
_NAME_PUNCTUATION = frozenset("-_.")
# What social sites show a shared page's picture at, and how far from it is still fine.
SHARE_SIZE = (1200, 630)
SHARE_NARROWEST = 600
SHARE_SHAPE_TOLERANCE = 0.25  # the width-to-height ratio, a quarter off either way
SHARE_HEAVIEST = 5_000_000  # bytes: several sites skip a heavier picture


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


def _not_picture(path: str, shown: str, name: str | None = None) -> Problem:
    """static-not-image, with advice for what the file looks like. `name` is the name it
    is published under (a link's own name), `path` the file itself."""
    name = name or os.path.basename(path)
    suffix = os.path.splitext(name)[1].lower()
    kind = file_picture_kind(path)
    found = ""
    if suffix in PICTURE_SUFFIXES:
        found = f" (its name ends in {suffix}, but its contents are not a picture)"
        advice = _MISNAMED_ADVICE.format(name=name)
    elif kind is not None:  # a picture's first bytes, and another name: what runs as a script
        found = f" by its name (a {kind} picture's name ends in {_KIND_SUFFIX[kind]})"
        advice = _RENAME_ADVICE.format(name=name, suffix=_KIND_SUFFIX[kind])
    else:
        advice = _ADVICE.get(suffix, _DEFAULT_ADVICE).format(name=name)
    return Problem(
        shown,
        "file",
        say("static-not-image", path=shown, found=found, advice=advice),
        code="static-not-image",
    )


def _plain_character(character: str) -> bool:
    category = unicodedata.category(character)
    # L*: a letter of any script; M*: an accent written as its own character (macOS
    # names files so); Nd: a digit.
    return category[0] in "LM" or category == "Nd" or character in _NAME_PUNCTUATION


def _name_problem(parts: list[str], shown: str) -> Problem | None:
    """A problem if a part of the published path is hidden or holds other characters."""
    for part in parts:
        if part.startswith("."):
            return Problem(
                shown, "file", say("picture-hidden", path=shown, name=part), code="picture-hidden"
            )
    for part in parts:
        odd = sorted({c for c in part if not _plain_character(c)})
        if odd:
            shown_odd = " ".join("space" if c == " " else repr(c) for c in odd)
            return Problem(
                shown,
                "file",
                say("picture-name", path=shown, name=part, characters=shown_odd),
                code="picture-name",
            )
    return None


def published_bytes(source: str, name: str, cache: build_cache.BuildCache | None = None) -> bytes:
    """What the site publishes for the picture file `source`, under the name `name`
    (its extension says the format): its pixels, encoded again; from the build's
    cache when these very bytes were encoded before (a photo takes a while)."""
    data = Path(source).read_bytes()
    suffix = os.path.splitext(name)[1].lower()
    cache = cache or build_cache.BuildCache.off()
    key = cache.key("picture", suffix, build_cache.digest(data))
    return cache.remember(key, lambda: published_picture(data, suffix), os.path.realpath(source))


def _avif_unsupported(shown: str) -> Problem:
    """The one format known but not written, by a Pillow built without libavif."""
    return Problem(
        shown, "file", say("picture-avif-unsupported", path=shown), code="picture-avif-unsupported"
    )


def _decoding_problem(
    path: str, shown: str, name: str, cache: build_cache.BuildCache | None
) -> Problem | None:
    """A problem if the picture cannot be decoded and written again as `name` says."""
    suffix = os.path.splitext(name)[1].lower()
    if suffix == ".avif" and not avif_supported():  # before the cache: another Pillow filled it
        return _avif_unsupported(shown)
    try:
        published_bytes(path, name, cache)
    except FormatUnsupported:
        return _avif_unsupported(shown)
    except PictureTooLarge as large:
        return Problem(
            shown,
            "file",
            say("picture-too-large", path=shown, size=large.described),
            code="picture-too-large",
        )
    except (PictureError, OSError):
        kind = file_picture_kind(path) or PICTURE_SUFFIXES[suffix]  # what its first bytes say
        return Problem(
            shown,
            "file",
            say("picture-unreadable", path=shown, kind=kind),
            code="picture-unreadable",
        )
    return None


def picture_problem(
    path: str, shown: str, published: str, cache: build_cache.BuildCache | None = None
) -> Problem | None:
    """The first problem with publishing the file at `path` as `published` (its path
    on the site, e.g. 'images/park.png'), or None if its pixels can be published."""
    parts = [part for part in published.replace(os.sep, "/").split("/") if part]
    name = parts[-1] if parts else os.path.basename(path)
    problem = _name_problem(parts, shown)
    if problem:
        return problem
    suffix = os.path.splitext(name)[1].lower()
    if suffix not in PICTURE_SUFFIXES or file_picture_kind(path) is None:
        return _not_picture(path, shown, name)
    return _decoding_problem(path, shown, name, cache)


def _link_problem(path: str, shown: str, root: str) -> Problem | None:
    """A problem if the link at `path` leads outside `root`, or nowhere."""
    target = os.path.realpath(path)
    if not os.path.exists(target):
        return Problem(shown, "file", say("symlink-broken", path=shown), code="symlink-broken")
    if not _inside(target, root):
        return Problem(
            shown,
            "file",
            say("symlink-outside", path=shown, target=os.readlink(path), folder=shown_path(root)),
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
    content: str | Path,
    static_paths: Iterable[str],
    ignore: Iterable[str] = DEFAULT_IGNORE,
    cache: build_cache.BuildCache | None = None,
) -> list[Problem]:
    """Every file Pelican would publish from `static_paths` (e.g. STATIC_PATHS = ['images'])
    that is not a picture whose pixels can be published (`picture_problem`). `ignore`
    is IGNORE_FILES: those are never copied (but .htaccess and other hidden files
    would be). Links are `link_problems`' business."""
    root = os.path.realpath(content)
    problems = []
    pixels = count = 0
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
            problem = picture_problem(real, shown_path(path), os.path.relpath(path, content), cache)
            if problem:
                problems.append(problem)
                continue
            size = picture_size(real)
            count, pixels = count + 1, pixels + (size.width * size.height if size else 0)
            if count > MAX_PICTURES or pixels > MAX_SITE_PIXELS:  # each is written again
                shown = shown_path(start)
                words = say(
                    "pictures-too-many", most=MAX_PICTURES, megapixels=MAX_SITE_PIXELS // 10**6
                )
                return problems + [Problem(shown, "file", words, code="pictures-too-many")]
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
    cache: build_cache.BuildCache | None = None,
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
        else:  # a file IGNORE_FILES hides from static_problems, linked all the same
            problem = picture_problem(real, shown, destination, cache)
            if problem:
                problems.append(problem)
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


def _in_words(size: int) -> str:
    """A file's size as a file manager shows it: '640 KB', '5.2 MB'."""
    if size < 1_000_000:
        return f"{max(1, round(size / 1000))} KB"
    return f"{size / 1_000_000:.1f} MB"


def share_image_warnings(
    content: str | Path, value: str, cache: build_cache.BuildCache | None = None
) -> list[str]:
    """Warnings for an `Image:` that is fine to publish (image_field_problems found
    nothing) but that social sites will skip, crop or show small."""
    path = os.path.join(content, value.strip())
    size = picture_size(path)
    try:
        published = len(published_bytes(path, path, cache))  # what social sites will fetch
    except (PictureError, OSError):  # static_problems says why, with advice
        return []
    if size is None:
        return []
    values = {
        "path": value.strip(),
        "width": size.width,
        "height": size.height,
        "size": _in_words(published),
    }
    warnings = []
    if published > SHARE_HEAVIEST:
        warnings.append(say("image-share-heavy", **values))
    wanted = SHARE_SIZE[0] / SHARE_SIZE[1]
    ratio = size.width / size.height if size.height else 0
    if size.width < SHARE_NARROWEST or abs(ratio / wanted - 1) > SHARE_SHAPE_TOLERANCE:
        warnings.append(say("image-share-shape", **values))
    return warnings
