"""Every setting Megaphone and its theme read: its default, owned here, and its check.

As pelican-plugins' image-process does, the plugin fills in its own defaults when
Pelican starts (`initialized`), with `dict.setdefault`'s meaning: a value the site
sets wins. So a plain Pelican site (Pelican's defaults, `PLUGINS = ["megaphone"]`
and this theme) builds its campaigns, and every value is checked once, against the
settings file, with what to write instead (messages.py, docs/errors.md).

Megaphone's own settings are named MEGAPHONE_…; the names this project used before
(CAMPAIGN_TIMEZONE, MAILTO_BUDGET, CANONICAL_SITEURL...) still work: the old name is
read when the new one is not set, and both set to different values is a problem.
Megaphone never reads pelican-sitemap's `SITEMAP = {...}` as its own switch."""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from babel import Locale, UnknownLocaleError
from pelican.settings import DEFAULT_CONFIG

from ..model.deadline import DeadlineError, parse_timezone, parse_today
from ..model.messages import say
from ..model.report import WARNINGS_LOGGER, CampaignProblems, Problem
from .contents import ARTICLE_GROUPS, campaign_page_of, contents, save_as_of
from .rebuild import settings_file_from_command_line
from .scope import DEFAULT_CAMPAIGN_PATHS, megaphone_theme, strict
from .site_checks import SETTINGS_FILE, _example, is_absolute_address

Settings = Mapping[str, Any]
Check = Callable[[str, Any, Settings], "Problem | None"]

I18N = "jinja2.ext.i18n"
CODEHILITE = "codehilite"
# Set by the commands (commands/pelican_run.py): the settings file they read.
SETTINGS_FILE_SETTING = "MEGAPHONE_SETTINGS_FILE"
ENVIRONMENT_TODAY = "CAMPAIGN_TODAY"  # make html's variable, read by pelicanconf.py


def problem(field: str, code: str, **values: Any) -> Problem:
    """A setting's problem: the settings file, the setting as the site names it."""
    return Problem(SETTINGS_FILE, field, say(code, **values), code=code)


@dataclass(frozen=True)
class Setting:
    name: str
    default: Callable[[Settings], Any]  # from the settings already filled in, above it
    check: Check
    alias: str = ""  # the name this setting had before, read when `name` is not set
    # Whether a value under the alias is this setting's (SITEMAP: not pelican-sitemap's dict).
    alias_applies: Callable[[Any], bool] = lambda value: True
    derived_from: str = ""  # the setting its default comes from, named when that is wrong
    blank_is_default: bool = False  # "" or None written: the default (as `x or default` read it)


# --- The checks: each returns the problem, or None ------------------------------


def _siteurl(name: str, value: Any, settings: Settings) -> Problem | None:
    """Pelican's SITEURL: "" (a preview's links from the site's root) or a whole address."""
    text = str(value or "").strip()
    if not isinstance(value, str) or (text and not is_absolute_address(text)):
        return problem(
            name,
            "siteurl-not-absolute",
            text=text,
            command="make publish",
            example=_example(text),
        )
    return None


def _canonical(name: str, value: Any, settings: Settings) -> Problem | None:
    text = value.strip() if isinstance(value, str) else ""
    if not isinstance(value, str) or (text and not is_absolute_address(text)):
        shown = str(value)
        return problem(name, "setting-siteurl", name=name, text=value, example=_example(shown))
    return None


def _timezone(name: str, value: Any, settings: Settings) -> Problem | None:
    try:
        parse_timezone(value if isinstance(value, str) else "")
    except DeadlineError:
        return problem(name, "site-timezone-unknown", text=value)
    return None


def _today(name: str, value: Any, settings: Settings) -> Problem | None:
    text = value.strip() if isinstance(value, str) else str(value or "")
    if not text:
        return None
    try:
        parse_today(text)
    except DeadlineError as error:
        # `CAMPAIGN_TODAY=... make html`: pelicanconf.py passes it on from the environment.
        if os.environ.get(ENVIRONMENT_TODAY, "").strip() == text:
            return Problem("(environment)", ENVIRONMENT_TODAY, str(error), code=error.code)
        return Problem(SETTINGS_FILE, name, str(error), code=error.code)
    return None


def _extra_fields(name: str, value: Any, settings: Settings) -> Problem | None:
    good = isinstance(value, list | tuple) and all(
        isinstance(key, str) and re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]*", key) for key in value
    )
    return None if good else problem(name, "setting-extra-fields", name=name, text=value)


def _whole_number(value: Any, least: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= least


def _budget(name: str, value: Any, settings: Settings) -> Problem | None:
    return (
        None
        if _whole_number(value, 1)
        else problem(name, "budget-not-a-number", name=name, text=value)
    )


def _home_closed(name: str, value: Any, settings: Settings) -> Problem | None:
    return (
        None
        if _whole_number(value, 0)
        else problem(name, "setting-home-closed", name=name, text=value)
    )


def _site_path(text: str) -> bool:
    """A path inside the site: no host, no leading slash, no `..`, no spaces."""
    return not (
        text.startswith(("/", "\\"))
        or "://" in text
        or "\\" in text
        or any(part == ".." for part in text.split("/"))
        or any(c.isspace() for c in text)
    )


def _description(name: str, value: Any, settings: Settings) -> Problem | None:
    """What the home page and the archive say of the site to search engines: one line."""
    if value == "" or (isinstance(value, str) and 0 < len(value.strip()) <= 300):
        if isinstance(value, str) and "\n" not in value.strip():
            return None
    return problem(name, "setting-description", name=name, text=str(value)[:80])


def _closed_url(name: str, value: Any, settings: Settings) -> Problem | None:
    if isinstance(value, str) and _site_path(value):
        return None
    return problem(name, "setting-closed-url", name=name, text=value)


def _closed_save_as(name: str, value: Any, settings: Settings) -> Problem | None:
    if isinstance(value, str) and (not value or (_site_path(value) and value.endswith(".html"))):
        return None
    return problem(name, "setting-closed-save-as", name=name, text=value)


def _known_locale(text: Any) -> bool:
    if not isinstance(text, str) or not text.strip():
        return False
    try:
        Locale.parse(text.strip().replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return False
    return True


def _locales(name: str, value: Any, settings: Settings) -> Problem | None:
    if isinstance(value, Mapping) and all(
        isinstance(lang, str) and _known_locale(locale) for lang, locale in value.items()
    ):
        return None
    return problem(name, "setting-locales", name=name, text=value)


def _postcode_country(name: str, value: Any, settings: Settings) -> Problem | None:
    if value is None or value == "":  # None: the country of MEGAPHONE_TIMEZONE; "": no check
        return None
    code = value.strip().upper() if isinstance(value, str) else ""
    if len(code) == 2 and code.isalpha() and code in Locale("en").territories:
        return None
    return problem(name, "setting-postcode-country", name=name, text=value)


def _phone_region(name: str, value: Any, settings: Settings) -> Problem | None:
    from ..model.calls import regions

    if isinstance(value, str) and value.strip().upper() in regions():
        return None
    return problem(name, "setting-phone-region", name=name, text=value)


def _sitemap(name: str, value: Any, settings: Settings) -> Problem | None:
    return (
        None if isinstance(value, bool) else problem(name, "setting-sitemap", name=name, text=value)
    )


def _cache(name: str, value: Any, settings: Settings) -> Problem | None:
    return (
        None if isinstance(value, bool) else problem(name, "setting-cache", name=name, text=value)
    )


def _strict(name: str, value: Any, settings: Settings) -> Problem | None:
    if not isinstance(value, bool):
        return problem(name, "setting-strict", name=name, text=value)
    if value and not megaphone_theme(settings):  # its pages are Megaphone's theme's
        return problem(name, "setting-strict-theme", name=name, theme=settings.get("THEME"))
    return None


def _campaign_paths(name: str, value: Any, settings: Settings) -> Problem | None:
    """Folders inside PATH, as ARTICLE_PATHS names them: a list of relative paths."""
    good = (
        isinstance(value, list | tuple)
        and bool(value)
        and all(isinstance(path, str) and path.strip("/") and _site_path(path) for path in value)
    )
    return None if good else problem(name, "setting-campaign-paths", name=name, text=value)


def _template_name(name: str, value: Any, settings: Settings) -> Problem | None:
    """MEGAPHONE_BASE_TEMPLATE: a template of the theme, by its file name."""
    good = isinstance(value, str) and bool(value.strip()) and _site_path(value)
    good = good and not re.search(r"""["'{}%]""", value)
    return None if good else problem(name, "setting-site-theme", name=name, text=value)


def _block_name(name: str, value: Any, settings: Settings) -> Problem | None:
    """MEGAPHONE_CONTENT_BLOCK: a Jinja block's name, as `{% block content %}` writes it."""
    good = isinstance(value, str) and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", value) is not None
    return None if good else problem(name, "setting-site-theme", name=name, text=value)


def _absolute_siteurl(settings: Settings) -> str:
    """The canonical address defaults to SITEURL when that is a whole address."""
    text = str(settings.get("SITEURL") or "").strip()
    return text.rstrip("/") if is_absolute_address(text) else ""


SETTINGS: tuple[Setting, ...] = (
    # Pelican's own: checked, never renamed, and no default of ours.
    Setting("SITEURL", lambda s: "", _siteurl),
    Setting(
        "MEGAPHONE_SITEURL",
        _absolute_siteurl,
        _canonical,
        alias="CANONICAL_SITEURL",
        blank_is_default=True,
    ),
    Setting(
        "MEGAPHONE_TIMEZONE",
        lambda s: s.get("TIMEZONE") or "UTC",
        _timezone,
        alias="CAMPAIGN_TIMEZONE",
        derived_from="TIMEZONE",
        blank_is_default=True,
    ),
    Setting("MEGAPHONE_TODAY", lambda s: "", _today, alias="CAMPAIGN_TODAY"),
    Setting("MEGAPHONE_EXTRA_FIELDS", lambda s: [], _extra_fields, alias="CAMPAIGN_EXTRA_FIELDS"),
    Setting("MEGAPHONE_MAILTO_BUDGET", lambda s: 1800, _budget, alias="MAILTO_BUDGET"),
    Setting("MEGAPHONE_HOME_CLOSED", lambda s: 5, _home_closed, alias="HOME_CLOSED_CAMPAIGNS"),
    Setting("MEGAPHONE_CLOSED_URL", lambda s: "closed/", _closed_url, alias="CLOSED_URL"),
    Setting(
        "MEGAPHONE_CLOSED_SAVE_AS",
        lambda s: "closed/index.html",
        _closed_save_as,
        alias="CLOSED_SAVE_AS",
    ),
    Setting("MEGAPHONE_LOCALES", lambda s: {"en": "en_GB", "es": "es"}, _locales, alias="LOCALES"),
    Setting(
        "MEGAPHONE_POSTCODE_COUNTRY", lambda s: None, _postcode_country, alias="POSTCODE_COUNTRY"
    ),
    Setting("MEGAPHONE_PHONE_REGION", lambda s: "US", _phone_region),
    # "": the theme's own words, in each page's language.
    Setting("MEGAPHONE_DESCRIPTION", lambda s: "", _description),
    Setting(
        "MEGAPHONE_SITEMAP",
        lambda s: False,
        _sitemap,
        alias="SITEMAP",
        alias_applies=lambda value: isinstance(value, bool),  # pelican-sitemap's is a dict
    ),
    Setting("MEGAPHONE_CACHE", lambda s: True, _cache),
    Setting("MEGAPHONE_STRICT", lambda s: False, _strict),
    Setting(
        "MEGAPHONE_CAMPAIGN_PATHS",
        lambda s: list(DEFAULT_CAMPAIGN_PATHS),
        _campaign_paths,
        alias="CAMPAIGN_PATHS",
    ),
    # A campaign page in the site's own theme (site/site_theme.py): the template it
    # extends and the block it fills.
    Setting("MEGAPHONE_BASE_TEMPLATE", lambda s: "base.html", _template_name),
    Setting("MEGAPHONE_CONTENT_BLOCK", lambda s: "content", _block_name),
)


def _resolve(settings: dict, setting: Setting) -> tuple[str, Any, list[Problem]]:
    """The setting's value, the name it came from ("" for our default), and any problem
    with the two names."""
    has_new = setting.name in settings
    old = settings.get(setting.alias, None) if setting.alias else None
    has_old = bool(setting.alias) and setting.alias in settings and setting.alias_applies(old)
    if has_new and has_old and settings[setting.name] != old:
        alias = setting.alias
        both = problem(
            alias,
            "setting-both-names",
            name=setting.name,
            alias=alias,
            value=settings[setting.name],
            other=old,
        )
        return setting.name, settings[setting.name], [both]
    if has_new:
        written, value = setting.name, settings[setting.name]
    elif has_old:
        written, value = setting.alias, old
    else:
        return "", setting.default(settings), []
    if setting.blank_is_default and (value is None or value == ""):
        return "", setting.default(settings), []
    return written, value, []


def settings_file(settings: Settings) -> str:
    """The file the settings were read from, as the commands name it (pelicanconf.py,
    publishconf.py), else pelicanconf.py."""
    if settings.get(SETTINGS_FILE_SETTING):
        return str(settings[SETTINGS_FILE_SETTING])
    given = settings_file_from_command_line()  # `pelican -s publishconf.py`
    if not given:
        return SETTINGS_FILE
    shown = os.path.relpath(given)
    return given if shown.startswith("..") else shown


def fill_in(settings: dict) -> list[Problem]:
    """Each setting's value (the site's, under either name, else ours), and every problem."""
    file = settings_file(settings)
    return [replace(p, file=file) if p.file == SETTINGS_FILE else p for p in _fill_in(settings)]


def _fill_in(settings: dict) -> list[Problem]:
    problems: list[Problem] = []
    for setting in SETTINGS:
        written, value, found = _resolve(settings, setting)
        problems += found
        if not found:
            field = written or setting.derived_from or setting.name
            check = setting.check(field, value, settings)
            if check is not None:
                problems.append(check)
        settings[setting.name] = value
    return problems + pelican_needs(settings)


def pelican_needs(settings: dict) -> list[Problem]:
    """What the theme and the letter need of Pelican's own settings, where Pelican's
    defaults differ: set when the site leaves them as Pelican has them, else checked."""
    problems = []
    markdown = settings.get("MARKDOWN") or {}
    configs = dict(markdown.get("extension_configs") or {})
    named = list(configs) + list(markdown.get("extensions") or [])
    # A site not only of campaigns reads each campaign with Megaphone's own Markdown
    # (scope.reading_settings), so its MARKDOWN stays its own.
    if strict(settings) and any(CODEHILITE in str(extension).lower() for extension in named):
        if markdown == DEFAULT_CONFIG["MARKDOWN"]:  # Pelican's: the site chose nothing
            settings["MARKDOWN"] = {
                **markdown,
                "extension_configs": {k: v for k, v in configs.items() if CODEHILITE not in k},
            }
        else:  # Pygments would rewrite the letter block into coloured <span>s
            problems.append(problem("MARKDOWN", "setting-markdown-codehilite"))
    jinja = dict(settings.get("JINJA_ENVIRONMENT") or {})
    # Megaphone's theme escapes by Jinja's autoescape. Another theme's templates may rely
    # on Pelican's default, none (`{{ article.content }}`): its setting stays the site's,
    # and Megaphone's own templates in it are escaped all the same (hooks.EscapeMegaphone).
    ours = megaphone_theme(settings)
    if ours and not jinja.get("autoescape", True):
        field = "JINJA_ENVIRONMENT"
        problems.append(problem(field, "setting-autoescape"))
    if ours:
        jinja["autoescape"] = jinja.get("autoescape", True)
    extensions = list(jinja.get("extensions") or [])
    if not any(_is_i18n(extension) for extension in extensions):
        extensions.append(I18N)  # the theme's {% trans %} and _()
    settings["JINJA_ENVIRONMENT"] = {**jinja, "extensions": extensions}
    paginated = dict(settings.get("PAGINATED_TEMPLATES") or {})
    paginated.setdefault("closed", 50)  # the archive of closed campaigns, 50 to a page
    settings["PAGINATED_TEMPLATES"] = paginated
    return problems


def _is_i18n(extension: Any) -> bool:
    name = extension if isinstance(extension, str) else getattr(extension, "identifier", "")
    return name in (I18N, "jinja2.ext.InternationalizationExtension")


def use_settings(settings: dict) -> None:
    """At `initialized`: fill in every default, and stop on any problem."""
    problems = fill_in(settings)
    if problems:
        raise CampaignProblems(problems)


def warn_without_public_address(generators) -> None:
    """After reading: share links and the QR code need the site's public address. Without
    one they are relative, and break wherever they are shared: said once per build."""
    settings = generators[0].settings if generators else {}
    if str(settings.get("MEGAPHONE_SITEURL") or "").strip():
        return
    for generator in generators:
        for article in contents(generator, ARTICLE_GROUPS):
            page = campaign_page_of(article)
            if page is not None and page.campaign.is_open and save_as_of(article):
                warning = Problem(
                    settings_file(settings), "MEGAPHONE_SITEURL", say("siteurl-canonical-missing")
                )
                logging.getLogger(WARNINGS_LOGGER).warning(
                    "%s", warning, extra={"campaign_problem": warning}
                )
                return
