"""Many campaigns: the home page, the feed and drafts, as of a fixed build date."""

from xml.etree import ElementTree

import pytest

from helpers import build, campaign_md, soup, write_site

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


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    """FILES built once as of 2021-03-01; the tests below only read it."""
    root = tmp_path_factory.mktemp("home")
    return build(write_site(root, FILES), root / "output", "2021-03-01")


def section(page, name):
    return page.find("section", attrs={"aria-labelledby": f"{name}-heading"})


def test_open_first_soonest_first_then_closed_most_recent_first(home):
    page = soup(home / "index.html")
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


def test_drafts_are_previewed_but_not_listed_or_fed(home):
    out = home
    assert "Draft" not in soup(out / "index.html").get_text()
    draft = soup(out / "drafts" / "draft" / "index.html")
    assert "Draft preview" in draft.find(class_="draft-banner").get_text()
    assert draft.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    feed = ElementTree.parse(out / "feeds" / "campaigns.atom.xml")
    titles = [e.text for e in feed.iter("{http://www.w3.org/2005/Atom}title")][1:]
    assert sorted(titles) == ["Later", "Old", "Recent", "Soon", "Today"]


def test_the_feed_is_linked_from_every_page(home):
    out = home
    for path in (out / "index.html", out / "soon" / "index.html"):
        link = soup(path).find("link", rel="alternate", type="application/atom+xml")
        assert link["href"] == "/feeds/campaigns.atom.xml"


def test_the_home_page_shows_the_most_recent_closed_and_links_to_the_archive(site):
    files = {
        f"c{i}.md": campaign_md(slug=f"c{i}", title=f"Closed {i}", deadline=f"2020-06-{10 + i}")
        for i in range(7)
    }
    out = site(files, today="2021-03-01")
    closed = section(soup(out / "index.html"), "closed")
    # Most recent first, five of them (MEGAPHONE_HOME_CLOSED), then the way to all seven.
    assert [li.a.get_text() for li in closed.select("li")] == [
        "Closed 6",
        "Closed 5",
        "Closed 4",
        "Closed 3",
        "Closed 2",
    ]
    archive = closed.find("a", string="All 7 closed campaigns, in the archive")
    assert archive["href"] == "/closed/"


ARCHIVE = {  # 120 closed (three pages of 50, 50, 20), and one open
    **{
        f"c{i:03d}.md": campaign_md(
            slug=f"c{i:03d}",
            title=f"Closed {i:03d}",
            deadline=f"{2020 - i // 12}-{12 - i % 12:02d}-15",
        )
        for i in range(120)
    },
    "open.md": campaign_md(slug="open", title="Open", deadline="2021-03-20"),
}


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """ARCHIVE built once as of 2021-03-01; the tests below only read it."""
    root = tmp_path_factory.mktemp("archive")
    return build(write_site(root, ARCHIVE), root / "output", "2021-03-01")


def test_the_archive_lists_every_closed_campaign_most_recent_first_page_by_page(archive):
    out = archive
    pages = [out / "closed" / "index.html", out / "closed" / "2" / "index.html"]
    pages.append(out / "closed" / "3" / "index.html")
    assert not (out / "closed" / "4").exists()
    listed = []
    for path in pages:
        page = soup(path)
        items = page.find("main").select(".campaign-list li")
        listed += [li.a.get_text() for li in items]
    assert [len(soup(p).find("main").select(".campaign-list li")) for p in pages] == [50, 50, 20]
    # Most recent deadline first: c000 closed in December 2020, c119 in 2011.
    assert listed == [f"Closed {i:03d}" for i in range(120)]
    assert "Open" not in listed


def test_the_archive_pages_link_to_each_other(archive):
    out = archive

    def nav(path):
        found = soup(path).find("nav", attrs={"aria-label": "Pages of closed campaigns"})
        return {a["rel"][0]: a["href"] for a in found.find_all("a")}, found.get_text(" ", True)

    first, words = nav(out / "closed" / "index.html")
    assert first == {"next": "/closed/2/"} and "Page 1 of 3" in words
    middle, words = nav(out / "closed" / "2" / "index.html")
    assert middle == {"prev": "/closed/", "next": "/closed/3/"} and "Page 2 of 3" in words
    last, _ = nav(out / "closed" / "3" / "index.html")
    assert last == {"prev": "/closed/2/"}
    assert (
        soup(out / "closed" / "2" / "index.html")
        .title.get_text()
        .startswith("Closed campaigns (page 2)")
    )
