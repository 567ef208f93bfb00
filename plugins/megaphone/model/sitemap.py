"""sitemap.xml for search engines, with each campaign's translations.

Written here rather than with pelican-sitemap, whose home-page <lastmod> is
the build's clock: two builds of the same content must be byte-identical. A site
that runs pelican-sitemap gets its sitemap instead (site/sitemaps.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr


@dataclass(frozen=True)
class Entry:
    url: str
    lastmod: str  # W3C date, e.g. 2021-01-26
    alternates: tuple[tuple[str, str], ...] = field(default=())  # (lang, url), self included


def sitemap_xml(entries: list[Entry]) -> str:
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for entry in entries:
        lines.append(f"<url><loc>{escape(entry.url)}</loc><lastmod>{entry.lastmod}</lastmod>")
        for lang, url in entry.alternates:
            lines.append(
                f'  <xhtml:link rel="alternate" hreflang={quoteattr(lang)} href={quoteattr(url)}/>'
            )
        lines.append("</url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"
