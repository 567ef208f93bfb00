"""Pelican signals that write: each page in its language, and the files beside it.

The calendar reminder and flyer of each open campaign, sitemap.xml and
robots.txt, the inlined stylesheet and the fingerprinted script."""

from __future__ import annotations

import os
import posixpath
import shutil

from markupsafe import Markup
from pelican.writers import Writer

from .assets import fingerprinted_name, inline_style
from .i18n import translations
from .qr import qr_svg
from .reminder import reminder_ics
from .sitemap import Entry, sitemap_xml

ARTICLE_GROUPS = ("articles", "translations", "hidden_articles",
                  "hidden_translations", "drafts", "drafts_translations")
PAGE_GROUPS = ("pages", "translations", "hidden_pages",
               "hidden_translations", "draft_pages", "draft_translations")


def contents(generator, groups):
    for group in groups:
        yield from getattr(generator, group, [])


def public_base(settings) -> str:
    """The site's public address, without a trailing slash."""
    return (settings.get("CANONICAL_SITEURL") or settings.get("SITEURL") or "").rstrip("/")


STYLESHEET = ("css", "megaphone.css")
SCRIPT = ("js", "megaphone.js")


def prepare_assets(settings) -> None:
    """Once per site: the inlined stylesheet and the script's hashed name."""
    static = os.path.join(settings["THEME"], "static")
    style = inline_style(os.path.join(static, *STYLESHEET))
    script = fingerprinted_name(os.path.join(static, *SCRIPT))
    settings.setdefault("JINJA_GLOBALS", {}).update(
        INLINE_CSS=Markup(style.css), STYLE_HASH=Markup(style.csp_source),
        SCRIPT_PATH=f"{settings['THEME_STATIC_DIR']}/{SCRIPT[0]}/{script}")


def publish_assets(pelican) -> None:
    """Write the hashed script; drop the plain copies nothing links to."""
    settings = pelican.settings
    if settings.get("MEGAPHONE_CHECK_ONLY"):
        return
    output = os.path.join(settings["OUTPUT_PATH"], settings["THEME_STATIC_DIR"])
    static = os.path.join(settings["THEME"], "static")
    target = os.path.join(settings["OUTPUT_PATH"], settings["JINJA_GLOBALS"]["SCRIPT_PATH"])
    os.makedirs(os.path.dirname(target), exist_ok=True)
    shutil.copyfile(os.path.join(static, *SCRIPT), target)
    write_robots(settings)
    for plain in (STYLESHEET, SCRIPT):
        path = os.path.join(output, *plain)
        if os.path.exists(path):
            os.remove(path)
        if os.path.isdir(os.path.dirname(path)) and not os.listdir(os.path.dirname(path)):
            os.rmdir(os.path.dirname(path))


def write_robots(settings) -> None:
    """robots.txt: keep drafts and flyers out of search results; point to the sitemap."""
    lines = ["User-agent: *", "Disallow: /drafts/", "Disallow: /*/flyer/"]
    if settings.get("SITEMAP"):
        lines.append(f"Sitemap: {public_base(settings)}/sitemap.xml")
    with open(os.path.join(settings["OUTPUT_PATH"], "robots.txt"), "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")


def write_sitemap(generator, writer) -> None:
    """Every published campaign and translation, and the home page."""
    settings = generator.settings
    if not settings.get("SITEMAP") or settings.get("MEGAPHONE_CHECK_ONLY"):
        return
    pages = list(generator.articles) + list(generator.translations)
    newest = max((a.date for a in pages), default=None)
    entries = [Entry(f"{public_base(settings)}/", newest.date().isoformat() if newest else "1970-01-01")]
    for article in sorted(pages, key=lambda a: a.url):
        versions = [article] + list(getattr(article, "translations", []))
        alternates = tuple(sorted((v.lang, v.page_url) for v in versions)) if len(versions) > 1 else ()
        lastmod = getattr(article, "modified", None) or article.date
        entries.append(Entry(article.page_url, lastmod.date().isoformat(), alternates))
    with open(os.path.join(generator.output_path, "sitemap.xml"), "w", encoding="utf-8") as out:
        out.write(sitemap_xml(entries))


def write_page_extras(generator, writer) -> None:
    """Each open campaign's calendar reminder and printable flyer, beside its page."""
    if generator.settings.get("MEGAPHONE_CHECK_ONLY"):
        return
    flyer = generator.get_template("flyer")
    for article in contents(generator, ARTICLE_GROUPS):
        campaign = getattr(article, "campaign", None)
        if campaign is None or not campaign.is_open:  # only open campaigns link to them
            continue
        folder = posixpath.dirname(article.save_as)
        ics = reminder_ics(
            uid=f"{article.slug}-{article.lang}-deadline@megaphone",
            title=article.title, deadline=campaign.deadline,
            deadline_words=campaign.deadline_words, url=article.page_url,
            stamp=article.date)
        path = os.path.join(generator.output_path, folder, "remind.ics")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as out:
            out.write(ics)
        writer.write_file(
            posixpath.join(folder, "flyer", "index.html"), flyer, generator.context,
            relative_urls=generator.settings["RELATIVE_URLS"], url=article.flyer_url,
            article=article, qr=qr_svg(article.page_url, f"QR code: {article.page_url}"))


class TranslatingWriter(Writer):
    """Renders each page with the gettext catalogue of the page's own language."""

    def write_file(self, name, template, context, *args, **kwargs):
        if self.settings.get("MEGAPHONE_CHECK_ONLY"):  # `make check` writes nothing
            return None
        content = kwargs.get("article") or kwargs.get("page")
        lang = getattr(content, "lang", None) or context.get("DEFAULT_LANG", "en")
        catalogue = translations(os.path.join(self.settings["THEME"], "translations"), lang)
        kwargs.update(page_lang=lang, gettext=catalogue.gettext, ngettext=catalogue.ngettext,
                      _=catalogue.gettext)
        return super().write_file(name, template, context, *args, **kwargs)


def use_translating_writer(pelican):
    return TranslatingWriter
