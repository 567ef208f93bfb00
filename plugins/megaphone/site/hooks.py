"""Pelican signals that read and check: hand each campaign page to the validated model.

(The signals that write are in output.py; `register` connects both.)

After every page is read, `all_generators_finalized` runs six steps: read
each campaign into the model (from the build cache when nothing it depends on
changed), stop on problems, attach each page's CampaignPage, order the
campaigns for the home page, key each campaign's pages for the cache, and take
the pictures away from Pelican's copying (output.py writes them). Problems are
collected for the whole site, then the build stops once with every one of
them (CampaignProblems), instead of Pelican's default of logging "Could not
process" and skipping the page with exit status 0."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

from pelican import signals
from pelican.generators import ArticlesGenerator, PagesGenerator

from ..model.campaign import Campaign, read_campaign
from ..model.deadline import DeadlineError, Timing, parse_timezone, timing, zone_of
from ..model.header import line_containing
from ..model.language import text_direction
from ..model.letter_blocks import letter_block_problems
from ..model.messages import say
from ..model.page import campaign_page
from ..model.page_checks import html_problems, page_problems, template_problems
from ..model.report import (
    WARNINGS_LOGGER,
    CampaignProblems,
    Problem,
    count,
    field_line,
    read_source,
)
from ..model.source_checks import source_problems
from ..model.translation import Version, disagreements, slug_near_misses, untranslated_titles
from . import build_cache, plain_report, run
from .claims import CLAIMS, output_claims
from .contents import (
    ARTICLE_GROUPS,
    PAGE_GROUPS,
    campaign_page_of,
    contents,
    public_base,
    save_as_of,
    shown_path,
    url_of,
)
from .generator import CampaignGenerator, campaign_generator
from .i18n import (
    PAGE_WORDS,
    SCRIPT_LOCALE_FILTERS,
    catalogue_problems,
    catalogue_warnings,
    city_filter,
    deadline_words_filter,
    language_name,
)
from .output import PICTURES, picture_generator, prepare_assets, publish_assets
from .page_cache import page_written, reuse_cached_pages
from .reader import file_being_read, use_checked_reader
from .rebuild import snapshot, wait_for_a_save
from .scope import (
    all_pages,
    campaign_articles,
    campaign_folder_files,
    campaign_pages,
    campaign_paths,
    campaign_pictures,
    exempt_from_campaign_folders,
    give_folders,
    not_markdown_problems,
    note_campaign_folders,
    owns,
    page_in_campaign_folder,
    reach_problems,
    reserved_template_problems,
    shared_slug_problems,
    strict,
    use_ordinary_template,
)
from .settings import use_settings, warn_without_public_address
from .signing import SignedBytecodeCache
from .site_checks import (
    _files,
    dropped_files,
    file_name_warnings,
    languages_used,
    reserved_names,
    same_address,
    site_settings,
    slug_problems,
    translated_slugs,
    unread_files,
    unused_files,
)
from .site_links import resolve_links, site_link_problems, site_links
from .site_theme import EscapeMegaphone, use_campaign_template, uses_site_theme, write_templates
from .site_theme import template_problems as theme_template_problems
from .static_files import (
    copy_problems,
    image_field_problems,
    link_problems,
    share_image_warnings,
    static_problems,
)
from .targets import TARGETS_FOLDER, read_site_targets, site_postcode_format

logger = logging.getLogger(__name__)

UNREAD_TIMEZONE = "megaphone_unread_timezone"


def initialized(pelican) -> None:
    """A new Pelican: its BuildRun (site/run.py), and its first build started."""
    settings = pelican.settings
    if not isinstance(settings.get(run.RUN), run.BuildRun):  # the same settings, used again
        settings[run.RUN] = run.BuildRun(settings)
    start_build(settings)
    settings[run.RUN].fresh = True


def start_next_build(pelican) -> None:
    """Pelican's get_generators, at the start of every run: `pelican -r` runs the same
    Pelican again after each change, and each run is a build of its own."""
    this = pelican.settings.get(run.RUN)
    if not isinstance(this, run.BuildRun):  # a Pelican that does not load this plugin
        return
    if this.fresh:  # the build `initialized` has just started
        this.fresh = False
        return
    if this.files_at_start is not None:  # the run before stopped: `pelican -r` would spin
        wait_for_a_save(pelican.settings, this.files_at_start)
    start_build(pelican.settings)


def start_build(settings) -> None:
    settings[run.RUN].files_at_start = snapshot(settings)  # until it finishes (save_cache)
    # Before Pelican walks content/: a link out of it (to /proc/self/environ,
    # to .git/config) must never be read, copied or followed round a loop.
    use_settings(settings)  # every default the plugin owns, and its checks
    # A site not only of campaigns: only the campaign folders are the plugin's to guard.
    guarded = [settings["PATH"]] if strict(settings) else scoped_folders(settings)
    links = [p for folder in guarded for p in link_problems(folder)]
    links += link_problems(settings["THEME"]) + reach_problems(settings)
    if links:
        raise CampaignProblems(links)
    this = settings[run.RUN]
    cache = use_cache(settings, this.given)
    # Updated in place: Pelican's context, a copy of the settings, holds the same dicts.
    filters = settings.setdefault("JINJA_FILTERS", {})
    filters.update(
        deadline_words=deadline_words_filter,
        city=city_filter,
        language_name=language_name,
        text_direction=text_direction,
    )
    filters.update(SCRIPT_LOCALE_FILTERS)
    # Each page's words in its own language (i18n.py): one environment renders them all.
    settings.setdefault("JINJA_GLOBALS", {}).update(PAGE_WORDS)
    write_templates(settings)  # a campaign page in the site's own theme: its templates
    prepare_assets(settings)
    extra_fields = tuple(settings["MEGAPHONE_EXTRA_FIELDS"])
    this.start(cache, settings["PATH"], extra_fields, lambda path: owns(settings, path))


def scoped_folders(settings) -> list[str]:
    """The campaign folders that exist, and the pictures' (Image: is under images/)."""
    folders = [os.path.join(settings["PATH"], f) for f in campaign_paths(settings)]
    folders.append(os.path.join(settings["PATH"], "images"))
    return [f for f in folders if os.path.isdir(f)]


def use_cache(settings, given) -> build_cache.BuildCache:
    """Before anything changes the settings (their hash is part of every key): the
    build cache, and Pelican's own cache of each file as Markdown read it, beside it.
    From the settings as given (`given`): a second build of one Pelican finds the
    ones the first build set here."""
    warn_if_cache_tracked(given["CACHE_PATH"])
    # A site that added the plugin and has no campaign yet: nothing to keep, no cache/.
    campaigns = strict(settings) or any(
        os.path.isdir(os.path.join(settings["PATH"], f)) for f in campaign_paths(settings)
    )
    cache = (
        build_cache.BuildCache.for_settings(given) if campaigns else build_cache.BuildCache.off()
    )
    if cache.folder is None:
        settings.update({k: given[k] for k in PELICAN_CACHE_SETTINGS if k in given})
        settings["JINJA_ENVIRONMENT"] = _jinja_environment(settings, given)
        return cache
    # Pelican unpickles its files itself: only those our finished builds signed stay.
    # Again before each build: a build that stopped leaves files no build signed.
    trusted = build_cache.drop_untrusted(cache.folder / "pelican", cache.signing_key)
    if strict(settings) or given.get("CACHE_CONTENT"):
        # Pelican's cache of each file as Markdown read it: a campaign site's, or the
        # site's own choice (then signed too). A blog that left it off keeps it off.
        settings.update(
            CACHE_CONTENT=True,
            LOAD_CONTENT_CACHE=trusted,
            CONTENT_CACHING_LAYER="reader",
            CHECK_MODIFIED_METHOD="sha256",  # not the time: a checkout or a copy keeps times
            GZIP_CACHE=False,  # written again after every build: faster than smaller
            CACHE_PATH=str(cache.folder / "pelican"),
        )
    else:
        settings.update({k: given[k] for k in PELICAN_CACHE_SETTINGS if k in given})
    # The templates compiled once, not on every build (the theme is in the key),
    # unless the settings bring a bytecode cache of their own. Signed: Jinja's own
    # FileSystemBytecodeCache would load any file there as code.
    jinja = _jinja_environment(settings, given)
    if jinja.get("bytecode_cache") is None:
        templates = cache.folder / "templates"
        settings["JINJA_ENVIRONMENT"] = {
            **jinja,
            "bytecode_cache": SignedBytecodeCache(templates, cache.signing_key),
        }
    return cache


def _jinja_environment(settings, given) -> dict:
    """The Jinja options as given, with the extensions that the plugin's settings
    (settings.fill_in) add (the i18n extension for the theme's {% trans %}), and in a
    site's own theme, autoescaping for Megaphone's templates (megaphone/...)."""
    jinja = dict(given.get("JINJA_ENVIRONMENT") or {})
    filled = settings.get("JINJA_ENVIRONMENT") or {}
    if "extensions" in filled:
        jinja["extensions"] = filled["extensions"]
    if uses_site_theme(settings):  # Megaphone's templates escape; the theme's stay its own
        jinja["autoescape"] = EscapeMegaphone(jinja.get("autoescape", False))
    elif "autoescape" in filled:  # Megaphone's theme: on (settings.fill_in refuses it off)
        jinja["autoescape"] = filled["autoescape"]
    return jinja


# What use_cache sets for Pelican's own cache: as given again when a build has none.
PELICAN_CACHE_SETTINGS = (
    "CACHE_CONTENT",
    "LOAD_CONTENT_CACHE",
    "CONTENT_CACHING_LAYER",
    "CHECK_MODIFIED_METHOD",
    "GZIP_CACHE",
    "CACHE_PATH",
)


def warn_if_cache_tracked(folder: str) -> None:
    """A cache folder committed to git came with the checkout, perhaps from a stranger's
    pull request: it is never trusted (signing.py), and the volunteer should remove it."""
    tracked = build_cache.tracked_files(folder)
    if tracked:
        shown = shown_path(folder)
        _warn(
            Problem(
                shown, "", say("cache-tracked", files=count(len(tracked), "file"), folder=shown)
            )
        )


def set_aside_bad_timezone(generator, metadata) -> None:
    """Pelican reads `Timezone` itself (for Date) and drops the page if it is
    unknown. Set a bad one aside so the page is read and every problem in it
    is reported, the time zone among them."""
    name = metadata.get("timezone")
    if name is None:
        return
    path = file_being_read(generator)
    if path and not owns(generator.settings, path):  # another article: Pelican's to read
        return
    try:
        parse_timezone(str(name))
    except DeadlineError:
        metadata[UNREAD_TIMEZONE] = metadata.pop("timezone")


def _as_written(metadata: dict) -> dict:
    if UNREAD_TIMEZONE in metadata:
        return {**metadata, "timezone": metadata[UNREAD_TIMEZONE]}
    return metadata


@dataclass
class SiteReading:
    """Every campaign of the site read into the model, or the problems found."""

    campaigns: dict = field(default_factory=dict)  # article -> Campaign
    problems: list[Problem] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (file, text)
    # With their line (and a target list's, its column): the target lists', the letters'.
    placed_warnings: list[Problem] = field(default_factory=list)
    keys: dict = field(default_factory=dict)  # article -> what its reading depended on
    sources: dict = field(default_factory=dict)  # article -> its text (translations quote it)


def with_lines(problems: list[Problem], source: str) -> list[Problem]:
    """Add the line of each problem that has none yet, from the file's text."""
    return [
        p
        if p.line
        else replace(p, line=line_containing(source, p.find) or field_line(source, p.field))
        for p in problems
    ]


@dataclass
class FileReading:
    """One campaign file through the model and the page checks: what the build cache keeps."""

    campaign: Campaign | None
    problems: list[Problem]
    warnings: list[str]
    timing: Timing | None  # the campaign's facts that depend on the moment of the build
    placed_warnings: list[Problem] = field(default_factory=list)  # each with its line


def read_one(article, source: str, site: dict) -> FileReading:
    """Every check of one file that depends on nothing but the file and the site's settings."""
    file = shown_path(article.source_path)
    reading = read_campaign(
        file=file,
        metadata=_as_written(article.metadata),
        html=article._content,  # read, never rewritten: the page object holds the rest
        default_timezone=site["default_timezone"],
        today=site["today"],
        budget=site["budget"],
        phone_region=site["phone_region"],
        target_lists=site["targets"].lists,
        broken_lists=frozenset(site["targets"].broken),
    )
    campaign = reading.campaign
    blocks = letter_block_problems(file, source)  # each says why, better than "no letter"
    # What a misspelt or unclosed block leaves missing: the block's own problem says it.
    said = {"letter-missing"} | (
        {"call-script-missing", "voicemail-without-call", "call-number-none"}
        if any(p.field in ("call", "voicemail") for p in blocks)
        else set()
    )
    html, html_warnings = html_problems(
        file,
        source,
        campaign.explanation if campaign else article._content,
        recipients=campaign.to + campaign.cc + campaign.bcc if campaign else (),
    )
    summary, _ = html_problems(file, source, summary_of(article), field="Summary")
    leftovers, leftover_warnings = template_problems(file, source, draft=article.status == "draft")
    problems = with_lines(
        [p for p in reading.problems if not (blocks and p.code in said)]
        + blocks
        + page_problems(file, source, site["extra_fields"])
        + source_problems(file, source)
        + html
        + summary,
        source,
    )
    links = site_link_problems(
        article._content, article, site["context"], file=file, source=source, field="explanation"
    ) + site_link_problems(
        summary_of(article), article, site["context"], file=file, source=source, field="Summary"
    )
    if campaign is not None and not links and has_site_links(article, site["context"]):
        # Checked as written, then made real addresses, escaped where they are written
        # (the page as it ships is read again: site/shipped.py).
        shipped = resolve_links(campaign.explanation, article, site["context"], site["siteurl"])
        campaign = replace(campaign, explanation=shipped)
    return FileReading(
        campaign,
        problems + with_lines(links, source) + leftovers,
        reading.warnings + html_warnings + leftover_warnings,
        reading.timing,
        with_lines(reading.placed, source),
    )


def summary_of(article) -> str:
    return str(article.metadata.get("summary") or "")


def has_site_links(article, context) -> bool:
    """`{static}/images/park.png`, `{filename}/campaigns/other.md`: Pelican's links to
    other files of the site, in the page or its Summary (site_links.py)."""
    return bool(site_links(article._content, context) or site_links(summary_of(article), context))


def cached_read_one(article, source: str, site: dict) -> tuple[FileReading, str]:
    """read_one, from the build cache when the file and the site are unchanged and
    the campaign is in the same state at this moment (open, days left...)."""
    cache = site["cache"]
    # The rules of the zones it uses, as read now: a system update of the time-zone
    # files can move a deadline's offset while every file of the site stays the same.
    zones = (site["default_timezone"], str(_as_written(article.metadata).get("timezone") or ""))
    key = cache.key(
        "reading",
        *(cache.zone_digest(zone) for zone in zones),
        article.source_path,
        shown_path(article.source_path),  # as the messages name it
        source,
        site["targets_digest"],
        site["phone_region"],  # how its numbers are read
        article.metadata.get("date", ""),
        article.metadata.get("modified", ""),
        article.status,  # not only the file's: WITH_FUTURE_DATES makes a page dated later a draft
    )
    if has_site_links(article, site["context"]):  # they depend on other files: read it again
        return read_one(article, source, site), key
    found = cache.get_object(key, article.source_path)
    if isinstance(found, FileReading) and (
        found.campaign is None
        or found.timing
        == timing(found.campaign.deadline, zone_of(found.campaign.deadline), site["today"])
    ):
        return found, key
    fresh = read_one(article, source, site)
    cache.put_object(key, fresh, article.source_path)
    return fresh, key


def read_campaigns(articles: ArticlesGenerator) -> SiteReading:
    """Step 1: every campaign file through the model, drafts and translations too."""
    settings = articles.settings
    site = SiteReading(problems=list(run.of(settings).read_failures.problems))
    today, default_timezone, budget = site_settings(settings, site.problems)
    reserved = reserved_names(settings)
    region = settings["MEGAPHONE_PHONE_REGION"].strip().upper()
    targets = read_site_targets(settings["PATH"], site_postcode_format(settings), region)
    site.problems.extend(targets.problems)
    site.placed_warnings.extend(targets.warnings)
    shared = {
        "cache": run.of(settings).cache,
        "today": today,
        "default_timezone": default_timezone,
        "budget": budget,
        "phone_region": region,
        "targets": targets,
        "targets_digest": build_cache.folder_digest(os.path.join(settings["PATH"], TARGETS_FOLDER)),
        "extra_fields": tuple(settings["MEGAPHONE_EXTRA_FIELDS"]),
        "siteurl": settings.get("SITEURL", ""),  # "" in a preview: links from the site's root
        "context": articles.context,  # what Pelican read: the files links point to
    }
    for article in campaign_articles(articles):
        file = shown_path(article.source_path)
        source = read_source(article.source_path)
        site.sources[article] = source
        reading, key = cached_read_one(article, source, shared)
        site.keys[article] = build_cache.digest(key, reading.timing)
        image_value = str(article.metadata.get("image") or "")
        image = image_field_problems(settings["PATH"], image_value, file=file)
        if not image and image_value.strip():
            site.warnings.extend(
                (file, warning)
                for warning in share_image_warnings(settings["PATH"], image_value, shared["cache"])
            )
        site.problems.extend(
            reading.problems + with_lines(image + slug_problems(article, reserved), source)
        )
        site.warnings.extend((file, warning) for warning in reading.warnings)
        site.placed_warnings.extend(reading.placed_warnings)
        if reading.campaign is not None:
            site.campaigns[article] = reading.campaign
    return site


def stop_on_problems(site: SiteReading, articles: ArticlesGenerator, generators) -> None:
    """Step 2: say every warning, then stop once with every problem, if any."""
    settings = articles.settings
    if not strict(settings):
        scoped_stop_on_problems(site, articles, generators)
        return
    pages = all_pages(generators)
    problems = site.problems + same_address(list(contents(articles, ARTICLE_GROUPS)))
    problems += translation_problems(site, articles)
    problems += [page_refused(page) for page in pages]
    cache = run.of(settings).cache
    pictures = static_problems(
        settings["PATH"], settings["STATIC_PATHS"], settings.get("IGNORE_FILES", ()), cache
    )
    reported = {p.file for p in pictures}  # a bad picture, linked too, is said once
    problems += pictures + [
        problem
        for problem in copy_problems(
            ((s.source_path, s.save_as) for s in articles.context.get("staticfiles", [])),
            content=settings["PATH"],
            output=settings["OUTPUT_PATH"],
            static_paths=settings["STATIC_PATHS"],
            cache=cache,
        )
        if problem.file not in reported
    ]
    claims = output_claims(articles, site.campaigns, settings)
    problems += claims.problems
    settings[CLAIMS] = claims  # the build command proves that nothing else was written
    generated = articles.context["generated_content"]
    problems += dropped_files(generated, articles.path, {p.file for p in problems})
    unread = []
    for file in unread_files(articles.settings, set(generated)):
        # A .md file Pelican skipped in silence (`Status: skip`): its header says why.
        extra = tuple(settings["MEGAPHONE_EXTRA_FIELDS"])
        skipped = page_problems(file, read_source(file), extra) if file.endswith(".md") else []
        problems += skipped
        if not skipped:
            unread.append((file, say("file-not-read")))
    unread += [(file, say("file-not-used")) for file in unused_files(settings, TARGETS_FOLDER)]
    articles_and_pages = list(contents(articles, ARTICLE_GROUPS)) + pages
    campaigns = list(contents(articles, ARTICLE_GROUPS))
    say_and_stop(site, problems, unread, settings, campaigns, articles_and_pages)


def scoped_stop_on_problems(site: SiteReading, articles: ArticlesGenerator, generators) -> None:
    """Step 2 for a site not only of campaigns (MEGAPHONE_STRICT off): the same checks,
    of the campaigns and the pictures they show; the rest of the site is Pelican's."""
    settings = articles.settings
    campaigns = campaign_articles(articles)
    shown = {shown_path(a.source_path) for a in campaigns}
    everything = list(contents(articles, ARTICLE_GROUPS)) + all_pages(generators)
    problems = site.problems + [p for p in same_address(everything) if p.file in shown]
    problems += translation_problems(site, articles)
    problems += [
        page_in_campaign_folder(page) for page in campaign_pages(all_pages(generators), settings)
    ]
    calls = [a for a in campaigns if getattr(site.campaigns.get(a), "call_script", "")]
    problems += theme_template_problems(articles, campaigns, calls)
    problems += shared_slug_problems(articles)
    problems += reserved_template_problems(everything, settings)
    pictures = campaign_pictures(campaigns, articles.context, settings)
    problems += copy_problems(
        ((s.source_path, s.save_as) for s in pictures),
        content=settings["PATH"],
        output=settings["OUTPUT_PATH"],
        static_paths=settings["STATIC_PATHS"],
        cache=run.of(settings).cache,
    )
    problems += scoped_claims(articles, site, pictures, settings).problems
    generated = articles.context["generated_content"]
    ours = {k: v for k, v in generated.items() if owns(settings, k)}
    problems += dropped_files(ours, articles.path, {p.file for p in problems})
    files = [
        f
        for f in campaign_folder_files(settings, _files)
        if not exempt_from_campaign_folders(settings, f, TARGETS_FOLDER)
    ]
    problems += not_markdown_problems(settings, files)
    read = {os.path.normpath(os.path.join(settings["PATH"], k)) for k in generated}
    unread = []
    extra = tuple(settings["MEGAPHONE_EXTRA_FIELDS"])
    for path in files:
        if path.lower().endswith(".md") and os.path.normpath(path) not in read:
            skipped = page_problems(shown_path(path), read_source(path), extra)
            problems += skipped
            if not skipped:
                unread.append((shown_path(path), say("file-not-read")))
    say_and_stop(site, problems, unread, settings, campaigns, campaigns)


def scoped_claims(articles, site: SiteReading, pictures: list, settings):
    """The paths the campaigns and their pictures write, each claimed once (a campaign
    never replaces another's file, nor writes a file the host reads as instructions)."""
    from .claims import Claims, campaign_files

    claims = Claims()
    written = [a for a in site.campaigns if save_as_of(a)]
    for article in written:
        claims.claim(save_as_of(article), shown_path(article.source_path), quiet=True)
    for article in written:
        for path in campaign_files(save_as_of(article), site.campaigns[article]):
            claims.claim(path, shown_path(article.source_path))
    for static in pictures:
        if static.save_as:
            source = os.path.join(settings["PATH"], static.source_path)
            claims.claim(static.save_as, shown_path(source))
    return claims


def say_and_stop(site, problems, unread, settings, campaigns, articles_and_pages) -> None:
    used = languages_used(articles_and_pages)
    problems += catalogue_problems(settings["THEME"], used)
    site_wide = catalogue_warnings(settings["THEME"], used)
    translated = translated_slugs(campaigns)
    site_wide += [w for a in campaigns for w in file_name_warnings(a, a.slug in translated)]
    for problem in site.placed_warnings:  # each names its own line
        _warn(problem)
    for file, warning in site.warnings + unread + site_wide:
        _warn(Problem(file, "", warning))
    if problems:
        run.of(settings).cache.save(complete=False)  # what was read is kept for the next try
        raise CampaignProblems(problems)


def page_refused(page) -> Problem:
    """A campaign site publishes campaigns: a Pelican page (content/pages/) would get
    none of a campaign's checks, and could be written anywhere (Save_as, Url)."""
    return Problem(
        shown_path(page.source_path),
        "file",
        say("page-not-campaign"),
        1,
        "page-not-campaign",
    )


def attach_pages(site: SiteReading, settings) -> None:
    """Step 3: each article gets its one CampaignPage, for the templates."""
    base = public_base(settings)
    # Only these pages' script fetches (its target lists, from the site itself).
    prefix = urlsplit(base).path.rstrip("/")
    settings["MEGAPHONE_CONNECT_PATHS"] = sorted(
        f"{prefix}/{url_of(article)}"
        for article, campaign in site.campaigns.items()
        if campaign.targets and save_as_of(article)  # a page not written needs no header
    )
    for article, campaign in site.campaigns.items():
        # By language code, whatever order the files were read in: the switcher, the
        # hreflang links and the home page list them so, the same in every build.
        translations = getattr(article, "translations", None)
        if isinstance(translations, list):
            article.translations = sorted(translations, key=lambda t: str(t.lang))
        article.campaign_page = campaign_page(
            campaign,
            base=base,
            path=url_of(article),
            title=article.title,
            summary_html=str(article.metadata.get("summary") or ""),
            image=str(article.metadata.get("image") or ""),
        )


def order_campaigns(articles: ArticlesGenerator, site: SiteReading) -> None:
    """Step 4: the home page lists open campaigns soonest first, then closed ones."""
    listed = [a for a in articles.articles if a in site.campaigns]
    articles.context["campaigns_open"] = sorted(
        (a for a in listed if site.campaigns[a].is_open), key=lambda a: site.campaigns[a].deadline
    )
    articles.context["campaigns_closed"] = sorted(
        (a for a in listed if not site.campaigns[a].is_open),
        key=lambda a: site.campaigns[a].deadline,
        reverse=True,
    )


def key_pages(site: SiteReading, articles: ArticlesGenerator, generators) -> None:
    """Step 5: what each campaign's pages show, as one key for the build cache: its own
    reading and its translations' (addresses, languages, titles), and the list of every
    page of the site (a link to another page depends on its address)."""
    cache = run.of(articles.settings).cache
    if not cache.on:
        return
    everything = list(contents(articles, ARTICLE_GROUPS)) + [
        p for g in generators if isinstance(g, PagesGenerator) for p in contents(g, PAGE_GROUPS)
    ]

    def described(item) -> tuple[str, ...]:
        fields = ("source_path", "lang", "status", "title", "date", "modified")
        return (url_of(item), save_as_of(item), *(str(getattr(item, f, "")) for f in fields))

    listing = build_cache.sources_digest(
        [described(item) for item in everything]
        + [described(s) for s in articles.context.get("staticfiles", [])]
    )
    for article in site.campaigns:
        versions = [article] + list(getattr(article, "translations", []))
        cache.page_keys[article.source_path] = cache.key(
            "page", listing, *(part for v in versions for part in (site.keys.get(v), described(v)))
        )


def take_pictures(context: dict, campaigns: list, settings) -> None:
    """Step 6: the pictures from content/ are written from their pixels by
    PictureGenerator (output.py), so Pelican's StaticGenerator, which copies
    context["staticfiles"] byte for byte, is left none of them. (It still copies
    the theme's own files.) Last of the steps: the checks above read the list."""
    pictures = campaign_pictures(campaigns, context, settings)
    context[PICTURES] = pictures
    context["staticfiles"] = [s for s in context.get("staticfiles", []) if s not in pictures]


def all_generators_finalized(generators) -> None:
    """After every page is read and before anything is written."""
    articles = next(g for g in generators if isinstance(g, ArticlesGenerator))
    run.of(articles.settings).stop_collecting()  # every page is read
    give_folders(articles)
    site = read_campaigns(articles)
    stop_on_problems(site, articles, generators)
    attach_pages(site, articles.settings)
    order_campaigns(articles, site)
    key_pages(site, articles, generators)
    use_ordinary_template(articles)
    use_campaign_template(articles, site.campaigns)
    reuse_cached_pages(articles, site.campaigns)
    give_campaigns(articles, generators)
    note_campaign_folders(articles.settings, site.campaigns)
    take_pictures(articles.context, campaign_articles(articles), articles.settings)


def give_campaigns(articles: ArticlesGenerator, generators) -> None:
    """CampaignGenerator writes each campaign's other files (generator.py)."""
    ours = [g for g in generators if isinstance(g, CampaignGenerator)]
    every = [a for a in contents(articles, ARTICLE_GROUPS) if campaign_page_of(a) is not None]
    listed = set(map(id, list(articles.articles) + list(articles.translations)))
    for generator in ours:
        generator.campaigns = every
        generator.published = [a for a in every if id(a) in listed]


def save_cache(pelican) -> None:
    """After a whole build, or a check (a build into a folder it then throws away)."""
    run.of(pelican.settings).files_at_start = None  # this run finished
    cache = run.of(pelican.settings).cache
    cache.save(True)
    if cache.folder is not None:
        build_cache.trust_pelican_cache(cache.folder / "pelican", cache.signing_key)
    cache.prune()


def _warn(problem: Problem) -> None:
    """A warning does not stop the build; the commands print it on one line."""
    logging.getLogger(WARNINGS_LOGGER).warning("%s", problem, extra={"campaign_problem": problem})


def translation_problems(site: SiteReading, articles: ArticlesGenerator) -> list[Problem]:
    """A translation sends what its original sends (model/translation.py), and a Slug
    a slip away from an original's is said, not published as a second campaign."""
    versions = [
        Version(
            file=shown_path(article.source_path),
            slug=str(article.slug),
            lang=str(article.lang),
            translation=str(article.metadata.get("translation") or "").strip().lower(),
            source=site.sources.get(article, ""),
            campaign=site.campaigns.get(article),
        )
        for article in campaign_articles(articles)
    ]
    default_lang = str(articles.settings["DEFAULT_LANG"]).lower()
    for warning in untranslated_titles(versions, default_lang):
        _warn(warning)
    return disagreements(versions, default_lang) + slug_near_misses(versions, default_lang)


def register() -> None:
    plain_report.install()
    signals.initialized.connect(initialized)
    signals.get_generators.connect(start_next_build)
    signals.get_generators.connect(campaign_generator)
    signals.get_generators.connect(picture_generator)
    signals.article_generator_context.connect(set_aside_bad_timezone)
    signals.all_generators_finalized.connect(all_generators_finalized)
    signals.all_generators_finalized.connect(warn_without_public_address)
    signals.content_written.connect(page_written)
    signals.readers_init.connect(use_checked_reader)
    signals.finalized.connect(publish_assets)
    signals.finalized.connect(save_cache)
