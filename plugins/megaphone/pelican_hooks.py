"""Pelican signals only: hand each campaign page to the validated model.

Problems are collected for the whole site, then the build stops once with
every one of them (CampaignProblems), instead of Pelican's default of logging
"Could not process" and skipping the page with exit status 0."""

from __future__ import annotations

import logging
import os
import sys
from collections import defaultdict
from zoneinfo import ZoneInfoNotFoundError

from pelican import signals
from pelican.generators import ArticlesGenerator

from .campaign import read_campaign
from .deadline import DeadlineError, parse_timezone, parse_today
from .links import DEFAULT_BUDGET
from .report import CampaignProblems, Problem, field_line, field_value, read_source

logger = logging.getLogger(__name__)

UNREAD_TIMEZONE = "megaphone_unread_timezone"

# Problems found while Pelican reads files, before our finalize hook runs.
_read_problems: list[Problem] = []


def shown_path(path: str) -> str:
    """The path as a volunteer typing commands in the project sees it."""
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


def _read_failure(path: str, error: BaseException | None) -> Problem:
    """Say in plain words why Pelican could not read a campaign file."""
    file, source = shown_path(path), read_source(path)
    reason = str(error) if error else "unknown reason"
    if isinstance(error, UnicodeDecodeError):
        return Problem(file, "file", "is not saved as UTF-8 text. Open it in your "
                       "editor and save it again with the UTF-8 encoding.")
    if isinstance(error, ZoneInfoNotFoundError) or "time zone" in reason:
        # Pelican reads Timezone itself, for the page's Date, and fails first.
        try:
            parse_timezone(field_value(source, "Timezone"))
        except DeadlineError as bad:
            return Problem(file, "Timezone", str(bad), field_line(source, "Timezone"))
    if "date" in reason.lower():
        return Problem(file, "Date", f"{reason}. Write the day the campaign "
                       "starts as YYYY-MM-DD, for example 'Date: 2021-01-26'.",
                       field_line(source, "Date"))
    return Problem(file, "file", f"could not be read ({reason}). Check the "
                   "'Key: value' lines at the top of the file.")


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
            example = {"Title": "Title: Tell the NYPD to ban facial recognition",
                       "Date": "Date: 2021-01-26"}.get(name, f"{name}: ...")
            _read_problems.append(Problem(
                shown_path(path), name, f"is missing. Add a line such as '{example}' "
                "at the top of the file.", None))
            return False
        return True


_filter = _CollectReadFailures()
_content_path = ""


def initialized(pelican) -> None:
    global _content_path
    _content_path = pelican.settings["PATH"]
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


def _all_campaigns(generator):
    for group in ("articles", "translations", "hidden_articles",
                  "hidden_translations", "drafts", "drafts_translations"):
        yield from getattr(generator, group, [])


def _build_date(settings, problems):
    text = str(settings.get("CAMPAIGN_TODAY") or "").strip()
    if not text:
        return None
    try:
        return parse_today(text)
    except DeadlineError as error:
        problems.append(Problem("(environment)", "CAMPAIGN_TODAY", str(error)))
        return None


def _duplicate_slugs(articles) -> list[Problem]:
    by_slug = defaultdict(list)
    for article in articles:
        by_slug[(article.slug, article.lang)].append(shown_path(article.source_path))
    problems = []
    for (slug, _lang), files in by_slug.items():
        for file in files if len(files) > 1 else ():
            others = ", ".join(f for f in files if f != file)
            problems.append(Problem(
                file, "Slug", f"'{slug}' is also the address of {others}, so one page "
                "would overwrite the other. Give each campaign its own Slug, for "
                f"example 'Slug: {slug}-2'.", field_line(read_source(file), "Slug")))
    return problems


def all_generators_finalized(generators) -> None:
    """After every page is read and before anything is written."""
    generator = next(g for g in generators if isinstance(g, ArticlesGenerator))
    settings = generator.settings
    problems = list(_read_problems)
    today = _build_date(settings, problems)
    campaigns = list(_all_campaigns(generator))
    for article in campaigns:
        file = shown_path(article.source_path)
        reading = read_campaign(
            file=file,
            source=read_source(article.source_path),
            metadata=_as_written(article.metadata),
            html=article._content,
            default_timezone=settings.get("CAMPAIGN_TIMEZONE") or settings["TIMEZONE"],
            today=today,
            budget=settings.get("MAILTO_BUDGET", DEFAULT_BUDGET),
        )
        problems.extend(reading.problems)
        for warning in reading.warnings:
            logger.warning(warning)
        article.campaign = reading.campaign
        if reading.campaign is not None:
            article._content = reading.campaign.explanation
    problems.extend(_duplicate_slugs(campaigns))
    # Anything Pelican dropped without telling us why still stops the build.
    named = {p.file for p in problems}
    for path, content in generator.context["generated_content"].items():
        file = shown_path(os.path.join(generator.path, path))
        if content is None and file not in named:
            problems.append(Problem(file, "file", "could not be read. Check the "
                                    "'Key: value' lines at the top of the file."))
    if problems:
        raise CampaignProblems(problems)

    listed = [a for a in generator.articles if a.campaign]
    generator.context["campaigns_open"] = sorted(
        (a for a in listed if a.campaign.is_open), key=lambda a: a.campaign.deadline)
    generator.context["campaigns_closed"] = sorted(
        (a for a in listed if not a.campaign.is_open),
        key=lambda a: a.campaign.deadline, reverse=True)


def register() -> None:
    signals.initialized.connect(initialized)
    signals.article_generator_context.connect(set_aside_bad_timezone)
    signals.all_generators_finalized.connect(all_generators_finalized)
