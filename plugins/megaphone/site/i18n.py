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
from babel.dates import format_datetime, tokenize_pattern, untokenize_pattern
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


# The hour fields of a CLDR pattern, as ECMA-402 hour cycles (Intl's `hc`).
_HOUR_CYCLES = {"h": "h12", "H": "h23", "K": "h11", "k": "h24"}
_TIME_FIELDS = set(_HOUR_CYCLES) | set("mabB")


def _time_part(pattern: str) -> list:
    """The tokens of a date pattern from its first time field to its last:
    "h:mm a" out of "EEEE d MMMM y 'at' h:mm a"."""
    tokens = tokenize_pattern(pattern)
    times = [
        i for i, (kind, value) in enumerate(tokens) if kind == "field" and value[0] in _TIME_FIELDS
    ]
    return tokens[times[0] : times[-1] + 1] if times else []


def _deadline_pattern(context) -> str:
    gettext = context.get("gettext") or (lambda text: text)
    return gettext(DEADLINE_PATTERN)


@pass_context
def clock_filter(context, deadline: datetime) -> str:
    """`{{ campaign.deadline|clock }}`: the deadline's time of day written as
    the deadline in words writes it ("11:59 pm", "23:59"): the same pattern."""
    pattern = untokenize_pattern(_time_part(_deadline_pattern(context)))
    return format_datetime(deadline, pattern or "short", locale=_page_locale(context))


@pass_context
def intl_locale_filter(context, lang: str) -> str:
    """`{{ page_lang|intl_locale }}`: the page's Babel locale as a BCP 47 tag for
    the browser's Intl, with the hour cycle of the deadline pattern: en_GB with
    "h:mm a" gives "en-GB-u-hc-h12", so the browser also writes "11:59 pm"."""
    tag = str(Locale.parse(locale_for(lang, context.get("LOCALES")))).replace("_", "-")
    hours = [
        value[0]
        for kind, value in _time_part(_deadline_pattern(context))
        if kind == "field" and value[0] in _HOUR_CYCLES
    ]
    return f"{tag}-u-hc-{_HOUR_CYCLES[hours[0]]}" if hours else tag


# Whole numbers tried, in order, for a sample of each plural category: enough
# for every CLDR rule on whole numbers (Spanish "many" first holds at 1000000).
_PLURAL_CANDIDATES = tuple(range(0, 1001)) + tuple(10**k for k in range(4, 8))
_CLDR_ORDER = ("zero", "one", "two", "few", "many", "other")


@cache
def plural_samples(locale: str) -> tuple[tuple[str, int], ...]:
    """Each CLDR plural category a language uses for whole numbers, with the
    first number in it: (("one", 1), ("many", 1000000), ("other", 0)) for es."""
    rule = Locale.parse(locale).plural_form
    samples: dict[str, int] = {}
    for number in _PLURAL_CANDIDATES:
        samples.setdefault(rule(number), number)
    # "other" is the script's fallback, so it is always there, even where only
    # fractions are "other" (Russian): then it reads like a large number's form.
    samples.setdefault("other", _PLURAL_CANDIDATES[-1])
    return tuple((name, samples[name]) for name in _CLDR_ORDER if name in samples)


@pass_context
def plural_samples_filter(context, lang: str) -> tuple[tuple[str, int], ...]:
    """`{% for category, number in page_lang|plural_samples %}`, for the script's
    Intl.PluralRules: each form is rendered with ngettext and a sample number."""
    return plural_samples(locale_for(lang, context.get("LOCALES")))


# Registered with the other filters (hooks.py): what the templates hand the script
# so that it writes times and plurals as the page does.
SCRIPT_LOCALE_FILTERS = {
    "clock": clock_filter,
    "intl_locale": intl_locale_filter,
    "plural_samples": plural_samples_filter,
}
