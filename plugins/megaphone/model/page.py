"""What one campaign page shows, beyond the campaign itself: its addresses,
its share links and its plain summary. Built once per page, by a pure
function, and attached to Pelican's article for the templates."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from .campaign import Campaign
from .share import share_links


@dataclass(frozen=True)
class CampaignPage:
    campaign: Campaign
    url: str  # absolute: the canonical link, share links, QR code, sitemap
    path: str  # relative to the site, a folder: "park/" or "es/park/"
    summary: str  # plain text, for meta tags and the share text
    share_links: dict[str, str]
    share_image_url: str  # absolute, or "" without an Image

    @property
    def reminder_path(self) -> str:
        return f"{self.path}remind.ics"

    @property
    def flyer_path(self) -> str:
        return f"{self.path}flyer/"


def campaign_page(
    campaign: Campaign, *, base: str, path: str, title: str, summary_html: str = "", image: str = ""
) -> CampaignPage:
    """`base` is the site's public address without a trailing slash."""
    url = f"{base}/{path}"
    image = image.strip().lstrip("/")
    return CampaignPage(
        campaign=campaign,
        url=url,
        path=path,
        summary=Markup(summary_html).striptags() if summary_html else "",
        share_links=share_links(url, title),
        share_image_url=f"{base}/{image}" if image else "",
    )
