"""Publishing settings: `make publish`. Absolute URLs and feeds."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

SITEURL = os.environ["SITEURL"].rstrip("/")  # `make publish` asks for it
MEGAPHONE_SITEURL = SITEURL
RELATIVE_URLS = False
FEED_DOMAIN = SITEURL
DELETE_OUTPUT_DIRECTORY = True

# Drafts are for previewing (`make html`, `make devserver`): a published site has
# none, not even at /drafts/. They are still checked, so a broken draft is said.
DRAFT_SAVE_AS = DRAFT_LANG_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = DRAFT_PAGE_LANG_SAVE_AS = ""

# For the host: a sitemap, and a .gz and .br copy of every text file so that
# the server sends them without compressing on each request.
PLUGINS = PLUGINS + ["pelican.plugins.precompress"]  # noqa: F405
MEGAPHONE_SITEMAP = True  # sitemap.xml, and its address in robots.txt
PRECOMPRESS_GZIP = True
PRECOMPRESS_BROTLI = True
PRECOMPRESS_ZOPFLI = False
PRECOMPRESS_TEXT_EXTENSIONS = {
    ".atom",
    ".css",
    ".html",
    ".ics",
    ".js",
    ".json",
    ".svg",
    ".txt",
    ".xml",
}
