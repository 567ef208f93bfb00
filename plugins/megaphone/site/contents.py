"""Where Pelican keeps what it read, and the addresses a site publishes at."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

from ..model.page import CampaignPage

ARTICLE_GROUPS = (
    "articles",
    "translations",
    "hidden_articles",
    "hidden_translations",
    "drafts",
    "drafts_translations",
)
PAGE_GROUPS = (
    "pages",
    "translations",
    "hidden_pages",
    "hidden_translations",
    "draft_pages",
    "draft_translations",
)


def contents(generator: Any, groups: tuple[str, ...]) -> Iterator[Any]:
    """Every article (or page) of a generator, drafts and translations included."""
    for group in groups:
        yield from getattr(generator, group, [])


def public_base(settings: dict) -> str:
    """The site's public address, without a trailing slash (MEGAPHONE_SITEURL, whose
    default is SITEURL when that is a whole address: site/settings.py)."""
    return str(settings.get("MEGAPHONE_SITEURL") or "").rstrip("/")


def shown_path(path: str) -> str:
    """The path as a volunteer typing commands in the project sees it."""
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


def _place(item: Any) -> tuple[Any, str, str]:
    """Pelican works an item's url and save_as out again on every call (slowly: paths
    made absolute and relative each time); after reading they no longer change. Kept
    for the build the item belongs to (site/run.py), never beyond it."""
    from .run import of  # run.py imports what imports this module

    places = of(getattr(item, "settings", None)).places
    found = places.get(id(item))
    if found is None or found[0] is not item:
        found = (item, item.url, item.save_as)
        places[id(item)] = found
    return found


def url_of(item: Any) -> str:
    return _place(item)[1]


def save_as_of(item: Any) -> str:
    """'' when the item is not written (a draft, when publishing)."""
    return _place(item)[2]


def campaign_page_of(item: Any) -> CampaignPage | None:
    """The campaign page the plugin gave a campaign's article (hooks.attach_pages), never
    a header field of that name: Pelican makes each field of any file an attribute."""
    found = getattr(item, "campaign_page", None)
    return found if isinstance(found, CampaignPage) else None
