"""No built page makes a request to any other host."""

import re
from urllib.parse import urljoin, urlsplit

from helpers import campaign_md, soup

PAGE_URL = "https://campaign.example/some/page/"
# Attributes a browser fetches by itself, without a click.
FETCHED = {
    "script": ["src"],
    "img": ["src", "srcset"],
    "iframe": ["src"],
    "frame": ["src"],
    "embed": ["src"],
    "object": ["data"],
    "source": ["src", "srcset"],
    "audio": ["src"],
    "video": ["src", "poster"],
    "track": ["src"],
    "input": ["src"],
    "image": ["href", "xlink:href"],
    "use": ["href", "xlink:href"],
}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)|@import\s+['"]([^'"]+)""")


def other_host(url: str) -> bool:
    url = url.strip().split()[0] if url.strip() else url
    return urlsplit(urljoin(PAGE_URL, url)).netloc not in ("campaign.example", "")


def fetched_urls(page):
    for tag, attributes in FETCHED.items():
        for element in page.find_all(tag):
            for attribute in attributes:
                for candidate in (element.get(attribute) or "").split(","):
                    if candidate.strip():
                        yield f"<{tag} {attribute}>", candidate
    for link in page.find_all("link", href=True):  # stylesheets, icons, preloads, fonts
        if set(link.get("rel", [])) & {
            "stylesheet",
            "icon",
            "preload",
            "prefetch",
            "preconnect",
            "dns-prefetch",
            "modulepreload",
            "manifest",
        }:
            yield f"<link rel={link['rel']}>", link["href"]
    for meta in page.find_all("meta", attrs={"http-equiv": re.compile("refresh", re.I)}):
        yield "<meta refresh>", meta.get("content", "").partition("url=")[2]
    for style in page.find_all(style=True):
        for match in CSS_URL.finditer(style["style"]):
            yield "style attribute", match.group(1) or match.group(2)
    for style in page.find_all("style"):
        for match in CSS_URL.finditer(style.get_text()):
            yield "<style>", match.group(1) or match.group(2)


def test_no_page_or_stylesheet_fetches_from_another_host(site):
    out = site(
        {"a.md": campaign_md(slug="a"), "b.md": campaign_md(slug="b", deadline="2020-01-01")},
        today="2021-01-01",
    )
    pages = list(out.rglob("*.html"))
    assert len(pages) == 5  # home, two campaigns, the open one's flyer, the archive of closed ones
    offenders = [
        (p.name, where, url)
        for p in pages
        for where, url in fetched_urls(soup(p))
        if other_host(url)
    ]
    assert offenders == []
    assert all(soup(p).find("style") for p in pages)  # so the <style> check above did run
    # The theme's stylesheet is inlined (checked above as <style>); any other is checked here.
    for css in out.rglob("*.css"):
        urls = [m.group(1) or m.group(2) for m in CSS_URL.finditer(css.read_text("utf-8"))]
        assert not [u for u in urls if other_host(u)], css


def test_the_check_itself_catches_a_third_party_request():
    page = soup_of(
        '<link rel="stylesheet" href="https://cdn.example/x.css">'
        '<img src="//tracker.example/p.gif"><div style="background:url(http://x.example/a.png)">'
    )
    assert len([u for _, u in fetched_urls(page) if other_host(u)]) == 3


def test_send_links_to_webmail_keep_no_referrer(site):
    out = site({"a.md": campaign_md(slug="a")}, today="2021-01-01")
    page = soup(out / "a" / "index.html")
    offsite = [a for a in page.find_all("a", href=True) if a["href"].startswith("https://")]
    assert len(offsite) >= 4 and all("noreferrer" in a.get("rel", []) for a in offsite)
    assert page.find("meta", attrs={"name": "referrer"})["content"] == "no-referrer"


def soup_of(html):
    from bs4 import BeautifulSoup

    return BeautifulSoup(html, "html.parser")
