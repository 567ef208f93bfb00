"""What the plugin owns: the campaigns, and, only when the site asks for it, the whole site.

A campaign is a Markdown file under one of the campaign folders
(`MEGAPHONE_CAMPAIGN_PATHS`, or `CAMPAIGN_PATHS`, relative to PATH; by default
`["campaigns"]`), read by Pelican as an article (ARTICLE_PATHS must reach it).
Campaigns, and the pictures they show (`Image:`, `{static}` links), are checked
in full. The rest of the site (other articles, pages, static files, what other
plugins write) is Pelican's, and left alone.

`MEGAPHONE_STRICT = True` holds the whole site to a campaign site's rules, as
a site of campaigns only wants (this repository's pelicanconf.py): every
article is a campaign, only pictures are published from content/, pages are
refused, every written page is read again, and nothing unclaimed ships."""

from __future__ import annotations

import os
import posixpath
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from ..model.messages import say
from ..model.report import Problem, field_line, read_source
from .contents import ARTICLE_GROUPS, PAGE_GROUPS, campaign_page_of, contents, shown_path
from .site_checks import SETTINGS_FILE

STRICT = "MEGAPHONE_STRICT"
CAMPAIGN_PATHS = "MEGAPHONE_CAMPAIGN_PATHS"
DEFAULT_CAMPAIGN_PATHS = ("campaigns",)
# Pelican's Markdown reader's extensions (pelican.readers.MarkdownReader).
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mkd", ".mdown")
# How a campaign is read on a site not only of campaigns, whatever the site's own
# MARKDOWN (codehilite, toc...): the letter block must reach the plugin untouched.
CAMPAIGN_MARKDOWN = {
    "extensions": ["markdown.extensions.extra", "markdown.extensions.meta"],
    "extension_configs": {"markdown.extensions.extra": {}, "markdown.extensions.meta": {}},
    "output_format": "html5",
}


def strict(settings) -> bool:
    """The whole site held to a campaign site's rules (today's behaviour), or campaigns only."""
    return bool(settings.get(STRICT, False))


def _relative(path: str) -> str:
    """A folder as written in the settings, as a clean relative path ('' for PATH itself)."""
    clean = posixpath.normpath(str(path).replace(os.sep, "/")).strip("/")
    return "" if clean == "." else clean


def campaign_paths(settings) -> list[str]:
    """The campaign folders, relative to PATH (site/settings.py fills in the default and
    reads the old name, CAMPAIGN_PATHS, at `initialized`)."""
    return [_relative(folder) for folder in settings.get(CAMPAIGN_PATHS) or DEFAULT_CAMPAIGN_PATHS]


def _under(path: str, folder: str) -> bool:
    return folder == "" or path == folder or path.startswith(folder + "/")


def _relative_to_content(settings, path: str) -> str:
    content = os.path.abspath(settings["PATH"])
    absolute = os.path.abspath(os.path.join(content, path))
    return _relative(os.path.relpath(absolute, content))


def in_campaign_paths(settings, path: str) -> bool:
    """Whether the file at `path` (absolute, or relative to PATH) lies in a campaign folder.
    Asked of every file of the site, more than once: a comparison of absolute paths."""
    content = os.path.abspath(settings["PATH"])  # in the key: a relative one depends on cwd
    return _in_folders(content, tuple(campaign_paths(settings)), str(path))


@lru_cache(maxsize=16384)
def _in_folders(content: str, folders: tuple[str, ...], path: str) -> bool:
    absolute = os.path.abspath(os.path.join(content, path))
    for folder in folders:
        inside = os.path.abspath(os.path.join(content, *folder.split("/")))
        if absolute == inside or absolute.startswith(inside.rstrip(os.sep) + os.sep):
            return True
    return False


def is_markdown(path: str) -> bool:
    return str(path).lower().endswith(MARKDOWN_SUFFIXES)


def owns(settings, path: str) -> bool:
    """Whether a file Pelican reads is the plugin's to check (a read failure, a size limit)."""
    return strict(settings) or in_campaign_paths(settings, path)


def reading_settings(settings, path: str):
    """The settings a campaign file is read with: the site's, but for a site not only of
    campaigns, Megaphone's own Markdown (a strict site's MARKDOWN is its campaigns',
    less the smarty extension, which would curl the quotes of a Summary)."""
    if strict(settings):
        return _without_smarty(settings)
    if not is_markdown(path) or not in_campaign_paths(settings, path):
        return settings
    return {**settings, "MARKDOWN": CAMPAIGN_MARKDOWN}


SMARTY = "smarty"


def _without_smarty(settings):
    markdown = settings.get("MARKDOWN") or {}
    configs = dict(markdown.get("extension_configs") or {})
    extensions = list(markdown.get("extensions") or [])
    if not any(SMARTY in str(e).lower() for e in list(configs) + extensions):
        return settings
    kept = {
        **markdown,
        "extension_configs": {k: v for k, v in configs.items() if SMARTY not in k.lower()},
        "extensions": [e for e in extensions if SMARTY not in str(e).lower()],
    }
    return {**settings, "MARKDOWN": kept}


def is_campaign(item: Any, settings) -> bool:
    """An article that is a campaign. Strict: every article, as on a site of campaigns."""
    if strict(settings):
        return True
    path = str(getattr(item, "source_path", "") or "")
    return is_markdown(path) and in_campaign_paths(settings, path)


def campaign_articles(articles) -> list:
    """Every campaign of the articles generator, drafts and translations included."""
    return [a for a in contents(articles, ARTICLE_GROUPS) if is_campaign(a, articles.settings)]


def campaign_pages(pages: Iterable, settings) -> list:
    """Pages (PAGE_PATHS) whose file is in a campaign folder."""
    return [
        page
        for page in pages
        if in_campaign_paths(settings, str(getattr(page, "source_path", "") or ""))
    ]


def all_pages(generators) -> list:
    from pelican.generators import PagesGenerator

    return [
        p for g in generators if isinstance(g, PagesGenerator) for p in contents(g, PAGE_GROUPS)
    ]


def reach_problems(settings) -> list[Problem]:
    """At `initialized`: every campaign folder must be read as articles (ARTICLE_PATHS,
    less ARTICLE_EXCLUDES, which holds PAGE_PATHS), or its campaigns would never be
    read, or be read as pages without a campaign's checks."""
    written = list(settings.get("ARTICLE_PATHS") or [])
    articles = [_relative(p) for p in written]
    pages = [_relative(p) for p in settings.get("PAGE_PATHS") or []]
    excludes = [_relative(p) for p in settings.get("ARTICLE_EXCLUDES") or []]
    problems = []
    for folder in campaign_paths(settings):
        # A site with no campaign folder yet (the plugin installed, found by Pelican's
        # namespace lookup, before any campaign is written) builds as it did.
        if not os.path.isdir(os.path.join(settings["PATH"], folder)):
            continue
        reached = any(_under(folder, path) or _under(path, folder) for path in articles)
        as_pages = [p for p in pages if _under(folder, p)]
        excluded = [p for p in excludes if _under(folder, p) and p not in pages]
        wanted = f"ARTICLE_PATHS = {written + [folder]!r}"
        if as_pages:
            setting, why = "PAGE_PATHS", f"PAGE_PATHS holds {as_pages[0]!r} (its files are pages)"
            instead = f"take {as_pages[0]!r} out of PAGE_PATHS" + ("" if reached else f", {wanted}")
        elif not reached:
            setting, why = "ARTICLE_PATHS", f"ARTICLE_PATHS is {written!r}"
            instead = wanted
        elif excluded:
            setting, why = "ARTICLE_EXCLUDES", f"ARTICLE_EXCLUDES holds {excluded[0]!r}"
            instead = f"take {excluded[0]!r} out of ARTICLE_EXCLUDES"
        else:
            continue
        text = say(
            "campaign-paths-not-read", folder=folder, setting=setting, why=why, instead=instead
        )
        problems.append(Problem(SETTINGS_FILE, setting, text, 0, "campaign-paths-not-read"))
    return problems


def page_in_campaign_folder(page) -> Problem:
    return Problem(
        shown_path(page.source_path), "file", say("campaign-is-page"), 1, "campaign-is-page"
    )


def not_markdown_problems(settings, files: Iterable[str]) -> list[Problem]:
    """Files in a campaign folder that are not Markdown: a campaign is a Markdown file,
    and Pelican would read a .rst or .html one as an ordinary article, unchecked."""
    return [
        Problem(
            shown_path(path),
            "file",
            say("campaign-not-markdown", name=os.path.basename(path)),
            1,
            "campaign-not-markdown",
        )
        for path in files
        if not is_markdown(path) and in_campaign_paths(settings, path)
    ]


def campaign_folder_files(settings, walk) -> list[str]:
    """Every file in the campaign folders, as `walk(settings, root)` lists them."""
    found: list[str] = []
    for folder in campaign_paths(settings):
        found += walk(settings, os.path.join(settings["PATH"], folder))
    return sorted(set(found))


def exempt_from_campaign_folders(settings, path: str, targets_folder: str) -> bool:
    """Files that may sit in a campaign folder without being campaigns: static files
    (STATIC_PATHS) and the target lists."""
    relative = _relative_to_content(settings, path)
    folders = [_relative(p) for p in settings.get("STATIC_PATHS") or []] + [targets_folder]
    return any(folder and _under(relative, folder) for folder in folders)


def campaign_pictures(campaigns: Iterable, context, settings) -> list:
    """The static files the campaigns show: their `Image:`, the files their `{static}`
    links name, any static file in a campaign folder. Strict: every static file."""
    from .site_links import linked_item, site_links

    staticfiles = list(context.get("staticfiles", []))
    if strict(settings):
        return staticfiles
    wanted: set[str] = set()
    linked: list = []
    for article in campaigns:
        image = str(article.metadata.get("image") or "").strip()
        if image:
            wanted.add(_relative(image))
        summary = str(article.metadata.get("summary") or "")
        for html in (article._content, summary):
            for link in site_links(html, context):
                if link.what == "static":
                    item = linked_item(link, article, context)
                    if item is not None:
                        linked.append(item)
    return [
        static
        for static in staticfiles
        if any(static is item for item in linked)
        or _relative_to_content(settings, static.source_path) in wanted
        or in_campaign_paths(settings, static.source_path)
    ]


def shared_slug_problems(articles) -> list[Problem]:
    """A campaign and an ordinary article that Pelican made translations of each other
    (one Slug, two languages): the campaign's page would list a page that is not one."""
    settings = articles.settings
    problems = []
    for item in contents(articles, ARTICLE_GROUPS):
        for other in getattr(item, "translations", []) or []:
            pair = [(item, other), (other, item)]
            for campaign, ordinary in pair:
                if is_campaign(campaign, settings) and not is_campaign(ordinary, settings):
                    text = say(
                        "campaign-slug-shared",
                        slug=str(campaign.slug),
                        other=shown_path(ordinary.source_path),
                    )
                    problems.append(
                        Problem(
                            shown_path(campaign.source_path),
                            "Slug",
                            text,
                            field_line(read_source(campaign.source_path), "Slug"),
                            "campaign-slug-shared",
                        )
                    )
    return sorted(set(problems), key=lambda p: (p.file, p.message))


def megaphone_theme(settings) -> bool:
    """Whether the site's theme can show a campaign (Megaphone's theme, or one made from it)."""
    return os.path.isfile(os.path.join(settings["THEME"], "static", "css", "megaphone.css"))


# The Megaphone theme's article.html shows a campaign; an ordinary article of a site
# that is not only campaigns is shown with this template, when the theme has it.
ORDINARY_TEMPLATE = "ordinary_article"


def use_ordinary_template(articles) -> None:
    """Each article that is not a campaign, on Megaphone's theme, keeps Pelican's
    processing but is shown with the theme's template for ordinary articles (its
    article.html is a campaign's page). Another theme is left as it is."""
    settings = articles.settings
    if strict(settings) or not megaphone_theme(settings):
        return
    if not os.path.isfile(
        os.path.join(settings["THEME"], "templates", ORDINARY_TEMPLATE + ".html")
    ):
        return
    for article in contents(articles, ARTICLE_GROUPS):
        if not is_campaign(article, settings) and getattr(article, "template", "") == "article":
            article.template = ORDINARY_TEMPLATE


def is_checked_page(path: str, context) -> bool:
    """Whether a page being written is read again (content_written). Strict: every page.
    Otherwise the pages Megaphone writes: a campaign's own pages and the archive."""
    if strict(context):
        return True
    article = context.get("article")
    if campaign_page_of(article) is not None:
        return True
    closed = str(context.get("CLOSED_SAVE_AS") or "")
    name = str(context.get("output_file") or "")
    folder = posixpath.dirname(closed)
    return bool(closed) and (name == closed or bool(folder) and name.startswith(folder + "/"))


CAMPAIGN_FOLDERS = "MEGAPHONE_CAMPAIGN_FOLDERS"  # the campaigns' paths on the site


def note_campaign_folders(settings, campaigns: Iterable) -> None:
    """After reading: where each campaign's pages are, as the host serves them: its
    folder (/park/*: the page, its flyer, its calendar file), or its page alone."""
    from .contents import save_as_of, url_of

    prefix = _site_path(settings)
    paths = set()
    for article in campaigns:
        save_as, url = save_as_of(article), url_of(article)
        if not save_as:
            continue
        if posixpath.basename(save_as) == "index.html" and posixpath.dirname(save_as):
            paths.add(f"{prefix}/{posixpath.dirname(save_as)}/*")
        else:
            paths.add(f"{prefix}/{url}")
    settings[CAMPAIGN_FOLDERS] = sorted(paths)


def header_paths(settings) -> tuple[str, ...]:
    """The paths of `_headers`: every file of a strict site; otherwise the campaigns'
    pages and the theme's files (in a site's own theme, Megaphone's own: megaphone/), so
    that the rest of the site keeps its own headers."""
    if strict(settings):
        return ("/*",)
    from .site_theme import ASSETS_FOLDER, uses_site_theme

    folder = ASSETS_FOLDER if uses_site_theme(settings) else settings["THEME_STATIC_DIR"]
    theme = f"{_site_path(settings)}/{folder}/*"
    return (*settings.get(CAMPAIGN_FOLDERS, []), theme)


def _site_path(settings) -> str:
    """The path of the site's public address: '' at a host's root, '/campaigns' below."""
    from urllib.parse import urlsplit

    from .contents import public_base

    return urlsplit(public_base(settings)).path.rstrip("/")


# The first line of the robots.txt and _headers Megaphone writes on a site that may have
# its own: a later build rewrites a file that starts so, and keeps any other.
SITE_FILE_MARK = "# Written by Megaphone on every build (a file of your own here is kept)."


def writes_site_file(settings, name: str) -> bool:
    """robots.txt, _headers: Megaphone's own in strict mode; otherwise only when the site
    has none of its own (a static file, another plugin's). One an earlier build of
    Megaphone left in OUTPUT_PATH (Pelican keeps what it does not write) is Megaphone's,
    and written anew: its campaign pages may have changed."""
    path = os.path.join(settings["OUTPUT_PATH"], name)
    if strict(settings) or not os.path.exists(path):
        return True
    try:
        with open(path, encoding="utf-8", errors="replace") as file:
            return file.readline().rstrip("\n") == SITE_FILE_MARK
    except OSError:
        return False


def in_a_folder(url: str, save_as: str) -> tuple[str, str]:
    """A campaign's address as the `index.html` of a folder of its own: its flyer and
    reminder go beside it. `posts/park.html` becomes `posts/park/index.html`."""
    if not save_as or save_as == "index.html":
        return url, save_as
    if not save_as.endswith("/index.html"):
        stem = save_as[: -len(".html")] if save_as.endswith(".html") else save_as
        save_as = f"{stem}/index.html"
    if url and not url.endswith("/"):
        url = (url[: -len(".html")] if url.endswith(".html") else url) + "/"
    return url, save_as


def give_folders(articles) -> None:
    """Each campaign is the index.html of a folder of its own, whatever ARTICLE_SAVE_AS
    the site has (Pelican's default is `{slug}.html`, which would put every campaign's
    flyer at flyer/): it takes the folder of its address, as a `Save_as:` and `Url:` in
    its own header would (Pelican's override_save_as and override_url). A blog's other
    articles keep their addresses."""
    for article in campaign_articles(articles):
        url, save_as = in_a_folder(article.url, article.save_as)
        if (url, save_as) != (article.url, article.save_as):
            article.override_url, article.override_save_as = url, save_as


# The templates that show a campaign (Megaphone's theme's, or its wrappers in a site's
# theme, under megaphone/): an article that is not one, shown with them, has none of
# what they read.
CAMPAIGN_TEMPLATES = ("article", "flyer", "closed")


def reserved_template_problems(items, settings) -> list[Problem]:
    """A post or page of a site that added the plugin, whose `Template:` names one of
    the templates that show a campaign: a plain problem, not Jinja's traceback."""
    problems = []
    for item in items:
        chosen = str((getattr(item, "metadata", None) or {}).get("template") or "")
        ours = chosen.startswith("megaphone/") or (
            megaphone_theme(settings) and chosen in CAMPAIGN_TEMPLATES
        )
        if not ours or is_campaign(item, settings):
            continue
        source = read_source(item.source_path)
        line = field_line(source, "Template")
        text = say("template-reserved", template=chosen)
        problems.append(
            Problem(shown_path(item.source_path), "Template", text, line, "template-reserved")
        )
    return problems
