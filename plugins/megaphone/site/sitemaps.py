"""One sitemap for the site: Megaphone's (MEGAPHONE_SITEMAP), or pelican-sitemap's.

pelican-sitemap lists every page Pelican writes (its content_written signal), by
the address of the article the page was written with. Megaphone writes more
than one page with a campaign's article: its flyer (`/<slug>/flyer/`, kept out of
search results by robots.txt) and one page per representative (`/<slug>/to/...`),
and those would each list the campaign's address again. They are written with an
`Unlisted` article, which pelican-sitemap leaves out (`private`), so that its
sitemap lists each campaign page and translation once, as Megaphone's own does.
The calendar file and the target lists are not pages: neither sitemap lists them.

When pelican-sitemap is on (in PLUGINS, or a `SITEMAP = {...}` of its own),
Megaphone writes no sitemap.xml: two plugins writing one file, the last one wins.
robots.txt points at the one sitemap that is written."""

from __future__ import annotations

import logging

from ..model.messages import say
from ..model.report import WARNINGS_LOGGER, Problem

PELICAN_SITEMAP = "pelican.plugins.sitemap"
OWN = "MEGAPHONE_SITEMAP"


def _plugin_name(plugin) -> str:
    return str(getattr(plugin, "__name__", plugin))


def pelican_sitemap_loaded(settings) -> bool:
    """Whether pelican-sitemap runs in this build: PLUGINS names it (`"sitemap"`, its
    module, or the module itself), or PLUGINS is unset and Pelican loads every
    installed plugin, pelican-sitemap among them."""
    plugins = settings.get("PLUGINS")
    if plugins is None:
        from pelican.plugins._utils import get_namespace_plugins

        return PELICAN_SITEMAP in get_namespace_plugins()
    return any(_plugin_name(p) in ("sitemap", PELICAN_SITEMAP) for p in plugins)


def pelican_sitemap_on(settings) -> bool:
    """pelican-sitemap's, or the site means it to be: its `SITEMAP = {...}` setting."""
    return pelican_sitemap_loaded(settings) or isinstance(settings.get("SITEMAP"), dict)


def writes_own_sitemap(settings) -> bool:
    return bool(settings.get(OWN)) and not pelican_sitemap_on(settings)


def sitemap_file(settings) -> str:
    """The sitemap robots.txt points at ('' for none): pelican-sitemap's file when it
    writes one (sitemap.xml, or sitemap.txt for `"format": "txt"`), else Megaphone's."""
    if pelican_sitemap_loaded(settings):
        config = settings.get("SITEMAP")
        fmt = config.get("format", "xml") if isinstance(config, dict) else "xml"
        return f"sitemap.{fmt}"
    return "sitemap.xml" if writes_own_sitemap(settings) else ""


def warn_two_sitemaps(settings, file: str) -> None:
    """MEGAPHONE_SITEMAP = True beside pelican-sitemap: a warning, not a problem. The
    site still gets one sitemap with every campaign in it (pelican-sitemap's), so
    nothing is lost; only the setting is idle."""
    if settings.get(OWN) and pelican_sitemap_on(settings):
        warning = Problem(file, OWN, say("sitemap-two-plugins"), code="sitemap-two-plugins")
        logging.getLogger(WARNINGS_LOGGER).warning(
            "%s", warning, extra={"campaign_problem": warning}
        )


class Unlisted:
    """A campaign's article as one of its other pages (the flyer, a representative's
    page) is written with: the same article, which pelican-sitemap does not list
    again (it leaves out `private` content)."""

    private = "True"

    def __init__(self, article) -> None:
        self._article = article

    def __getattr__(self, name: str):
        return getattr(self._article, name)
