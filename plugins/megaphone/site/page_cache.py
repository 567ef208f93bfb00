"""A campaign page that shows nothing new since the last build is written from the
bytes of that build, through Pelican's own writer.

Pelican's ArticlesGenerator renders each article with the template its `template`
attribute names, and has no public way to skip one. So a page the build cache holds
is given CACHED_TEMPLATE, which writes those bytes back as they were: Pelican still
writes the file, keeps its record of it and sends content_written, and no template
of the page is rendered. The key is the page's (hooks.key_pages) with where it goes.
A page written anew is remembered once the checks of what ships have read it."""

from __future__ import annotations

from markupsafe import Markup
from pelican.utils import sanitised_join

from . import run
from .contents import campaign_page_of, save_as_of
from .shipped import check_written_page
from .site_theme import uses_site_theme

CACHED_TEMPLATE = "megaphone/cached"  # theme/templates/megaphone/cached.html
CACHED = "megaphone_cached_page"  # on the article: a CachedPage, when it is to be reused
KEY = "megaphone_page_key"  # on the article: where its page goes in the cache


class PageKey(str):
    """A page's key in the build cache, as reuse_cached_pages put it on its article."""


class CachedPage:
    """The bytes of one page from the last build, and what the article was rendered with."""

    def __init__(self, name: str, data: bytes, template: str) -> None:
        self.name = name
        self.html = Markup(data.decode("utf-8"))
        self.template = template


def page_key(cache, article) -> str | None:
    found = cache.page_keys.get(article.source_path)
    save_as = save_as_of(article)
    if not found or not save_as:
        return None
    return cache.key(found, "page", save_as, article.template, article.url)


def reuse_cached_pages(articles, campaigns) -> None:
    """After the campaigns have their templates and keys (hooks.all_generators_finalized):
    each one's page from the cache if it has it, else a key to remember it under."""
    cache = run.of(articles.settings).cache
    if not reuses_pages(articles.settings) or not _has_cached_template(articles):
        return
    for article in campaigns:
        for name in (CACHED, KEY):
            if isinstance(getattr(article, name, None), CachedPage | PageKey):
                delattr(article, name)
        key = page_key(cache, article)
        if key is None:
            continue
        found = cache.get(key, article.source_path)
        if found is None:
            setattr(article, KEY, PageKey(key))
            continue
        setattr(article, CACHED, CachedPage(save_as_of(article), found, article.template))
        article.template = CACHED_TEMPLATE


def reuses_pages(settings) -> bool:
    """Only in Megaphone's own theme, whose pages show the campaign and what its key
    holds. A site's own theme may show anything of the site on every page (its
    categories, its latest posts): there each page is rendered again, as the site's
    other pages are; a site that added the plugin has few campaigns."""
    return run.of(settings).cache.on and not uses_site_theme(settings)


def _has_cached_template(articles) -> bool:
    """A theme made from Megaphone's may lack the template: then every page is rendered."""
    try:
        articles.get_template(CACHED_TEMPLATE)
    except Exception:  # Pelican's PelicanTemplateNotFound, or Jinja's own
        return False
    return True


def _ours(article, name: str, kind: type):
    """What this module put on the article, never a header field of the same name (Pelican
    makes every field of a file an attribute of its article: `Megaphone_page_key: x`)."""
    found = getattr(article, name, None)
    if not isinstance(found, kind) or campaign_page_of(article) is None:
        return None
    return found


def template_of(article) -> str:
    """The template the article's pages are rendered with, cached or not."""
    cached = _ours(article, CACHED, CachedPage)
    return cached.template if cached is not None else article.template


def from_cache(context) -> bool:
    """Is the page being written one the cache gave back (checked when first written)?"""
    cached = _ours(context.get("article"), CACHED, CachedPage)
    return cached is not None and cached.name == context.get("output_file")


def page_written(path: str, context) -> None:
    """Pelican's content_written: the checks of what ships, then a campaign page
    written anew is remembered for the next build."""
    check_written_page(path, context, from_cache(context))
    article = context.get("article")
    key = _ours(article, KEY, PageKey)
    if key is None or context.get("output_file") != save_as_of(article):
        return  # not a campaign page, or one of its other pages (a representative's)
    with open(sanitised_join(context["OUTPUT_PATH"], context["output_file"]), "rb") as page:
        run.of(context).cache.put(key, page.read(), article.source_path)
