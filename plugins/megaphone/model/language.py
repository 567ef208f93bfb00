"""A page's `Lang`: a language code that dates, plurals and the theme all understand."""

from __future__ import annotations

import re

from babel import Locale, UnknownLocaleError

from .messages import ContentError

_CODE = re.compile(r"^[a-z]{2,3}(?:-[a-z]{2,4})?$")


class LanguageError(ContentError):
    """A plain-words reason, with the fix."""


def check_language(text: str) -> str:
    """The code as written, if it is one; `es`, `pt-br`. Codes are lower case,
    because they become part of the page's address (/es/<slug>/)."""
    code = text.strip()
    if code.lower() != code and _CODE.match(code.lower()) and _known(code.lower()):
        raise LanguageError("lang-case", text=code, lower=code.lower())
    if not _CODE.match(code) or not _known(code):
        raise LanguageError("lang-unknown", text=code)
    return code


def _known(code: str) -> bool:
    try:
        Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return False
    return True
