"""A campaign's `Slug`: the folder its page is published in, /<slug>/."""

from __future__ import annotations

import re
import unicodedata

from .messages import ContentError

# Letters (any script), digits, dashes and underscores; no dot, slash, ? # %.
_SLUG = re.compile(r"^[^\W_][\w-]*$")


class SlugError(ContentError):
    """A plain-words reason, with the fix."""


def check_slug(slug: str, reserved: set[str]) -> None:
    """`reserved`: folder and file names the site itself publishes (theme, feeds, ...)."""
    if not _SLUG.match(slug):
        suggestion = re.sub(r"[\W_]+", "-", slug).strip("-").lower() or "my-campaign"
        raise SlugError("slug-characters", slug=slug, suggestion=suggestion)
    if same_name(slug) in {same_name(name) for name in reserved}:
        raise SlugError("slug-reserved", slug=slug, suggestion=f"{slug}-campaign")


def same_name(path: str) -> str:
    """Two names that a case-insensitive or normalising file system (macOS,
    Windows) or a visitor typing an address would take for one."""
    return unicodedata.normalize("NFC", path).casefold()
