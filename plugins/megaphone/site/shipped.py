"""What leaves the build: every file in the new site, checked before it replaces the old.

Only files that someone claimed before writing (claims.py) may be there, and
every page is read again as written (model/shipped_page.py). The build
command calls this on the fresh folder; a finding keeps the last good site."""

from __future__ import annotations

import os

from ..model.messages import say
from ..model.report import Problem
from ..model.shipped_page import Allowed, page_findings
from .claims import CLAIMS, Claims, unclaimed_files


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
    )


def shipped_problems(folder: str, settings) -> list[Problem]:
    """Every file no one claimed, and every page holding what no page may hold."""
    claims = settings.get(CLAIMS)
    if not isinstance(claims, Claims):  # the plugin did not run: nothing to compare with
        return []
    problems = [
        Problem(path, "file", say("output-unclaimed", path=path), code="output-unclaimed")
        for path in unclaimed_files(folder, claims)
    ]
    allowed = allowed_in_pages(settings)
    for directory, _, names in os.walk(folder):
        for name in sorted(names):
            if not name.endswith(".html"):
                continue
            path = os.path.join(directory, name)
            with open(path, encoding="utf-8", errors="replace") as page:
                html = page.read()
            findings = page_findings(html, allowed)
            shown = os.path.relpath(path, folder)
            problems += [
                Problem(
                    shown,
                    "file",
                    say("output-page-unsafe", path=shown, what=what),
                    code="output-page-unsafe",
                )
                for what in findings
            ]
    return problems
