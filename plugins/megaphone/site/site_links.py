"""Pelican's links to other files of the site, `{static}` and `{filename}`, in a
campaign's explanation and Summary: each one checked, then written as a real
address, escaped where it is written.

Pelican replaces these links itself, after every check, and writes the address
back into the attribute as it is: a picture named `x"><meta http-equiv=refresh
...>.png` put markup on the page. Here the page never goes through Pelican's
replacement: each link is resolved against what Pelican read, and the address
is HTML-escaped into the attribute. A link that points to nothing, to a draft
from a published page, or that asks Pelican to move a file (`{attach}`) is a
problem, in `make check` and `make html` alike.
"""

from __future__ import annotations

import os
import posixpath
import re
from dataclasses import dataclass
from html import escape, unescape
from urllib.parse import unquote, urljoin, urlsplit, urlunsplit

from ..model.messages import say
from ..model.report import Problem
from ..model.safe_html import line_of
from .contents import shown_path, url_of

# {static} for a picture in content/images/, {filename} for another campaign.
# {attach} would move the file beside this page (and so away from the pages that
# link to it); {tag}, {category}, {author} and {index} are pages this site has not.
KINDS = ("static", "filename")


@dataclass(frozen=True)
class SiteLink:
    what: str  # static, filename, attach...
    value: str  # what follows the marker: /images/park.png#top
    written: str  # the whole address as written: {static}/images/park.png#top
    span: tuple[int, int]  # of `written` in the HTML


def _pattern(settings) -> re.Pattern:
    """The attributes Pelican replaces links in, with the site's marker syntax."""
    marker = settings.get("INTRASITE_LINK_REGEX") or "[{|](?P<what>.*?)[|}]"
    return re.compile(
        rf"""<[^>]+(?:href|src|poster|data|cite|formaction|action|content)\s*=\s*
        (?P<quote>["'])(?P<path>{marker}(?P<value>.*?))(?P=quote)""",
        re.X,
    )


def site_links(html: str, settings) -> list[SiteLink]:
    return [
        SiteLink(m["what"], m["value"], m["path"], m.span("path"))
        for m in _pattern(settings).finditer(html or "")
    ]


def _candidates(value: str, folder: str) -> list[str]:
    """The source paths a link may mean, as Pelican tries them: as written,
    percent-decoded, HTML-unescaped; from content/ (leading /) or from the page's folder."""
    found = []
    written = urlsplit(value).path
    for path in (written, unquote(written), urlsplit(unescape(value)).path):
        if path.startswith("/"):
            path = path[1:]
        else:
            path = posixpath.normpath(posixpath.join(folder, path))
        if path not in found:
            found.append(path)
    return found


def linked_item(link: SiteLink, article, context):
    """What the link points to among the files Pelican read, or None."""
    key = "static_content" if link.what == "static" else "generated_content"
    folder = posixpath.dirname(
        os.path.relpath(article.source_path, context["PATH"]).replace(os.sep, "/")
    )
    for path in _candidates(link.value, folder):
        item = context.get(key, {}).get(path)
        # Pelican makes a static file of any {static} link, whether the file is there or not.
        if item is not None and os.path.isfile(os.path.join(context["PATH"], path)):
            return item
    return None


def _address(item, link: SiteLink, settings, siteurl: str) -> str:
    """The linked file's address, with the link's own query and fragment kept."""
    if settings.get("RELATIVE_URLS"):
        base = os.path.join(siteurl, url_of(item)).replace("\\", "/")
    else:
        base = urljoin(siteurl if siteurl.endswith("/") else siteurl + "/", url_of(item))
    parts = urlsplit(unescape(link.value))  # as the page's HTML wrote it: &amp; is &
    return urlunsplit(("", "", base, parts.query, parts.fragment))


def site_link_problems(
    html: str, article, context, *, file: str, source: str, field: str
) -> list[Problem]:
    """Every link in `html` that cannot be made a real address on the published site."""
    problems = []
    for link in site_links(html, context):
        line = line_of(source, link.written, link.value)

        def problem(code: str, written: str = link.written, at=line, **values) -> Problem:
            return Problem(file, field, say(code, link=written, **values), at, code)

        found = _refusal(link, article, context, problem)
        if found is not None:
            problems.append(found)
    return problems


def _refusal(link: SiteLink, article, context, problem) -> Problem | None:
    if link.what not in KINDS:
        return problem("site-link-kind", kind=link.what)
    item = linked_item(link, article, context)
    if item is None:
        return problem("site-link-missing")
    if _is_draft(item) and not _is_draft(article):
        return problem("site-link-draft", other=shown_path(getattr(item, "source_path", "")))
    return None


def _is_draft(item) -> bool:
    return getattr(item, "status", "") == "draft"


def resolve_links(html: str, article, context, siteurl: str) -> str:
    """`html` with each link written as the real address, HTML-escaped. A link that
    cannot be resolved is left as written (site_link_problems has stopped the build)."""
    links = site_links(html, context)
    if not links:
        return html
    pieces, done = [], 0
    for link in links:
        item = linked_item(link, article, context) if link.what in KINDS else None
        if item is None:
            continue
        start, end = link.span
        pieces += [html[done:start], escape(_address(item, link, context, siteurl), quote=True)]
        done = end
    return "".join(pieces) + html[done:]
