"""Many campaigns: the home page, the feed and drafts, as of a fixed build date."""

from xml.etree import ElementTree

from helpers import campaign_md, soup

FILES = {
    "later.md": campaign_md(
        slug="later", title="Later", deadline="2021-03-20", summary="Later one."
    ),
    "soon.md": campaign_md(slug="soon", title="Soon", deadline="2021-03-02"),
    "today.md": campaign_md(slug="today", title="Today", deadline="2021-03-01 18:00"),
    "old.md": campaign_md(slug="old", title="Old", deadline="2020-06-01"),
    "recent.md": campaign_md(slug="recent", title="Recent", deadline="2021-02-25"),
    "draft.md": campaign_md(slug="draft", title="Draft").replace("Date:", "Status: draft\nDate:"),
}


def section(page, name):
    return page.find("section", attrs={"aria-labelledby": f"{name}-heading"})


def test_open_first_soonest_first_then_closed_most_recent_first(site):
    page = soup(site(FILES, today="2021-03-01") / "index.html")
    open_items = section(page, "open").select("li")
    assert [li.a.get_text() for li in open_items] == ["Today", "Soon", "Later"]
    assert [li.find(class_="countdown").get_text() for li in open_items] == [
        "Closes today",
        "1 day left",
        "19 days left",
    ]
    assert "Later one." in open_items[2].get_text()
    assert "Saturday 20 March 2021" in open_items[2].find(class_="deadline").get_text()
    closed = section(page, "closed").select("li")
    assert [li.a.get_text() for li in closed] == ["Recent", "Old"]


def test_drafts_are_previewed_but_not_listed_or_fed(site):
    out = site(FILES, today="2021-03-01")
    assert "Draft" not in soup(out / "index.html").get_text()
    draft = soup(out / "drafts" / "draft" / "index.html")
    assert "Draft preview" in draft.find(class_="draft-banner").get_text()
    assert draft.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    feed = ElementTree.parse(out / "feeds" / "campaigns.atom.xml")
    titles = [e.text for e in feed.iter("{http://www.w3.org/2005/Atom}title")][1:]
    assert sorted(titles) == ["Later", "Old", "Recent", "Soon", "Today"]


def test_the_feed_is_linked_from_every_page(site):
    out = site(FILES, today="2021-03-01")
    for path in (out / "index.html", out / "soon" / "index.html"):
        link = soup(path).find("link", rel="alternate", type="application/atom+xml")
        assert link["href"] == "/feeds/campaigns.atom.xml"
