"""Where Pelican keeps what it read, and the addresses a site publishes at."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

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
    """The site's public address, without a trailing slash."""
    return str(settings.get("CANONICAL_SITEURL") or settings.get("SITEURL") or "").rstrip("/")


def shown_path(path: str) -> str:
    """The path as a volunteer typing commands in the project sees it."""
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative
