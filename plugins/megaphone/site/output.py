"""The site's own files: robots.txt and _headers, the inlined stylesheet and the
fingerprinted script, and the pictures from content/, written again from their
pixels (PictureGenerator). A campaign's other files are generator.py's."""

from __future__ import annotations

import os
from urllib.parse import urlsplit

from markupsafe import Markup
from pelican.utils import sanitised_join

from .. import theme_path
from ..model.links import MAIL_SERVICES
from ..model.messages import say
from ..model.report import CampaignProblems, Problem
from . import run
from .assets import fingerprinted_name, inline, shipped_script
from .contents import public_base, shown_path
from .headers import content_security_policy, headers_file
from .pictures import PictureError
from .scope import SITE_FILE_MARK, header_paths, megaphone_theme, strict, writes_site_file
from .site_theme import ASSETS_FOLDER, site_theme_stylesheet, uses_site_theme
from .sitemaps import sitemap_file
from .static_files import picture_problem, published_bytes

# The context's list of the pictures from content/ that PictureGenerator writes
# (hooks.take_pictures moves them there from Pelican's "staticfiles").
PICTURES = "megaphone_pictures"
STYLESHEET = ("css", "megaphone.css")
SCRIPT = ("js", "megaphone.js")
# Inlined in <head> of a campaign page built open: closes it before the first
# paint if it is loaded after the deadline (theme/templates/base.html).
CLOSED_BEFORE_PAINT = ("js", "closed-before-paint.js")


def prepare_assets(settings) -> None:
    """Once per site: the inlined stylesheet and script, the script's hashed name
    and the list of webmail services the templates offer. The policy allows the
    inline ones by the hashes of the very bytes the pages carry. A campaign page in
    a site's own theme (site_theme.py) links Megaphone's stylesheet and script, from
    the package's theme, written to megaphone/ in the output."""
    if uses_site_theme(settings):
        prepare_site_theme_assets(settings)
        return
    if not strict(settings) and not megaphone_theme(settings):
        return
    static = os.path.join(settings["THEME"], "static")
    style = inline(os.path.join(static, *STYLESHEET))
    closing = inline(os.path.join(static, *CLOSED_BEFORE_PAINT))
    script = fingerprinted_name(SCRIPT[1], shipped_script(os.path.join(static, *SCRIPT)))
    # `make devserver` only: its pages reload themselves after a rebuild (commands/devserver.py).
    reload = bool(settings.get("MEGAPHONE_PREVIEW_RELOAD"))
    settings.setdefault("JINJA_GLOBALS", {}).update(
        INLINE_CSS=Markup(style.text),
        STYLE_HASH=Markup(style.csp_source),
        CLOSED_BEFORE_PAINT=Markup(closing.text),
        CLOSED_BEFORE_PAINT_HASH=Markup(closing.csp_source),
        CSP=Markup(
            content_security_policy(style.csp_source, closing.csp_source, preview_reload=reload)
        ),
        CSP_CONNECT=Markup(
            content_security_policy(style.csp_source, closing.csp_source, connect_self=True)
        ),
        PREVIEW_RELOAD_SCRIPT="/.megaphone/reload.js" if reload else "",
        SCRIPT_PATH=f"{settings['THEME_STATIC_DIR']}/{SCRIPT[0]}/{script}",
        MAIL_SERVICES=MAIL_SERVICES,
    )


def _site_theme_files() -> tuple[bytes, bytes]:
    """megaphone.css (its rules for the campaign's parts) and the shipped megaphone.js,
    from the package's theme."""
    static = os.path.join(theme_path(), "static")
    with open(os.path.join(static, *STYLESHEET), encoding="utf-8") as source:
        style = site_theme_stylesheet(source.read()).encode()
    return style, shipped_script(os.path.join(static, *SCRIPT))


def prepare_site_theme_assets(settings) -> None:
    style, script = _site_theme_files()
    settings.setdefault("JINJA_GLOBALS", {}).update(
        MEGAPHONE_STYLESHEET=f"{ASSETS_FOLDER}/{fingerprinted_name(STYLESHEET[1], style)}",
        SCRIPT_PATH=f"{ASSETS_FOLDER}/{fingerprinted_name(SCRIPT[1], script)}",
        # The header's policy: the theme's own styles and scripts, from the site only.
        STYLE_HASH=Markup("'self'"),
        CLOSED_BEFORE_PAINT_HASH=Markup(""),
        MAIL_SERVICES=MAIL_SERVICES,
    )


def publish_site_theme_assets(settings) -> None:
    """A site's own theme: Megaphone's stylesheet and script, under megaphone/, only if
    a campaign page links them."""
    found = settings["JINJA_GLOBALS"]
    if not settings.get("MEGAPHONE_CAMPAIGN_FOLDERS"):
        return
    style, script = _site_theme_files()
    for name, data in ((found["MEGAPHONE_STYLESHEET"], style), (found["SCRIPT_PATH"], script)):
        target = sanitised_join(settings["OUTPUT_PATH"], name)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as out:
            out.write(data)
    write_site_files(settings)


def publish_assets(pelican) -> None:
    """Write the hashed script; drop the plain copies nothing links to."""
    settings = pelican.settings
    if "SCRIPT_PATH" not in (settings.get("JINJA_GLOBALS") or {}):
        return
    if uses_site_theme(settings):
        publish_site_theme_assets(settings)
        return
    output = os.path.join(settings["OUTPUT_PATH"], settings["THEME_STATIC_DIR"])
    static = os.path.join(settings["THEME"], "static")
    target = os.path.join(settings["OUTPUT_PATH"], settings["JINJA_GLOBALS"]["SCRIPT_PATH"])
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "wb") as out:
        out.write(shipped_script(os.path.join(static, *SCRIPT)))
    write_site_files(settings)
    for plain in (STYLESHEET, SCRIPT, CLOSED_BEFORE_PAINT):
        path = os.path.join(output, *plain)
        if os.path.exists(path):
            os.remove(path)
        if os.path.isdir(os.path.dirname(path)) and not os.listdir(os.path.dirname(path)):
            os.rmdir(os.path.dirname(path))


def write_site_files(settings) -> None:
    """robots.txt and _headers, unless the site has its own."""
    if writes_site_file(settings, "robots.txt"):  # a site's own robots.txt stays its own
        write_robots(settings)
    if writes_site_file(settings, "_headers"):
        with open(os.path.join(settings["OUTPUT_PATH"], "_headers"), "w", encoding="utf-8") as out:
            out.write(_mark(settings))
            out.write(
                headers_file(
                    settings["JINJA_GLOBALS"]["STYLE_HASH"],
                    settings["JINJA_GLOBALS"]["CLOSED_BEFORE_PAINT_HASH"],
                    tuple(settings.get("MEGAPHONE_CONNECT_PATHS", ())),
                    header_paths(settings),
                )
            )


def write_robots(settings) -> None:
    """robots.txt: keep drafts and flyers out of search results; point to the sitemap.
    A site under a sub-path (a GitHub project site) has its paths under it too."""
    path = urlsplit(public_base(settings)).path.rstrip("/")
    lines = ["User-agent: *", f"Disallow: {path}/drafts/", f"Disallow: {path}/*/flyer/"]
    sitemap = sitemap_file(settings)  # the one that is written: ours, or pelican-sitemap's
    if sitemap:
        lines.append(f"Sitemap: {public_base(settings)}/{sitemap}")
    with open(os.path.join(settings["OUTPUT_PATH"], "robots.txt"), "w", encoding="utf-8") as out:
        out.write(_mark(settings) + "\n".join(lines) + "\n")


def _mark(settings) -> str:
    """On a site that may have files of its own (not strict), what says the file is ours."""
    return "" if strict(settings) else SITE_FILE_MARK + "\n"


def link_previous(settings, name: str, path: str, data: bytes) -> bool:
    """The preview only: when the site on screen already has this file with these
    bytes, the new build links to it (a hard link) instead of writing it again,
    which is most of a rebuild's time on a slow disk. Never for `make html`: there
    the new site must share nothing with the one it replaces."""
    live = settings.get("MEGAPHONE_PREVIEW_LIVE_OUTPUT")
    if not live:
        return False
    previous = os.path.join(live, name)
    try:
        if os.path.getsize(previous) != len(data):
            return False
        with open(previous, "rb") as old:
            if old.read() != data:
                return False
        os.link(previous, path)
    except OSError:
        return False
    return True


def write_bytes(settings, name: str, path: str, data: bytes) -> None:
    if not link_previous(settings, name, path, data):
        with open(path, "wb") as out:
            out.write(data)


def write_picture(settings, output_path: str, source: str, name: str) -> None:
    """One picture from content/, at `name` under the output folder: its pixels
    encoded again (site/pictures.py), never the file's own bytes."""
    try:
        data = published_bytes(source, name, run.of(settings).cache)
    except (PictureError, OSError):  # changed since it was checked: say why, as the check does
        shown = shown_path(source)
        unreadable = say("picture-unreadable", path=shown, kind="picture")
        problem = picture_problem(source, shown, name, run.of(settings).cache) or Problem(
            shown, "file", unreadable, code="picture-unreadable"
        )
        raise CampaignProblems([problem]) from None
    path = sanitised_join(output_path, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    # A file already there may be a link to the source (Pelican's STATIC_CREATE_LINKS
    # makes them): writing through it would overwrite the picture in content/.
    if os.path.lexists(path):
        os.unlink(path)
    write_bytes(settings, name, path, data)


class PictureGenerator:
    """Writes the pictures from content/ where Pelican would have copied them.

    Registered with Pelican's get_generators signal: its generate_output runs
    after the pages' (a page's {attach} link can move a picture beside it) and
    before StaticGenerator's, which copies only the theme's files now."""

    def __init__(self, context, settings, path, theme, output_path, **_others) -> None:
        self.context = context
        self.settings = settings
        self.path = path
        self.output_path = output_path

    def generate_output(self, writer) -> None:
        for static in self.context.get(PICTURES, []):
            source = os.path.join(self.path, static.source_path)
            write_picture(self.settings, self.output_path, source, static.save_as)


def picture_generator(pelican):
    return PictureGenerator
