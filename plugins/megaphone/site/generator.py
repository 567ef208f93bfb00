"""The files of a campaign beside its page, from a generator of the plugin's own.

Pelican writes each campaign's page as it writes any article. CampaignGenerator
(registered with get_generators, as pelican-plugins' search registers its own)
writes the rest, after Pelican's articles and pages: each representative's page
and its data, the calendar reminder and printable flyer of each open campaign,
the archive of closed campaigns and sitemap.xml. hooks.all_generators_finalized
hands it the campaigns once every page is read."""

from __future__ import annotations

import os
import posixpath

from markupsafe import Markup
from pelican.generators import Generator
from pelican.utils import sanitised_join

from ..model.qr import qr_svg
from ..model.reminder import reminder_ics
from ..model.sitemap import Entry, sitemap_xml
from ..model.targets import target_data
from . import run
from .contents import campaign_page_of, public_base, save_as_of
from .i18n import deadline_words_for, page_catalogue
from .output import write_bytes
from .page_cache import reuses_pages, template_of
from .settings import settings_file
from .site_theme import FLYER_TEMPLATE, uses_site_theme
from .sitemaps import Unlisted, warn_two_sitemaps, writes_own_sitemap
from .words import (
    REMINDER_ALARM,
    REMINDER_CALL_DESCRIPTION,
    REMINDER_DESCRIPTION,
    REMINDER_SUMMARY,
)


class CampaignGenerator(Generator):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.campaigns: list = []  # every version of every campaign: drafts, translations
        self.published: list = []  # those the site lists: published, and their translations

    def generate_context(self) -> None:
        """Nothing to read: the campaigns are Pelican's articles (hooks.py gives them)."""

    def generate_output(self, writer) -> None:
        for article in self.campaigns:
            self.write_target_pages(writer, article)
            page = article.campaign_page
            if page.campaign.is_open and save_as_of(article):  # only open ones link to them
                self.write_reminder_and_flyer(writer, article, page)
        self.write_closed_archive(writer)
        self.write_sitemap()

    def write_page(self, writer, name: str, template, owner: str, **kwargs) -> None:
        """A page through Pelican's writer, or its bytes from the last build when
        nothing it shows changed (the key of its campaign's pages: hooks.key_pages)."""
        path = sanitised_join(self.output_path, name)
        cache = run.of(self.settings).cache
        found_key = cache.page_keys.get(owner) if reuses_pages(self.settings) else None
        key = found_key and cache.key(found_key, name, template.name, kwargs.get("url"))
        found = cache.get(key, owner) if key else None
        if found is not None:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            write_bytes(self.settings, name, path, found)
            return
        relative = self.settings["RELATIVE_URLS"]
        writer.write_file(name, template, self.context, relative_urls=relative, **kwargs)
        if key:
            with open(path, "rb") as written:
                cache.put(key, written.read(), owner)

    def write_target_pages(self, writer, article) -> None:
        """`/<slug>/to/<area>/`: one complete send page per representative."""
        page = article.campaign_page
        if not page.target_pages or not article.save_as:  # not written: nor are these
            return
        template = self.get_template(template_of(article))
        folder = posixpath.dirname(article.save_as)
        files = target_data(
            page.campaign.targets,
            {(p.list_name, p.target.area): p.path for p in page.target_pages},
        )
        for name, data in sorted(files.items()):
            path = os.path.join(self.output_path, folder, "targets", *name.split("/"))
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as out:
                out.write(data)
        for target_page in page.target_pages:
            below = target_page.path[len(page.path) :]
            self.write_page(
                writer,
                posixpath.join(folder, below, "index.html"),
                template,
                article.source_path,
                url=target_page.path,
                article=TargetArticle(
                    article, target_page.page, counterparts(article, target_page)
                ),
            )

    def write_reminder_and_flyer(self, writer, article, page) -> None:
        folder = posixpath.dirname(save_as_of(article))
        path = os.path.join(self.output_path, folder, "remind.ics")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        cache = run.of(self.settings).cache
        page_key = cache.page_keys.get(article.source_path)
        calendar = (
            cache.remember(
                cache.key(page_key, "remind.ics"),
                lambda: reminder(article, self.settings),
                article.source_path,
            )
            if page_key
            else reminder(article, self.settings)
        )
        write_bytes(self.settings, posixpath.join(folder, "remind.ics"), path, calendar)
        qr = cache.remember(
            cache.key("qr", page.url),
            lambda: qr_svg(page.url, f"QR code: {page.url}").encode(),
            article.source_path,
        )
        flyer = FLYER_TEMPLATE if uses_site_theme(self.settings) else "flyer"
        self.write_page(
            writer,
            posixpath.join(folder, "flyer", "index.html"),
            self.get_template(flyer),
            article.source_path,
            url=page.flyer_path,
            article=Unlisted(article),  # kept out of search results: not in a sitemap
            qr=Markup(qr.decode()),
        )

    def write_closed_archive(self, writer) -> None:
        """The archive of closed campaigns, most recent first, on pages of
        PAGINATED_TEMPLATES["closed"] each (50 unless the site says), with Pelican's own
        paginator: /closed/, then /closed/2/... (PAGINATION_PATTERNS)."""
        settings = self.settings
        save_as = settings.get("MEGAPHONE_CLOSED_SAVE_AS")
        if not save_as or uses_site_theme(settings):
            return  # in a site's own theme, its own archives list the closed campaigns
        closed = list(self.context.get("campaigns_closed", []))
        if not closed:
            return
        writer.write_file(
            save_as,
            self.get_template("closed"),
            self.context,
            relative_urls=settings["RELATIVE_URLS"],
            paginated={"articles": closed},
            template_name="closed",
            url=settings.get("MEGAPHONE_CLOSED_URL", ""),
        )

    def write_sitemap(self) -> None:
        """Every published campaign and translation, and the home page. None beside
        pelican-sitemap, which lists them itself (site/sitemaps.py)."""
        settings = self.settings
        warn_two_sitemaps(settings, settings_file(settings))
        if not writes_own_sitemap(settings):
            return
        pages = self.published  # the site's other pages are in its own sitemap, if any
        newest = max((a.date for a in pages), default=None)
        entries = [
            Entry(
                f"{public_base(settings)}/", newest.date().isoformat() if newest else "1970-01-01"
            )
        ]
        for article in sorted(pages, key=lambda a: a.url):
            versions = [article] + [
                v for v in getattr(article, "translations", []) if campaign_page_of(v) is not None
            ]
            alternates = (
                tuple(sorted((v.lang, v.campaign_page.url) for v in versions))
                if len(versions) > 1
                else ()
            )
            lastmod = getattr(article, "modified", None) or article.date
            entries.append(Entry(article.campaign_page.url, lastmod.date().isoformat(), alternates))
        with open(os.path.join(self.output_path, "sitemap.xml"), "w", encoding="utf-8") as out:
            out.write(sitemap_xml(entries))


def campaign_generator(pelican):
    return CampaignGenerator


class TargetArticle(Unlisted):
    """A campaign's article as one representative's page shows it: the same
    page, with that target's CampaignPage, and as its translations the same
    representative's page in each of the campaign's other languages; not in a
    sitemap."""

    def __init__(self, article, page, translations: list | None = None) -> None:
        super().__init__(article)
        self.campaign_page = page
        self.translations: list = translations or []


class TargetCounterpart:
    """The same representative's page in another language: what the language links
    and the hreflang links read of a translation (its language, address and page)."""

    def __init__(self, lang: str, page) -> None:
        self.lang = lang
        self.url = page.path
        self.campaign_page = page


def counterparts(article, target_page) -> list:
    """For each translation written, its page for this list and area, by language code."""
    found = []
    for translation in getattr(article, "translations", None) or []:
        other = campaign_page_of(translation)
        if other is None or not save_as_of(translation):
            continue
        for page in other.target_pages:
            same = page.list_name == target_page.list_name
            if same and page.target.area == target_page.target.area:
                found.append(TargetCounterpart(str(translation.lang), page.page))
    return sorted(found, key=lambda c: c.lang)


def reminder(article, settings) -> bytes:
    """The calendar file of one campaign, in the words of its page's language."""
    page = article.campaign_page
    gettext = page_catalogue({**settings, "article": article}).gettext
    locales = settings.get("MEGAPHONE_LOCALES")
    when = deadline_words_for(page.campaign.deadline, str(article.lang), gettext, locales)
    return reminder_ics(
        uid=f"{article.slug}-{article.lang}-deadline@megaphone",
        deadline=page.campaign.deadline,
        summary=gettext(REMINDER_SUMMARY).format(title=article.title),
        description=gettext(
            REMINDER_DESCRIPTION if page.campaign.has_email else REMINDER_CALL_DESCRIPTION
        ).format(when=when, url=page.url),
        alarm_text=gettext(REMINDER_ALARM).format(title=article.title),
        url=page.url,
        stamp=article.date,
    )
