"""What leaves the build: every page as it is written, and every file of the new site
before it replaces the old.

Each page is read again as written to disk (model/shipped_page.py) as Pelican
writes it; a page the build cache gives back was read when it was first
written. Then only files that someone claimed before writing (claims.py) may be
in the new site: the build command looks before putting it in place. Either
finding keeps the last good site."""

from __future__ import annotations

import logging
import os

from ..model.messages import say
from ..model.report import WARNINGS_LOGGER, CampaignProblems, Problem
from ..model.shipped_page import Allowed, page_findings
from .claims import CLAIMS, Claims, unclaimed_files
from .scope import is_checked_page
from .site_theme import theme_warnings, uses_site_theme


def allowed_in_pages(settings) -> Allowed:
    """The site's own script, style and policy, as prepare_assets put them in the pages."""
    found = settings.get("JINJA_GLOBALS") or {}
    siteurl = str(settings.get("SITEURL") or "")
    scripts = {f"{siteurl}/{found.get('SCRIPT_PATH', '')}"}
    if found.get("PREVIEW_RELOAD_SCRIPT"):
        scripts.add(str(found["PREVIEW_RELOAD_SCRIPT"]))
    return Allowed(
        scripts=frozenset(scripts),
        inline_scripts=frozenset({str(found.get("CLOSED_BEFORE_PAINT", ""))}),
        styles=frozenset({str(found.get("INLINE_CSS", ""))}),
        policies=frozenset({str(found.get("CSP", "")), str(found.get("CSP_CONNECT", ""))}),
        site_theme=uses_site_theme(settings),
    )


def shipped_problems(folder: str, settings) -> list[Problem]:
    """Every file in the new site that no one claimed: nothing else may ship."""
    claims = settings.get(CLAIMS)
    if not isinstance(claims, Claims):  # the plugin did not run: nothing to compare with
        return []
    return [
        Problem(path, "file", say("output-unclaimed", path=path), code="output-unclaimed")
        for path in unclaimed_files(folder, claims)
    ]


def check_written_page(path: str, context, from_cache: bool = False) -> None:
    """For each page as it is written to disk (page_cache.page_written): stops the
    build at one that holds what no page may hold. A page the build cache gives back
    (`from_cache`) was read when it was first written. A campaign page in a site's
    own theme: the other sites it loads from are said on every build."""
    if not path.endswith(".html") or not is_checked_page(path, context):
        return
    name = os.path.relpath(path, context.get("OUTPUT_PATH") or os.curdir)
    site_theme = uses_site_theme(context)
    if from_cache and not site_theme:
        return
    with open(path, encoding="utf-8", errors="replace") as page:
        html = page.read()
    if not from_cache:
        findings = page_findings(html, allowed_in_pages(context))
        if findings:
            raise CampaignProblems(
                [
                    Problem(
                        name,
                        "file",
                        say("output-page-unsafe", path=name, what=what),
                        code="output-page-unsafe",
                    )
                    for what in findings
                ]
            )
    for warning in theme_warnings(html, context) if site_theme else []:
        said = Problem(name, "", warning)
        logging.getLogger(WARNINGS_LOGGER).warning("%s", said, extra={"campaign_problem": said})
