"""Development settings: `make html` and `make devserver` use these.

Every MEGAPHONE_ setting has a default in the plugin (plugins/megaphone/site/settings.py),
so a site sets only what it changes; the ones set here are this site's choices. The
names used before (CAMPAIGN_TIMEZONE, MAILTO_BUDGET, CANONICAL_SITEURL...) still work."""

import os

SITENAME = "Megaphone"
SITEURL = ""
# The site's public address, for share links, the QR code, the canonical URL
# and the calendar reminder (SITEURL stays "" so previews work anywhere).
MEGAPHONE_SITEURL = "http://localhost:8000"
AUTHOR = "Megaphone volunteers"
PATH = "content"
THEME = "theme"
DEFAULT_LANG = "en"
TIMEZONE = "America/New_York"

# --- Campaigns -------------------------------------------------------------
# The plugin is the package pelican-megaphone (plugins/megaphone/), found by name.
PLUGINS = ["megaphone"]
# This site is only campaigns, so the whole of it is held to a campaign site's rules:
# every article is a campaign, only pictures are published from content/, pages are
# refused, and nothing ships that the build did not claim. A site that adds the plugin
# to an existing blog leaves this out (False): its campaigns are the Markdown files in
# MEGAPHONE_CAMPAIGN_PATHS (["campaigns"]), and the rest of the site is Pelican's.
MEGAPHONE_STRICT = True
ARTICLE_PATHS = ["campaigns"]  # every file in content/campaigns/ is a campaign
# A campaign site has no other pages: a file in content/pages/ stops the build with a
# message (page-not-campaign), since a page would get none of a campaign's checks.
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images"]  # pictures for campaigns go in content/images/
IGNORE_FILES = [".#*", ".gitkeep"]
# Campaigns and pages are Markdown only. Pelican's reStructuredText and HTML
# readers are off: reStructuredText can include files from outside content/,
# and an .html file would skip Markdown. `make check` names any file not read.
READERS = {"rst": None, "html": None, "htm": None}
# A campaign whose file has no Timezone line uses this one (an IANA name;
# the plugin's default is TIMEZONE, else UTC).
MEGAPHONE_TIMEZONE = "America/New_York"
# The postcode maps of content/targets/ are checked against the postcodes of
# MEGAPHONE_TIMEZONE's country (here the US: 5 digits, so 2134 lost its zero).
# For a map of another country, name it: MEGAPHONE_POSTCODE_COUNTRY = "AU" ("" for none).
# Build the site as of another day: CAMPAIGN_TODAY=2021-02-22 make html
MEGAPHONE_TODAY = os.environ.get("CAMPAIGN_TODAY", "")
# Header fields your own theme changes use, besides Megaphone's and Pelican's
# (any other key is reported as a misspelling): MEGAPHONE_EXTRA_FIELDS = ["Region"]
MEGAPHONE_EXTRA_FIELDS: list[str] = []
# Longest mailto: link, in characters, before the mail-app button drops the
# letter (Chrome on Windows refuses links over 2,046 characters).
MEGAPHONE_MAILTO_BUDGET = 1800

# --- Addresses: clean URLs, /<slug>/ ---------------------------------------
ARTICLE_URL = "{slug}/"
ARTICLE_SAVE_AS = "{slug}/index.html"
ARTICLE_LANG_URL = "{lang}/{slug}/"
ARTICLE_LANG_SAVE_AS = "{lang}/{slug}/index.html"
DRAFT_URL = "drafts/{slug}/"
DRAFT_SAVE_AS = "drafts/{slug}/index.html"
DRAFT_LANG_URL = "drafts/{lang}/{slug}/"
DRAFT_LANG_SAVE_AS = "drafts/{lang}/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"

# Pelican's blog pages make no sense for a campaign site.
DIRECT_TEMPLATES = ["index"]
AUTHOR_SAVE_AS = AUTHORS_SAVE_AS = ""
CATEGORY_SAVE_AS = CATEGORIES_SAVE_AS = ""
TAG_SAVE_AS = TAGS_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
DEFAULT_PAGINATION = False
# The home page lists every open campaign (soonest deadline first) and the
# few most recently closed; every closed campaign is in the archive, most
# recent first, 50 to a page (PAGINATED_TEMPLATES): /closed/, /closed/2/...
MEGAPHONE_HOME_CLOSED = 5
MEGAPHONE_CLOSED_URL = "closed/"
MEGAPHONE_CLOSED_SAVE_AS = "closed/index.html"
PAGINATED_TEMPLATES = {"index": None, "closed": 50}
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/{number}/", "{base_name}/{number}/index.html"),
)
# Pelican's draft writer needs a category even when category pages are off.
DEFAULT_METADATA = {"category": "campaigns"}

# One Atom feed of campaigns (drafts are never in it).
FEED_ALL_ATOM = "feeds/campaigns.atom.xml"
FEED_DOMAIN = MEGAPHONE_SITEURL
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

# --- Markdown: the letter block must reach the plugin untouched -------------
# No codehilite (Pygments would rewrite the letter block) and no typographic
# filters (they would change quotes and dashes in the email).
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.meta": {},
    },
    "output_format": "html5",
}
TYPOGRIFY = False

# Theme strings are translated with gettext catalogues (theme/translations/).
JINJA_ENVIRONMENT = {
    "trim_blocks": True,
    "lstrip_blocks": True,
    "autoescape": True,
    "extensions": ["jinja2.ext.i18n"],
}
# The Babel locale that formats dates for each page language.
MEGAPHONE_LOCALES = {"en": "en_GB", "es": "es"}

# Each campaign's checked model, pages, flyer and calendar file are kept in
# cache/ and reused while nothing they depend on changes, which makes a
# rebuild much faster (plugins/megaphone/site/build_cache.py). `make clean`
# clears it; False builds everything from scratch every time.
MEGAPHONE_CACHE = True
CACHE_PATH = os.environ.get("MEGAPHONE_CACHE_PATH", "cache")  # the tests keep theirs apart
