"""A page's `Lang`: a language code that dates, plurals and the theme all understand."""

from __future__ import annotations

import re
from functools import cache

from babel import Locale, UnknownLocaleError, localedata
from babel.core import get_global

from .messages import ContentError

_CODE = re.compile(r"^[a-z]{2,3}(?:-[a-z]{2,4})?$")
MOST_SUGGESTIONS = 3


class LanguageError(ContentError):
    """A plain-words reason, with the fix."""


def check_language(text: str) -> str:
    """The code as written, if it is one; `es`, `pt-br`. Codes are lower case,
    because they become part of the page's address (/es/<slug>/)."""
    code = text.strip()
    if code.lower() != code and is_language(code.lower()):
        raise LanguageError("lang-case", text=code, lower=code.lower())
    if not is_language(code):
        raise LanguageError("lang-unknown", text=code, hint=suggestion(code))
    base, _, region = code.partition("-")
    current = current_code(base)
    if current != base:
        new = f"{current}-{region}" if region else current
        raise LanguageError("lang-old-code", text=code, new=new, name=english_name(new))
    return code


# Codes that BCP 47 has replaced (Hebrew was `iw`): Babel still reads them, but a
# browser or a screen reader may not, and a page's lang must be one they know.
_WITHDRAWN = frozenset({"iw", "in", "ji", "jw", "mo"})


def current_code(code: str) -> str:
    """The code BCP 47 now gives a language written with an old one: `he` for `iw`, `ar`
    for `arb` (a three-letter code where a two-letter one exists). Else the code itself."""
    alias = get_global("language_aliases").get(code, code)
    withdrawn = code in _WITHDRAWN or (len(code) == 3 and len(alias) == 2)
    return alias if withdrawn and "_" not in alias else code


def is_language(code: str) -> bool:
    """A lower-case code Babel has data for: `pa`, `pt-br`."""
    return bool(_CODE.match(code)) and _known(code)


def babel_locale(code: str) -> str:
    """The code as Babel and pybabel write it: `pt-br` is `pt_BR`."""
    return str(Locale.parse(code.replace("-", "_")))


@cache  # every page asks, several times: a few languages per site
def text_direction(code: str) -> str:
    """'rtl' for a language CLDR writes right to left (Arabic, Hebrew, Persian, Urdu,
    Yiddish, Pashto...), else 'ltr' (an unknown code too)."""
    try:
        return "rtl" if Locale.parse(code.replace("-", "_")).text_direction == "rtl" else "ltr"
    except (UnknownLocaleError, ValueError, TypeError, AttributeError):
        return "ltr"


def _known(code: str) -> bool:
    try:
        Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return False
    return True


@cache
def _languages() -> dict[str, tuple[str, str]]:
    """Every language Babel knows, without a region: code -> (English name, own name)."""
    names = {}
    for code in localedata.locale_identifiers():
        if "_" in code or code == "root":
            continue
        locale = Locale.parse(code)
        if locale.english_name:  # a few have data but no name to offer
            names[code] = (locale.english_name, locale.get_display_name(code) or code)
    return names


def english_name(code: str) -> str:
    """Portuguese (Brazil) for `pt-br`."""
    return Locale.parse(babel_locale(code)).english_name or code


def _one_edit(a: str, b: str) -> bool:
    """One letter changed, added, dropped, or two neighbours swapped."""
    if len(a) == len(b):
        changed = [i for i in range(len(a)) if a[i] != b[i]]
        swapped = len(changed) == 2 and changed[1] == changed[0] + 1
        return len(changed) == 1 or (swapped and a[changed[0]] == b[changed[1]])
    short, long = sorted((a, b), key=len)
    return len(long) == len(short) + 1 and any(
        long[:i] + long[i + 1 :] == short for i in range(len(long))
    )


def _abbreviates(code: str, name: str) -> bool:
    """`pb` for Punjabi: the code's letters in order in the name, from its first."""
    name = name.lower()
    if not code or not name.startswith(code[0]):
        return False
    rest = iter(name[1:])
    return all(letter in rest for letter in code[1:])


def close_languages(text: str) -> list[str]:
    """The codes a slip most likely meant: the language's name written out, a code
    made from the name (`pb`, Punjabi), then codes one letter away."""
    typed = text.strip().lower().replace("_", "-")
    if is_language(typed):  # `pt_BR` for `pt-br`, `PA` for `pa`, `iw` for `he`
        base, _, region = typed.partition("-")
        current = "-".join(filter(None, (current_code(base), region)))
        return [current] if is_language(current) else []
    languages = _languages()
    base = typed.split("-")[0]
    if base != typed and base in languages:
        return [base]
    by_name = [c for c, names in languages.items() if typed in (n.lower() for n in names)]
    from_name = [c for c, (english, _) in languages.items() if _abbreviates(typed, english)]
    near = [c for c in languages if _one_edit(typed, c)]
    found = by_name or from_name or near
    return sorted(found, key=lambda code: len(code) != 2)[:MOST_SUGGESTIONS]


def suggestion(text: str) -> str:
    """' Did you mean 'pa' (Punjabi)?', or an example when nothing is close."""
    codes = close_languages(text)
    if not codes:
        return " Write a code such as 'es' (Spanish) or 'fr' (French), in lower case."
    named = [f"{code!r} ({english_name(code)})" for code in codes]
    listed = named[0] if len(named) == 1 else ", ".join(named[:-1]) + " or " + named[-1]
    return f" Did you mean {listed}?"
