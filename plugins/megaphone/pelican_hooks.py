"""Pelican signals that read and check: hand each campaign page to the validated model.

(The signals that write are in pelican_output.py; `register` connects both.)

Problems are collected for the whole site, then the build stops once with
every one of them (CampaignProblems), instead of Pelican's default of logging
"Could not process" and skipping the page with exit status 0."""

from __future__ import annotations

import logging
import os
import sys
from collections import defaultdict
from dataclasses import replace
from zoneinfo import ZoneInfoNotFoundError

from pelican import signals
from pelican.generators import ArticlesGenerator, PagesGenerator

from .campaign import read_campaign
from .deadline import DeadlineError, parse_timezone, parse_today
from .i18n import city_filter, deadline_words_filter, language_name
from .links import DEFAULT_BUDGET
from .messages import PROBLEMS, say
from .pelican_output import (
    ARTICLE_GROUPS, PAGE_GROUPS, contents, prepare_assets, public_base, publish_assets,
    use_translating_writer, write_page_extras, write_sitemap,
)
from .report import CampaignProblems, Problem, field_line, field_value, read_source
from .share import share_links

logger = logging.getLogger(__name__)

UNREAD_TIMEZONE = "megaphone_unread_timezone"
SETTINGS_FILE = "pelicanconf.py"

# Problems found while Pelican reads files, before the finalize hook runs.
_read_problems: list[Problem] = []
_content_path = ""


def shown_path(path: str) -> str:
    """The path as a volunteer typing commands in the project sees it."""
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


def with_lines(problems: list[Problem], path: str) -> list[Problem]:
    """Add the line of each field, reading the file only if it has problems."""
    if not problems:
        return problems
    source = read_source(path)
    return [p if p.line else replace(p, line=field_line(source, p.field)) for p in problems]


def _read_failure(path: str, error: BaseException | None) -> Problem:
    """Say in plain words why Pelican could not read a campaign file."""
    file, source = shown_path(path), read_source(path)
    reason = str(error).rstrip(".") if error else "unknown reason"

    def problem(name, code, **values):
        return Problem(file, name, say(code, **values), field_line(source, name), code)

    if isinstance(error, UnicodeDecodeError):
        return problem("file", "file-not-utf8")
    if isinstance(error, ZoneInfoNotFoundError) or "time zone" in reason:
        try:
            parse_timezone(field_value(source, "Timezone"))
        except DeadlineError as bad:
            return Problem(file, "Timezone", str(bad), field_line(source, "Timezone"), bad.code)
    if "date" in reason.lower():
        return problem("Date", "date-unreadable", reason=reason)
    return problem("file", "file-unreadable", reason=reason)


class _CollectReadFailures(logging.Filter):
    """Turn Pelican's "log and skip this page" into a problem that stops the build.

    Pelican logs these from inside its `except` block, so the exception that
    made the page fail is still at hand."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.msg == "Could not process %s":
            path = os.path.join(_content_path, record.args[0])
            _read_problems.append(_read_failure(path, sys.exc_info()[1]))
            return False
        if str(record.msg).startswith("Skipping %s: could not find information"):
            content, prop = record.args
            path = getattr(content, "source_path", str(content))
            name = prop.capitalize()
            code = f"{prop}-missing" if f"{prop}-missing" in PROBLEMS else "file-unreadable"
            _read_problems.append(Problem(shown_path(path), name,
                                          say(code, reason=f"no {name}"), code=code))
            return False
        return True


_filter = _CollectReadFailures()


def initialized(pelican) -> None:
    global _content_path
    _content_path = pelican.settings["PATH"]
    filters = pelican.settings.setdefault("JINJA_FILTERS", {})
    filters.update(deadline_words=deadline_words_filter, city=city_filter,
                   language_name=language_name)
    prepare_assets(pelican.settings)
    _read_problems.clear()
    for name in ("pelican.generators", "pelican.contents"):
        target = logging.getLogger(name)
        if _filter not in target.filters:
            target.addFilter(_filter)


def set_aside_bad_timezone(generator, metadata) -> None:
    """Pelican reads `Timezone` itself (for Date) and drops the page if it is
    unknown. Set a bad one aside so the page is read and every problem in it
    is reported, the time zone among them."""
    name = metadata.get("timezone")
    if name is None:
        return
    try:
        parse_timezone(str(name))
    except DeadlineError:
        metadata[UNREAD_TIMEZONE] = metadata.pop("timezone")


def _as_written(metadata: dict) -> dict:
    if UNREAD_TIMEZONE in metadata:
        return {**metadata, "timezone": metadata[UNREAD_TIMEZONE]}
    return metadata


def _site_settings(settings, problems: list[Problem]):
    """The build date and the default time zone, each checked once per site."""
    today = None
    text = str(settings.get("CAMPAIGN_TODAY") or "").strip()
    if text:
        try:
            today = parse_today(text)
        except DeadlineError as error:
            problems.append(Problem("(environment)", "CAMPAIGN_TODAY", str(error), code=error.code))
    zone = settings.get("CAMPAIGN_TIMEZONE") or settings["TIMEZONE"]
    try:
        parse_timezone(zone)
    except DeadlineError:
        problems.append(Problem(SETTINGS_FILE, "CAMPAIGN_TIMEZONE",
                                say("site-timezone-unknown", text=zone), code="site-timezone-unknown"))
        zone = "UTC"  # so that campaigns are still checked, without repeating this
    return today, zone


def _same_address(items) -> list[Problem]:
    """Two pages written to one file: one would silently replace the other."""
    by_file = defaultdict(list)
    for content in items:
        if content.save_as:  # '' means "not written"
            by_file[content.save_as].append(content)
    problems = []
    for same in by_file.values():
        for content in same if len(same) > 1 else ():
            others = ", ".join(shown_path(c.source_path) for c in same if c is not content)
            problems.append(Problem(
                shown_path(content.source_path), "Slug",
                say("slug-taken", slug=content.slug, others=others),
                field_line(read_source(content.source_path), "Slug"), "slug-taken"))
    return problems


def all_generators_finalized(generators) -> None:
    """After every page is read and before anything is written."""
    articles = next(g for g in generators if isinstance(g, ArticlesGenerator))
    settings = articles.settings
    problems = list(_read_problems)
    today, default_timezone = _site_settings(settings, problems)
    campaigns = list(contents(articles, ARTICLE_GROUPS))
    for article in campaigns:
        reading = read_campaign(
            file=shown_path(article.source_path),
            metadata=_as_written(article.metadata),
            html=article._content,
            default_timezone=default_timezone,
            today=today,
            budget=settings.get("MAILTO_BUDGET", DEFAULT_BUDGET),
        )
        problems.extend(with_lines(reading.problems + _image_problems(article),
                                   article.source_path))
        for warning in reading.warnings:
            _warn(shown_path(article.source_path), warning)
        article.campaign = reading.campaign
        if reading.campaign is not None:
            article._content = reading.campaign.explanation

    pages = [p for g in generators if isinstance(g, PagesGenerator)
             for p in contents(g, PAGE_GROUPS)]
    problems.extend(_same_address(campaigns + pages))
    # Anything Pelican dropped without telling us why still stops the build.
    named = {p.file for p in problems}
    for path, content in articles.context["generated_content"].items():
        file = shown_path(os.path.join(articles.path, path))
        if content is None and file not in named:
            problems.append(Problem(file, "file", say("file-unreadable", reason="unknown reason"),
                                    code="file-unreadable"))
    if problems:
        raise CampaignProblems(problems)

    for article in campaigns:
        _add_page_extras(article, settings)
    for file, warning in _translation_warnings(campaigns):
        _warn(file, warning)

    listed = [a for a in articles.articles if a.campaign]
    articles.context["campaigns_open"] = sorted(
        (a for a in listed if a.campaign.is_open), key=lambda a: a.campaign.deadline)
    articles.context["campaigns_closed"] = sorted(
        (a for a in listed if not a.campaign.is_open),
        key=lambda a: a.campaign.deadline, reverse=True)


def _image_problems(article) -> list[Problem]:
    image = str(article.metadata.get("image") or "").strip()
    if not image or os.path.isfile(os.path.join(_content_path, image)):
        return []
    return [Problem(shown_path(article.source_path), "Image",
                    say("image-not-found", path=image), code="image-not-found")]


def _warn(file: str, warning: str) -> None:
    """A warning does not stop the build; `make check` groups them by file."""
    logger.warning("%s: %s", file, warning,
                   extra={"campaign_file": file, "campaign_warning": warning})


def _translation_warnings(campaigns) -> list[tuple[str, str]]:
    """A translation should write to the same people as its original."""
    warnings = []
    for article in campaigns:
        for translation in getattr(article, "translations", []):
            ours, theirs = article.campaign, translation.campaign
            if ours and theirs and article.in_default_lang and (
                    set(ours.to), set(ours.cc), set(ours.bcc)) != (
                    set(theirs.to), set(theirs.cc), set(theirs.bcc)):
                warnings.append((shown_path(translation.source_path), say(
                    "translation-recipients-differ",
                    these=", ".join(theirs.to + theirs.cc + theirs.bcc),
                    original=shown_path(article.source_path),
                    those=", ".join(ours.to + ours.cc + ours.bcc))))
    return warnings


def _add_page_extras(article, settings) -> None:
    """Addresses the theme links to. Campaign URLs are folders (`{slug}/`)."""
    base = public_base(settings)
    article.page_url = f"{base}/{article.url}"
    image = str(article.metadata.get("image") or "").strip().lstrip("/")
    article.share_image_url = f"{base}/{image}" if image else ""
    article.share_links = share_links(article.page_url, article.title)
    article.reminder_url = f"{article.url}remind.ics"
    article.flyer_url = f"{article.url}flyer/"


def register() -> None:
    signals.initialized.connect(initialized)
    signals.get_writer.connect(use_translating_writer)
    signals.article_generator_context.connect(set_aside_bad_timezone)
    signals.all_generators_finalized.connect(all_generators_finalized)
    signals.article_writer_finalized.connect(write_page_extras)
    signals.article_writer_finalized.connect(write_sitemap)
    signals.finalized.connect(publish_assets)
