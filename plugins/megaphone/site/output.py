"""Pelican signals that write: each page in its language, and the files beside it.

The calendar reminder and flyer of each open campaign, sitemap.xml and
robots.txt, the inlined stylesheet and the fingerprinted script, and the
pictures from content/, written again from their pixels (PictureGenerator)."""

from __future__ import annotations

import os
import posixpath
from urllib.parse import urlsplit

from markupsafe import Markup
from pelican import signals
from pelican.utils import get_relative_path, path_to_url, sanitised_join
from pelican.writers import Writer

from .. import theme_path
from ..model.links import MAIL_SERVICES
from ..model.messages import say
from ..model.qr import qr_svg
from ..model.reminder import reminder_ics
from ..model.report import CampaignProblems, Problem
from ..model.sitemap import Entry, sitemap_xml
from ..model.targets import target_data
from . import run
from .assets import fingerprinted_name, inline, shipped_script
from .contents import ARTICLE_GROUPS, contents, public_base, save_as_of, shown_path
from .headers import content_security_policy, headers_file
from .i18n import deadline_in_words, translations, words_locale
from .pictures import PictureError
from .scope import header_paths, megaphone_theme, strict, writes_site_file
from .settings import settings_file
from .shipped import FROM_CACHE
from .site_theme import (
    ASSETS_FOLDER,
    FLYER_TEMPLATE,
    site_theme_stylesheet,
    uses_site_theme,
)
from .sitemaps import Unlisted, sitemap_file, warn_two_sitemaps, writes_own_sitemap
from .static_files import picture_problem, published_bytes
from .words import REMINDER_ALARM, REMINDER_DESCRIPTION, REMINDER_SUMMARY

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
    if settings.get("MEGAPHONE_CHECK_ONLY") or "SCRIPT_PATH" not in (
        settings.get("JINJA_GLOBALS") or {}
    ):
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
        out.write("\n".join(lines) + "\n")


def write_sitemap(generator, writer) -> None:
    """Every published campaign and translation, and the home page. None beside
    pelican-sitemap, which lists them itself (site/sitemaps.py)."""
    settings = generator.settings
    warn_two_sitemaps(settings, settings_file(settings))
    if not writes_own_sitemap(settings) or settings.get("MEGAPHONE_CHECK_ONLY"):
        return
    pages = [  # the campaigns: the site's other pages are in its own sitemap, if any
        a
        for a in list(generator.articles) + list(generator.translations)
        if getattr(a, "campaign_page", None) is not None
    ]
    newest = max((a.date for a in pages), default=None)
    entries = [
        Entry(f"{public_base(settings)}/", newest.date().isoformat() if newest else "1970-01-01")
    ]
    for article in sorted(pages, key=lambda a: a.url):
        versions = [article] + [
            v for v in getattr(article, "translations", []) if hasattr(v, "campaign_page")
        ]
        alternates = (
            tuple(sorted((v.lang, v.campaign_page.url) for v in versions))
            if len(versions) > 1
            else ()
        )
        lastmod = getattr(article, "modified", None) or article.date
        entries.append(Entry(article.campaign_page.url, lastmod.date().isoformat(), alternates))
    with open(os.path.join(generator.output_path, "sitemap.xml"), "w", encoding="utf-8") as out:
        out.write(sitemap_xml(entries))


def _catalogue(settings, lang: str, campaign: bool = True):
    """The words of a page in `lang`: the theme's catalogue, or, for a campaign's
    pages in a site's own theme, Megaphone's (the theme's have none of its words)."""
    theme = theme_path() if campaign and uses_site_theme(settings) else settings["THEME"]
    return translations(os.path.join(theme, "translations"), lang)


def reminder(article, settings) -> bytes:
    """The calendar file of one campaign, in the words of its page's language."""
    page = article.campaign_page
    gettext = _catalogue(settings, article.lang).gettext
    when = deadline_in_words(
        page.campaign.deadline,
        gettext,
        words_locale(article.lang, settings.get("MEGAPHONE_LOCALES"), gettext),
    )
    return reminder_ics(
        uid=f"{article.slug}-{article.lang}-deadline@megaphone",
        deadline=page.campaign.deadline,
        summary=gettext(REMINDER_SUMMARY).format(title=article.title),
        description=gettext(REMINDER_DESCRIPTION).format(when=when, url=page.url),
        alarm_text=gettext(REMINDER_ALARM).format(title=article.title),
        url=page.url,
        stamp=article.date,
    )


class TargetArticle(Unlisted):
    """A campaign's article as one representative's page shows it: the same
    page, with that target's CampaignPage (and no language switcher, since
    its translations are pages of the whole campaign); not in a sitemap."""

    def __init__(self, article, page) -> None:
        super().__init__(article)
        self.campaign_page = page
        self.translations: list = []


def write_target_pages(generator, writer, article) -> None:
    """`/<slug>/to/<area>/`: one complete send page per representative."""
    page = getattr(article, "campaign_page", None)
    if page is None or not page.target_pages or not article.save_as:  # not written: nor these
        return
    template = generator.get_template(article.template)
    folder = posixpath.dirname(article.save_as)
    campaign = page.campaign
    files = target_data(
        campaign.targets, {(p.list_name, p.target.area): p.path for p in page.target_pages}
    )
    for name, data in sorted(files.items()):
        path = os.path.join(generator.output_path, folder, "targets", *name.split("/"))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as out:
            out.write(data)
    for target_page in page.target_pages:
        below = target_page.path[len(page.path) :]
        writer.write_file(
            posixpath.join(folder, below, "index.html"),
            template,
            generator.context,
            relative_urls=generator.settings["RELATIVE_URLS"],
            url=target_page.path,
            article=TargetArticle(article, target_page.page),
        )


def write_page_extras(generator, writer) -> None:
    """Each open campaign's calendar reminder and printable flyer, beside its page;
    each target's page, open or closed (the campaign page links to them)."""
    if generator.settings.get("MEGAPHONE_CHECK_ONLY"):
        return
    flyer = None  # looked up once needed: a site without open campaigns may lack it
    for article in contents(generator, ARTICLE_GROUPS):
        write_target_pages(generator, writer, article)
        page = getattr(article, "campaign_page", None)
        if page is None or not page.campaign.is_open:  # only open campaigns link to them
            continue
        if not save_as_of(article):  # not written (drafts, when publishing): nor are its extras
            continue
        flyer = flyer or generator.get_template(
            FLYER_TEMPLATE if uses_site_theme(generator.settings) else "flyer"
        )
        write_reminder_and_flyer(generator, writer, flyer, article, page)


def write_reminder_and_flyer(generator, writer, flyer, article, page) -> None:
    folder = posixpath.dirname(save_as_of(article))
    path = os.path.join(generator.output_path, folder, "remind.ics")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    cache = run.of(generator.settings).cache
    page_key = cache.page_keys.get(article.source_path)
    calendar = (
        cache.remember(
            cache.key(page_key, "remind.ics"),
            lambda: reminder(article, generator.settings),
            article.source_path,
        )
        if page_key
        else reminder(article, generator.settings)
    )
    write_bytes(generator.settings, posixpath.join(folder, "remind.ics"), path, calendar)
    qr = cache.remember(
        cache.key("qr", page.url),
        lambda: qr_svg(page.url, f"QR code: {page.url}").encode(),
        article.source_path,
    )
    writer.write_file(
        posixpath.join(folder, "flyer", "index.html"),
        flyer,
        generator.context,
        relative_urls=generator.settings["RELATIVE_URLS"],
        url=page.flyer_path,
        article=Unlisted(article),  # kept out of search results: not in a sitemap
        qr=Markup(qr.decode()),
    )


def write_closed_archive(generator, writer) -> None:
    """The archive of closed campaigns, most recent first, on pages of
    PAGINATED_TEMPLATES["closed"] each (50 unless the site says), with Pelican's own paginator:
    /closed/, then /closed/2/... (PAGINATION_PATTERNS)."""
    settings = generator.settings
    save_as = settings.get("MEGAPHONE_CLOSED_SAVE_AS")
    if not save_as or settings.get("MEGAPHONE_CHECK_ONLY") or uses_site_theme(settings):
        return  # in a site's own theme, its own archives list the closed campaigns
    closed = list(generator.context.get("campaigns_closed", []))
    if not closed:
        return
    writer.write_file(
        save_as,
        generator.get_template("closed"),
        generator.context,
        relative_urls=settings["RELATIVE_URLS"],
        paginated={"articles": closed},
        template_name="closed",
        url=settings.get("MEGAPHONE_CLOSED_URL", ""),
    )


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


class TranslatingWriter(Writer):
    """Renders each page with the gettext catalogue of the page's own language;
    a campaign's pages come from the build cache when nothing they show changed."""

    def write_file(self, name, template, context, *args, **kwargs):
        if self.settings.get("MEGAPHONE_CHECK_ONLY"):  # `make check` writes nothing
            return None
        content = kwargs.get("article") or kwargs.get("page")
        lang = getattr(content, "lang", None) or context.get("DEFAULT_LANG", "en")
        campaign = getattr(content, "campaign_page", None) is not None
        catalogue = _catalogue(self.settings, lang, campaign)
        kwargs.update(
            page_lang=lang,
            gettext=catalogue.gettext,
            ngettext=catalogue.ngettext,
            _=catalogue.gettext,
        )
        cache = run.of(self.settings).cache
        owner = getattr(content, "source_path", None) or ""
        page_key = cache.page_keys.get(owner)
        if not page_key or not name or args or kwargs.get("paginated"):
            return super().write_file(name, template, context, *args, **kwargs)
        key = cache.key(
            page_key,
            name,
            template.name,
            kwargs.get("relative_urls"),
            kwargs.get("url"),
            kwargs.get("override_output"),
            *sorted(kwargs),
        )
        path = sanitised_join(self.output_path, name)
        found = cache.get(key, owner)
        if found is not None:
            self._write_cached(path, name, found, context, kwargs)
            return None
        skipped = path in self._overridden_files  # Pelican keeps the other page's bytes
        super().write_file(name, template, context, *args, **kwargs)
        if not skipped:  # checked as written (check_written_page): a warm build reuses it
            with open(path, "rb") as written:
                cache.put(key, written.read(), owner)
        return None

    def _write_cached(self, path: str, name: str, data: bytes, context, kwargs) -> None:
        """What Writer.write_file does after rendering, with the bytes it rendered last time."""
        if kwargs.get("relative_urls"):  # as Pelican does: later content links rely on it
            context["localsiteurl"] = path_to_url(get_relative_path(name))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        override = kwargs.get("override_output", False)
        first = path not in self._written_files and path not in self._overridden_files
        if first and link_previous(self.settings, name, path, data):
            self._written_files.add(path)  # Pelican's own record of what it wrote
            if override:
                self._overridden_files.add(path)
        else:
            with self._open_w(path, "utf-8", override=override) as out:
                out.write(data.decode("utf-8"))
        if signals.content_written.receivers:  # checked when it was first written
            local = {**context, "output_file": name, **kwargs, FROM_CACHE: True}
            signals.content_written.send(path, context=local)


def use_translating_writer(pelican):
    return TranslatingWriter


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
        if self.settings.get("MEGAPHONE_CHECK_ONLY"):  # `make check` writes nothing
            return
        for static in self.context.get(PICTURES, []):
            source = os.path.join(self.path, static.source_path)
            write_picture(self.settings, self.output_path, source, static.save_as)


def picture_generator(pelican):
    return PictureGenerator
