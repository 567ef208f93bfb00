"""What one campaign page shows, beyond the campaign itself: its addresses,
its share links and its plain summary. Built once per page, by a pure
function, and attached to Pelican's article for the templates."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from markupsafe import Markup

from .campaign import Campaign, for_target
from .share import share_links
from .targets import Target


@dataclass(frozen=True)
class CampaignPage:
    campaign: Campaign
    url: str  # absolute: the canonical link, share links, QR code, sitemap
    path: str  # relative to the site, a folder: "park/" or "es/park/"
    summary: str  # plain text, for meta tags and the share text
    share_links: dict[str, str]
    share_image_url: str  # absolute, or "" without an Image
    home: str = ""  # on a target's page: the campaign page's folder, else ""
    target_pages: tuple[TargetPage, ...] = ()  # on the campaign page: one per target

    @property
    def description(self) -> str:
        """What the page says of itself to search engines and link previews: its Summary,
        else the start of its explanation (the summary-missing warning asks for one)."""
        return self.summary or first_words(self.campaign.explanation)

    @property
    def campaign_path(self) -> str:
        """The campaign page's folder: its reminder, flyer and share links are the campaign's."""
        return self.home or self.path

    @property
    def reminder_path(self) -> str:
        return f"{self.campaign_path}remind.ics"

    @property
    def flyer_path(self) -> str:
        return f"{self.campaign_path}flyer/"

    def pages_of(self, list_name: str) -> tuple[TargetPage, ...]:
        return tuple(p for p in self.target_pages if p.list_name == list_name)


@dataclass(frozen=True)
class TargetPage:
    """One representative's own send page, `/<slug>/to/<area>/`."""

    list_name: str
    target: Target
    page: CampaignPage

    @property
    def path(self) -> str:
        return self.page.path


DESCRIPTION_MOST = 200  # characters: what search results show, and a little more
_PARAGRAPH_END = re.compile(r"</p\s*>", re.I)


def first_words(explanation_html: str) -> str:
    """The explanation's first paragraph as plain text, cut at a word within
    DESCRIPTION_MOST characters ("…" where it is cut)."""
    for paragraph in _PARAGRAPH_END.split(explanation_html):
        text = " ".join(Markup(paragraph).striptags().split())
        if text:
            break
    else:
        return ""
    if len(text) <= DESCRIPTION_MOST:
        return text
    cut = text[: DESCRIPTION_MOST - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(",;:") + "…"


def campaign_page(
    campaign: Campaign, *, base: str, path: str, title: str, summary_html: str = "", image: str = ""
) -> CampaignPage:
    """`base` is the site's public address without a trailing slash."""
    url = f"{base}/{path}"
    image = image.strip().lstrip("/")
    main = CampaignPage(
        campaign=campaign,
        url=url,
        path=path,
        summary=Markup(summary_html).striptags() if summary_html else "",
        share_links=share_links(url, title),
        share_image_url=f"{base}/{image}" if image else "",
    )
    if not campaign.targets:
        return main
    pages = tuple(
        TargetPage(
            target_list.name,
            target,
            replace(
                main,
                campaign=for_target(campaign, target_list, target),
                url=f"{url}{folder}",
                path=f"{path}{folder}",
                home=path,
            ),
        )
        for target_list, target, folder in campaign.target_pages
    )
    return replace(main, target_pages=pages)
