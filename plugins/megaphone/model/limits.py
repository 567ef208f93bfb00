"""How much one pull request may ask the build to make, in one place.

Campaign files and target lists arrive from strangers. Each number here is
far above what a real campaign needs and far below what would exhaust the
build machine or the host; each one refused names the file, the line and
its code (docs/errors.md), never a traceback.

The scale of real campaigns: the UK House of Commons has 650 members,
India's Lok Sabha 543, the New Hampshire House 400; the US national postcode
map (shared/data/us-congress-postcodes.csv) has 42,033 rows and 33,774
postcodes in 476 KB. Once, 1,000 letter versions of 128 characters each, sent
to a 300-row list, made 708 MB of pages: the limits below stop that while
still reading."""

from __future__ import annotations

# --- Target lists (content/targets/) ------------------------------------------

# Rows in one list: the largest chambers that publish email addresses have
# 650 (UK Commons) and 543 (Lok Sabha) members; 1,000 leaves room for both
# chambers of a parliament written in one list.
MAX_TARGET_ROWS = 1_000

# A list of 1,000 rows of area, name, title, email and a phone number is
# about 100 KB; 2 MB leaves twenty times that for further columns.
MAX_LIST_BYTES = 2 * 1024 * 1024

# An area map has a row per postcode and area: the US map is 476 KB, so 8 MB
# leaves room for a country with more postcodes. (The map goes to visitors in
# small files, at most a few hundred bytes each; it is never in a page.)
MAX_MAP_BYTES = 8 * 1024 * 1024

# A map of more than 2,000 postcodes is published as one small file per
# beginning (the first three characters: `100` for 10001), in every campaign
# that uses it. The US map makes 894; Canada's forward sortation areas and
# the UK's postcode districts are under 3,000. 5,000 keeps a campaign's
# files well within a host's 20,000 (Cloudflare Pages), pages included.
MAX_MAP_SHARDS = 5_000

# One cell: a name, a title, an area, a few addresses, a phone number. The
# longest real ones are under 100 characters ("Inverness, Skye and West
# Ross-shire"); a name can be filled into the letter many times over, on
# every page, so it may not be a book. Python's csv reader stops by itself at
# 131,072 characters (usually a quotation mark never closed).
MAX_CELL_CHARS = 1_000

# A list name goes into addresses (/<slug>/targets/<list>/, /<slug>/to/<list>/)
# and must be a short, safe file name on every computer.
MAX_LIST_NAME_CHARS = 60

# --- Pictures (content/images/) -----------------------------------------------

# Every picture is decoded and written again on a build that has not seen it
# (about a second for a phone's photo of 12 million pixels): a site may hold
# 2,000 pictures, of 4,000 million pixels in all (330 phone photos), so that one
# pull request cannot keep the build machine busy for an hour.
MAX_PICTURES = 2_000
MAX_SITE_PIXELS = 4_000 * 10**6

# --- One campaign -----------------------------------------------------------

# Letter versions: campaigns offer two to five ("pick the one that fits you");
# each version is written into every page again.
MAX_LETTER_VERSIONS = 20

# Characters in one letter: a page of A4 is about 3,000; an office reads the
# first screen. 20,000 is six pages.
MAX_LETTER_CHARS = 20_000

# Subject lines: `Subjects: A | B | C` offers a few; every page carries all.
MAX_SUBJECTS = 20

# Characters in one subject line. Mail apps show about 150 (the
# `subject-long` warning); 1,000 is surely a paste gone wrong.
MAX_SUBJECT_CHARS = 1_000

# Pages one campaign writes, one per representative across its lists. Hosts
# count files: Cloudflare Pages takes at most 20,000 per site, so one campaign
# may take a tenth (the UK Commons and Lords together are about 1,450).
MAX_TARGET_PAGES = 2_000

# Bytes of those pages. GitHub Pages takes sites of up to 1 GB, so a
# campaign may take a tenth. 650 representatives with five versions of a
# 3,000-character letter come to about 52 MB.
MAX_CAMPAIGN_BYTES = 100 * 1024 * 1024

# How the build estimates the bytes of a target page, measured on the
# theme's pages: a page without its letters, then each version (the send
# buttons, the copy buttons and the version's choice), then each character of
# a letter filled in for that representative (shown once, and written again
# into the links that carry it, as percent-escapes for letters beyond ASCII).
PAGE_BYTES = 20_000
VERSION_BYTES = 4_000
BYTES_PER_LETTER_CHAR = 4
# Every page also carries the explanation once, and the Summary in its meta tags
# and share links about five times.
SUMMARY_COPIES = 5

# A campaign file, as Markdown reads it. The longest real campaigns (a letter,
# its versions, a page of explanation) are under 60 KB. Python-Markdown reads
# some shapes in time that grows with the square of their length: 12 KB of
# unclosed `[` kept `make check` busy for two minutes. So a file may hold at most
# a few hundred brackets, and be at most 512 KB.
MAX_CAMPAIGN_FILE_BYTES = 512 * 1024
MAX_OPEN_BRACKETS = 600


def in_megabytes(size: int) -> str:
    """'2.0 MB', as the messages say a size."""
    return f"{size / (1024 * 1024):,.1f} MB"
