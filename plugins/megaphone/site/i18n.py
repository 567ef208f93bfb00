"""Theme strings and dates in the page's language.

Catalogues are gettext .po files under theme/translations/<lang>/LC_MESSAGES/,
read directly with Babel: there is no compiled .mo file to go stale. The
templates use Jinja's i18n extension (`{{ _("...") }}`). Pelican renders every
page with one Jinja environment, so the gettext callables it is given
(PAGE_WORDS, in JINJA_GLOBALS) take the page's language from the page being
rendered: each page has the catalogue of its own language."""

from __future__ import annotations

import io
import os
import posixpath
import re
import sys
from collections import Counter
from collections.abc import Callable
from datetime import datetime
from functools import cache
from gettext import GNUTranslations, NullTranslations
from types import FrameType
from typing import Any

import jinja2
from babel import Locale
from babel.dates import format_datetime, tokenize_pattern, untokenize_pattern
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from jinja2 import pass_context
from markupsafe import Markup, escape

from .. import theme_path
from ..model.deadline import cldr_in_words, in_words, zone_city, zone_of
from ..model.language import babel_locale, is_language
from ..model.messages import say
from ..model.report import Problem
from . import run
from .contents import campaign_page_of, save_as_of, shown_path
from .scope import megaphone_theme
from .site_theme import PREFIX, TEMPLATES, uses_site_theme
from .words import DEADLINE_PATTERN, DEADLINE_SENTENCE


def catalogue_path(directory: str, lang: str) -> str:
    """Where pybabel keeps a language's catalogue: in a folder named as Babel
    names the locale (`pt_BR` for the pages of `Lang: pt-br`), so that
    `make translations` (pybabel update) can read every folder."""
    folder = _catalogue_locale(lang) or lang
    return os.path.join(directory, folder, "LC_MESSAGES", "messages.po")


def _catalogue_locale(lang: str) -> str | None:
    """Babel's name for a page language (`pt_BR` for `pt-br`), which read_po needs."""
    return babel_locale(lang) if is_language(lang) else None


class Untranslated(str):
    """A theme string the page's catalogue lacks: it is shown in English. On a page in
    another language `_()` keeps it so (plain text, safe in an attribute), so that
    `lang_of()` can mark the element that shows it, or the script's words, as English."""


class _Missing(NullTranslations):
    """What a catalogue lacks: the English, as Untranslated. So a catalogue's own entry
    that reads as the English does (a loanword, "Email") stays a translation."""

    def gettext(self, message: str) -> str:
        return Untranslated(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return Untranslated(msgid1 if n == 1 else msgid2)


MISSING = _Missing()


@cache
def _load(path: str, modified: float, lang: str) -> NullTranslations:
    with open(path, "rb") as source:
        catalog = read_po(source, locale=_catalogue_locale(lang))
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)  # unreviewed (fuzzy) strings stay English
    compiled.seek(0)
    found = GNUTranslations(compiled)
    found.add_fallback(MISSING)
    return found


def translations(directory: str, lang: str) -> NullTranslations:
    """The catalogue for `lang`; none (the English in the templates) if absent. What it
    lacks is given as Untranslated."""
    path = catalogue_path(directory, lang)
    if not os.path.exists(path):
        return MISSING
    return _load(path, os.path.getmtime(path), lang)


def locale_for(lang: str, locales: dict | None) -> str:
    """The Babel locale that writes dates for a page language (`MEGAPHONE_LOCALES`): a language
    with no entry there is its own locale ("fr" writes French dates)."""
    return (locales or {}).get(lang) or _catalogue_locale(lang) or lang


# The language the theme's words are written in, before any translation.
SOURCE_LANG = "en"


def words_locale(lang: str, locales: dict | None, gettext) -> str:
    """The locale of a page's dates, times and plurals: the language its words are in.
    A page whose catalogue does not translate the deadline (no catalogue yet, or an
    unfinished one) has the theme's English words, so its dates are English too,
    never "Closes mardi 15 décembre 2026 at 5:00 PM"; `make check` says what to
    translate (theme-translation-incomplete). English of any region has the theme's
    own words, and so the site's English locale."""
    if not in_another_language(lang) or untranslated(lang, gettext):
        return locale_for(SOURCE_LANG, locales)
    return locale_for(lang, locales)


def in_another_language(lang: str) -> bool:
    """A page whose theme words need a translation: not English (en-us neither), and a
    language CLDR has words for (a code that is none says so elsewhere, lang-unknown)."""
    return lang.split("-")[0] != SOURCE_LANG and is_language(lang)


def untranslated(lang: str, gettext) -> bool:
    """The theme's words are not in this page's language: its catalogue (none yet, or
    unfinished) lacks the deadline's pattern or sentence, the first words a translator
    does (a date half in English would be neither language)."""
    if not in_another_language(lang):
        return False
    words = (DEADLINE_PATTERN, DEADLINE_SENTENCE)
    return any(isinstance(gettext(text), Untranslated) for text in words)


def catalogue_completeness(directory: str, lang: str) -> tuple[int, int]:
    """(translated, total) strings of the theme for `lang`; fuzzy ones do not count."""
    with open(os.path.join(directory, "messages.pot"), "rb") as source:
        wanted = {m.id for m in read_po(source) if m.id}
    path = catalogue_path(directory, lang)
    if not os.path.exists(path):
        return 0, len(wanted)
    with open(path, "rb") as source:
        catalog = read_po(source, locale=_catalogue_locale(lang))

    def done(message) -> bool:
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        return not message.fuzzy and all(strings)

    translated = {m.id for m in catalog if m.id and done(m)}
    return len(wanted & translated), len(wanted)


def deadline_in_words(deadline: datetime, gettext, locale: str) -> str:
    """The one way a deadline is put into words, on pages and in the reminder:
    the date pattern (CLDR) and the sentence are themselves translated."""
    return in_words(deadline, locale, gettext(DEADLINE_PATTERN), gettext(DEADLINE_SENTENCE))


# Markup in a catalogue string: a tag, or the start of one that the page's next `>`
# would close (`<a href=x`, `<!--`); an entity, or a bare `&`.
_MARKUP = re.compile(r"<[^>]*>?|&[#\w]*;?")


def _texts(value) -> list[str]:
    """A message's id or string: one text, or a tuple of them (plural forms)."""
    return [str(v) for v in (value if isinstance(value, tuple | list) else (value,)) if v]


def catalogue_problems(theme: str, used: dict[str, list[str]]) -> list[Problem]:
    """A translation may change words, never markup: the theme writes its page text
    into pages as the catalogue has it (a {% trans %} block), so a translation that adds
    a tag, the start of one, an entity or an `&` its English does not have (or has
    fewer times) could put a link, or a comment that hides the rest, on every page of
    its language. Each such string stops the build."""
    directory = os.path.join(theme, "translations")
    problems = []
    for lang in sorted(used):
        path = catalogue_path(directory, lang)
        if not os.path.exists(path):
            continue
        with open(path, "rb") as source:
            catalog = read_po(source, locale=_catalogue_locale(lang))
        for message in catalog:
            if not message.id:
                continue
            allowed = Counter(m for text in _texts(message.id) for m in _MARKUP.findall(text))
            found = Counter(m for text in _texts(message.string) for m in _MARKUP.findall(text))
            added = sorted(found - allowed)
            if added:
                problems.append(
                    Problem(
                        shown_path(path),
                        "msgstr",
                        say("catalogue-markup", markup=" ".join(added)[:80]),
                        message.lineno,
                        "catalogue-markup",
                    )
                )
    return problems


def catalogue_warnings(theme: str, used: dict[str, list[str]]) -> list[tuple[str, str]]:
    """For each language pages use (lang -> their files): is the theme translated?"""
    directory = os.path.join(theme, "translations")
    warnings = []
    for lang in sorted(used):
        if not in_another_language(lang) or not os.path.exists(
            os.path.join(directory, "messages.pot")
        ):
            continue
        translated, total = catalogue_completeness(directory, lang)
        if translated >= total:
            continue
        pages = ", ".join(sorted(used[lang])[:3]) + (" and more" if len(used[lang]) > 3 else "")
        path = catalogue_path(directory, lang)
        if os.path.exists(path):
            text = say(
                "theme-translation-incomplete",
                lang=lang,
                translated=translated,
                total=total,
                pages=pages,
            )
        else:
            text = say("theme-not-translated", lang=lang, total=total, pages=pages)
        warnings.append((shown_path(path), text))
    return warnings


def _page(context) -> Any:
    """The article or page whose file is being written, or None (an index, an archive).
    Not merely an `article` in the context: a template that lists articles and includes
    a partial for each (the home page) has each of them as `article` in turn."""
    found = context.get("article") or context.get("page")
    written = context.get("output_file")
    if found is None or written is None:  # not written by Pelican's writer: as given
        return found
    try:  # hasattr would work Pelican's save_as out again, each word of each page
        save_as = save_as_of(found)
    except AttributeError:
        save_as = ""
    if written == save_as:
        return found
    # A campaign's other pages (flyer, representatives' pages) are in its folder.
    folder = posixpath.dirname(save_as)
    inside = campaign_page_of(found) is not None and folder
    return found if inside and str(written).startswith(folder + "/") else None


def page_lang_of(context) -> str:
    """The language of the page being rendered: its article's or page's, else the
    site's (an index, a tag's list)."""
    return _lang_of(_page(context), context)


def _lang_of(page, context) -> str:
    return str(getattr(page, "lang", None) or context.get("DEFAULT_LANG") or "en")


def page_catalogue(context) -> NullTranslations:
    """The words of the page being rendered: the theme's catalogue for its language,
    or, for a campaign's pages in a site's own theme, Megaphone's (the site theme's
    have none of its words)."""
    return _page_words(context)[0]


def _page_words(context) -> tuple[NullTranslations, str, bool]:
    """(the page's catalogue, its language, whether it is a campaign page in a site's
    theme): asked for every word of every page, so the page is found once a word."""
    page = _page(context)
    in_site_theme = campaign_page_of(page) is not None and uses_site_theme(context)
    theme = theme_path() if in_site_theme else context["THEME"]
    lang = _lang_of(page, context)
    # Looked up once a build (a rebuild reads it again).
    found = run.of(context).catalogues
    key = (theme, lang)
    if key not in found:
        found[key] = translations(os.path.join(theme, "translations"), lang)
    return found[key], lang, in_site_theme


def _marks_english(context, lang: str, in_site_theme: bool) -> bool:
    """The theme's untranslated words on this page are to be marked English: a page in
    a language other than English whose words are Megaphone's (its theme, or a campaign
    page in a site's theme). A site theme's own pages are left as the theme writes them."""
    if not in_another_language(lang):
        return False
    found = run.of(context).marks_english
    theme = context.get("THEME", "")
    if theme not in found:
        found[theme] = megaphone_theme(context)
    if found[theme]:
        return True
    return in_site_theme and _called_from_megaphones_templates(context)


_JINJA = os.path.dirname(os.path.abspath(jinja2.__file__)) + os.sep
_THIS_FILE = os.path.abspath(__file__)


def _called_from_megaphones_templates(context) -> bool:
    """A campaign page in a site's theme holds the site's own templates too (its base,
    its campaign.html): only a trans block of Megaphone's (the build's copies, in the
    folder site_theme.py writes) is marked; the site's are left as it writes them, a
    trans block in an attribute included. Told by the code that calls: Jinja compiles
    each template with its file's name, and the call passes through Jinja's runtime."""
    folder = context.get(TEMPLATES)
    if not folder:
        return False
    ours = os.path.join(os.path.normpath(folder), PREFIX) + os.sep
    frame: FrameType | None = sys._getframe(1)
    while frame is not None:
        name = frame.f_code.co_filename
        if not (name.startswith(_JINJA) or os.path.abspath(name) == _THIS_FILE):
            return os.path.normpath(name).startswith(ours)
        frame = frame.f_back
    return False


# A trans block's text between its tags and its values (`%(when)s`).
_TAG_OR_VALUE = re.compile(r"(<[^>]*>|%\([A-Za-z_]\w*\)s)")
_LETTER = re.compile(r"[^\W\d_]")


def _in_english(text: str) -> Markup:
    """A trans block's English (its markup as the catalogue's is), each run of words in
    <span lang="en">, between its tags and around its values: a value (a date, a name)
    is in the page's own language, and a tag and its attributes stay whole."""
    parts = _TAG_OR_VALUE.split(text)
    return Markup(
        "".join(
            f'<span lang="en">{part}</span>' if i % 2 == 0 and _LETTER.search(part) else part
            for i, part in enumerate(parts)
        )
    )


def _words(shown: Callable[[str], str]):
    """gettext and ngettext for one kind of place: `shown` is what a string the page's
    catalogue lacks becomes there."""

    def as_shown(context, found: str, lang: str, in_site_theme: bool) -> str:
        english = isinstance(found, Untranslated)
        return (
            shown(found) if english and _marks_english(context, lang, in_site_theme) else str(found)
        )

    @pass_context
    def gettext(context, message: str) -> str:
        catalogue, lang, in_site_theme = _page_words(context)
        return as_shown(context, catalogue.gettext(message), lang, in_site_theme)

    @pass_context
    def ngettext(context, singular: str, plural: str, number: int) -> str:
        catalogue, lang, in_site_theme = _page_words(context)
        found = catalogue.ngettext(singular, plural, number)
        return as_shown(context, found, lang, in_site_theme)

    return gettext, ngettext


# `_()` and `_n()`, for attributes and the script's words: plain text, never markup, so
# safe anywhere; an untranslated string is Untranslated, for lang_of() and page_text().
_plain, _plain_plural = _words(Untranslated)
# What `{% trans %}` calls: page text, each untranslated run of words in <span lang="en">,
# so that a screen reader reads it with an English voice.
_gettext, _ngettext = _words(_in_english)


@pass_context
def _page_lang(context) -> str:
    """`{{ page_lang() }}`: the language of the page being rendered."""
    return page_lang_of(context)


@pass_context
def lang_of(context, *texts: str) -> Markup:
    """`<p{{ lang_of(done, failed) }}>`: ' lang="en"' when any of these `_()` strings
    is shown in English on a page in another language: for an element whose words the
    script writes from them, or whose accessible name is one (an attribute cannot
    say its own language)."""
    english = any(isinstance(text, Untranslated) for text in texts)
    return Markup(' lang="en"') if english else Markup("")


def page_text(text: str) -> Markup:
    """`{{ page_text(label) }}`: a `_()` string (or a trans block's, set aside) shown as
    page text: in <span lang="en"> when it is shown in English on a page in another
    language. Escaped as any value is."""
    if isinstance(text, Untranslated):
        return Markup('<span lang="en">%s</span>') % text
    return escape(text)


# Installed in JINJA_GLOBALS (hooks.py). `{% trans %}` calls gettext and ngettext: those
# mark English words in page text. `_()` and `_n()` are for attributes: plain text
# (docs/translating.md).
PAGE_WORDS = {
    "gettext": _gettext,
    "ngettext": _ngettext,
    "_": _plain,
    "_n": _plain_plural,
    "page_lang": _page_lang,
    "lang_of": lang_of,
    "page_text": page_text,
}


def _plain_gettext(context):
    return page_catalogue(context).gettext if "THEME" in context else MISSING.gettext


def _page_locale(context, lang: str | None = None) -> str:
    lang = lang or page_lang_of(context)
    return words_locale(lang, context.get("MEGAPHONE_LOCALES"), _plain_gettext(context))


def language_name(lang: str) -> str:
    """A language's own name for itself: 'español' for es."""
    locale = _catalogue_locale(lang) or lang
    name = Locale.parse(locale).get_display_name(locale) or lang
    return name[:1].upper() + name[1:]


def deadline_words_for(deadline: datetime, lang: str, gettext, locales: dict | None) -> str:
    """The deadline in words for a page (or the calendar file) in `lang`: with the
    theme's words where its catalogue has them, else in CLDR's own for the language
    (a catalogue that lacks the deadline's words: none yet, or unfinished)."""
    if untranslated(lang, gettext):
        return cldr_in_words(deadline, babel_locale(lang))
    return deadline_in_words(deadline, gettext, words_locale(lang, locales, gettext))


@pass_context
def deadline_words_filter(context, deadline: datetime) -> str:
    """`{{ campaign.deadline|deadline_words }}`, in the page's language."""
    lang, gettext = page_lang_of(context), _plain_gettext(context)
    return deadline_words_for(deadline, lang, gettext, context.get("MEGAPHONE_LOCALES"))


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
    return _plain_gettext(context)(DEADLINE_PATTERN)


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
    tag = str(Locale.parse(_page_locale(context, lang))).replace("_", "-")
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
    return plural_samples(_page_locale(context, lang))


@pass_context
def number_filter(context, number: int) -> str:
    """`{{ campaign.limit|number }}`: 5,000 in English, 5000 in Spanish, as CLDR writes
    it in the page's language (the script writes its counts with Intl.NumberFormat)."""
    return format_decimal(number, locale=_page_locale(context))


# Registered with the other filters (hooks.py): what the templates hand the script
# so that it writes times and plurals as the page does.
SCRIPT_LOCALE_FILTERS = {
    "clock": clock_filter,
    "intl_locale": intl_locale_filter,
    "plural_samples": plural_samples_filter,
    "number": number_filter,
}
