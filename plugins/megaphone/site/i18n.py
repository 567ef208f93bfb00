"""Theme strings and dates in the page's language.

Catalogues are gettext .po files under theme/translations/<lang>/LC_MESSAGES/,
read directly with Babel: there is no compiled .mo file to go stale. The
templates use Jinja's i18n extension (`{{ _("...") }}`); each page is rendered
with the catalogue of its own language."""

from __future__ import annotations

import io
import os
from datetime import datetime
from functools import cache
from gettext import GNUTranslations, NullTranslations

from babel import Locale
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from jinja2 import pass_context

from ..model.deadline import in_words, zone_city, zone_of
from .words import DEADLINE_PATTERN, DEADLINE_SENTENCE


def catalogue_path(directory: str, lang: str) -> str:
    return os.path.join(directory, lang, "LC_MESSAGES", "messages.po")


@cache
def _load(path: str, modified: float, lang: str) -> NullTranslations:
    with open(path, "rb") as source:
        catalog = read_po(source, locale=lang)
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)  # unreviewed (fuzzy) strings stay English
    compiled.seek(0)
    return GNUTranslations(compiled)


def translations(directory: str, lang: str) -> NullTranslations:
    """The catalogue for `lang`; none (the English in the templates) if absent."""
    path = catalogue_path(directory, lang)
    if not os.path.exists(path):
        return NullTranslations()
    return _load(path, os.path.getmtime(path), lang)


def locale_for(lang: str, locales: dict | None) -> str:
    """The Babel locale that writes dates for a page language (`LOCALES`)."""
    return (locales or {}).get(lang, lang)


def deadline_in_words(deadline: datetime, gettext, locale: str) -> str:
    """The one way a deadline is put into words, on pages and in the reminder:
    the date pattern (CLDR) and the sentence are themselves translated."""
    return in_words(deadline, locale, gettext(DEADLINE_PATTERN), gettext(DEADLINE_SENTENCE))


def _page_locale(context) -> str:
    lang = context.get("page_lang") or context.get("DEFAULT_LANG") or "en"
    return locale_for(lang, context.get("LOCALES"))


def language_name(lang: str) -> str:
    """A language's own name for itself: 'español' for es."""
    name = Locale.parse(lang).get_display_name(lang) or lang
    return name[:1].upper() + name[1:]


@pass_context
def deadline_words_filter(context, deadline: datetime) -> str:
    """`{{ campaign.deadline|deadline_words }}`, in the page's language."""
    gettext = context.get("gettext") or (lambda text: text)
    return deadline_in_words(deadline, gettext, _page_locale(context))


@pass_context
def city_filter(context, deadline: datetime) -> str:
    """The deadline's time zone as its city, in the page's language: 'Nueva York'."""
    return zone_city(zone_of(deadline), _page_locale(context))
