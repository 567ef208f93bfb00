"""Every file the site will write has one owner, claimed before anything is written.

Pelican writes whatever its features ask for: a page's `Save_as`, an `{attach}`
link, a picture's path. Two of them asking for one path means one silently
replaces the other (a volunteer's campaign page replaced by another file); a
file named `_redirects` or `.htaccess` changes what the host does with every
page. So each page, translation, flyer, calendar file, representative's page,
postcode file and picture claims its path once, in `make check` as in
`make html`: a second claim is a problem naming both files, and the host's
own files are Megaphone's alone. After the build, `unclaimed_files` proves
that nothing else was written (commands/build.py)."""

from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass, field

from ..model.messages import say
from ..model.report import Problem
from ..model.slug import same_name
from ..model.targets import target_file_names
from .contents import ARTICLE_GROUPS, contents, save_as_of, shown_path
from .sitemaps import sitemap_file

SITE = "the site itself"
CLAIMS = "MEGAPHONE_OUTPUT_CLAIMS"  # the setting the claims are handed on in
# Files a static host reads as instructions, not as pages: only Megaphone writes them.
HOST_FILES = frozenset(
    {
        "_headers",
        "_redirects",
        "_routes.json",
        "_config.yml",
        "cname",
        "robots.txt",
        "sitemap.xml",
        "404.html",
        "web.config",
        "netlify.toml",
        "vercel.json",
        "firebase.json",
        "staticwebapp.config.json",
    }
)
# pelican-precompress writes a .gz and a .br copy beside each text file.
COMPRESSED = (".gz", ".br")


@dataclass
class Claims:
    """path (as the host serves it) -> who writes it."""

    owners: dict[str, str] = field(default_factory=dict)  # file -> owner
    folders: dict[str, str] = field(default_factory=dict)  # folder -> owner of a file in it
    whole_folders: dict[str, str] = field(default_factory=dict)  # folder -> its one owner
    problems: list[Problem] = field(default_factory=list)

    def claim(self, path: str, owner: str, *, by_site: bool = False, quiet: bool = False) -> None:
        """`quiet`: a clash is not said here (two pages at one address: same_address)."""
        path = _normal(path)
        key = same_name(path)
        if not by_site and _host_file(path):
            self.problems.append(_problem(owner, "output-host-file", path=path))
            return
        taken = self.owners.get(key) or self.folders.get(key) or self._above(key)
        if taken is not None and taken != owner:
            if not quiet:
                self.problems.append(_problem(owner, "output-taken", path=path, other=taken))
            return
        self.owners[key] = owner
        parts = key.split("/")
        for depth in range(1, len(parts)):
            self.folders.setdefault("/".join(parts[:depth]), owner)

    def claim_folder(self, path: str, owner: str) -> None:
        """A folder whose every file is this owner's (the theme's files, the archive)."""
        self.whole_folders[same_name(_normal(path))] = owner

    def _above(self, key: str) -> str | None:
        """A claimed file where this path needs a folder (`x` beside `x/index.html`),
        or a folder that is wholly someone else's."""
        parts = key.split("/")
        for depth in range(1, len(parts) + 1):
            above = "/".join(parts[:depth])
            owner = self.whole_folders.get(above) or (
                self.owners.get(above) if depth < len(parts) else None
            )
            if owner is not None:
                return owner
        return None

    def has(self, path: str) -> bool:
        key = same_name(_normal(path))
        return key in self.owners or self._above(key) is not None


def _normal(path: str) -> str:
    return posixpath.normpath(path.replace(os.sep, "/")).lstrip("/")


def _host_file(path: str) -> bool:
    parts = path.split("/")
    return any(part.startswith(".") for part in parts) or (
        len(parts) == 1 and parts[0].casefold() in HOST_FILES
    )


def _problem(owner: str, code: str, **values) -> Problem:
    return Problem(owner, "file", say(code, **values), code=code)


def campaign_files(save_as: str, campaign) -> list[str]:
    """What one campaign page brings beside itself (site/output.py writes them)."""
    folder = posixpath.dirname(save_as)
    files = []
    if campaign.is_open:  # only an open campaign offers a reminder and a flyer
        files += [posixpath.join(folder, "remind.ics"), posixpath.join(folder, "flyer/index.html")]
    files += [posixpath.join(folder, below, "index.html") for _, _, below in campaign.target_pages]
    if campaign.targets:
        files += [
            posixpath.join(folder, "targets", name) for name in target_file_names(campaign.targets)
        ]
    return files


def site_claims(settings) -> Claims:
    """The files and folders Megaphone and Pelican write for the whole site."""
    claims = Claims()
    for name in ("index.html", "robots.txt", "_headers", "sitemap.xml"):
        claims.claim(name, SITE, by_site=True)
    if sitemap_file(settings) not in ("", "sitemap.xml"):  # pelican-sitemap's sitemap.txt
        claims.claim(sitemap_file(settings), SITE, by_site=True)
    for published, source in theme_files(settings):
        claims.claim(published, source)  # a hidden file here is refused as from content/
        why = theme_refusal(source)
        if why:
            claims.problems.append(_problem(source, "theme-file-refused", path=source, why=why))
    script = (settings.get("JINJA_GLOBALS") or {}).get("SCRIPT_PATH")
    if script:  # the script, under the name its bytes give it (site/output.py)
        claims.claim(str(script), SITE, by_site=True)
    closed = settings.get("MEGAPHONE_CLOSED_SAVE_AS")
    if closed:  # and its later pages, /closed/2/...
        claims.claim_folder(posixpath.dirname(closed) or closed, SITE)
    for name, value in settings.items():
        if "FEED" in name and name.endswith(("_ATOM", "_RSS")) and isinstance(value, str) and value:
            if "{" in value:  # one feed per category, language...: their folder
                claims.claim_folder(posixpath.dirname(value.split("{")[0]) or value, SITE)
            else:
                claims.claim(value, SITE, by_site=True)
    return claims


# What a page may load from the theme. Not SVG (it can carry script), not HTML.
THEME_SUFFIXES = (
    ".css",
    ".js",
    ".woff",
    ".woff2",
    ".png",
    ".jpg",
    ".jpeg",
    ".gif",
    ".webp",
    ".avif",
    ".ico",
)


def theme_files(settings) -> list[tuple[str, str]]:
    """(path in the site, file as the volunteer sees it) for each file Pelican copies
    from the theme's static folders (THEME_STATIC_PATHS, into THEME_STATIC_DIR)."""
    theme, found = settings["THEME"], []
    for static in settings.get("THEME_STATIC_PATHS") or ():
        root = os.path.join(theme, static)
        for directory, _, names in os.walk(root):
            for name in sorted(names):
                source = os.path.join(directory, name)
                below = os.path.relpath(source, root).replace(os.sep, "/")
                found.append(
                    (posixpath.join(settings["THEME_STATIC_DIR"], below), shown_path(source))
                )
    return found


def theme_refusal(source: str) -> str:
    if not source.lower().endswith(THEME_SUFFIXES):
        return "only stylesheets, scripts, fonts and pictures are published from the theme"
    return ""


def unclaimed_files(output: str, claims: Claims) -> list[str]:
    """Every file in the built site that no one claimed: nothing else may ship.
    (pelican-precompress's .gz and .br copies are their file's.)"""
    unclaimed = []
    for directory, _, names in os.walk(output):
        for name in names:
            path = os.path.relpath(os.path.join(directory, name), output).replace(os.sep, "/")
            plain = path.rsplit(".", 1)[0] if path.endswith(COMPRESSED) else path
            if not claims.has(plain):
                unclaimed.append(path)
    return sorted(unclaimed)


def output_claims(articles, campaigns: dict, settings) -> Claims:
    """Every path the build will write, each with its one owner: the site's own files,
    then each campaign page and what it brings, then each picture."""
    claims = site_claims(settings)
    written = [a for a in contents(articles, ARTICLE_GROUPS) if save_as_of(a)]  # drafts may not be
    for article in written:
        claims.claim(save_as_of(article), shown_path(article.source_path), quiet=True)
    for article in written:
        if article in campaigns:
            for path in campaign_files(save_as_of(article), campaigns[article]):
                claims.claim(path, shown_path(article.source_path))
    for static in articles.context.get("staticfiles", []):
        if static.save_as:
            source = os.path.join(settings["PATH"], static.source_path)
            claims.claim(static.save_as, shown_path(source))
    return claims
