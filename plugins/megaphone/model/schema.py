"""Every field of a campaign file, declared once.

The header reader (header.py), its checks (page_checks.py, header_values.py),
what a translation must share with its original (translation.py), the file
`make campaign` writes (template.py) and the guide's table of fields
(docs/writing-a-campaign.md, checked by tests/test_schema.py) all read this
one list. A new field is one more line here, then its reader."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Field:
    name: str  # as the guide writes it; keys are read in any case
    owner: str  # "pelican": Pelican reads it too; "megaphone": only this plugin does
    single: bool = True  # one value: a second line is a mistake, not more of it
    same_as_original: bool = False  # what is sent, or to whom: a translation may not differ
    example: str = ""  # as in the guide's table: `Key: example`
    note: str = ""  # `make campaign`'s note on the field ("" when it writes none)

    @property
    def key(self) -> str:
        return self.name.lower()


FIELDS = (
    Field(
        "Title",
        "pelican",
        example="Tell the NYPD: ban facial recognition",
        note="The headline of the page.",
    ),
    Field(
        "Slug",
        "pelican",
        example="ban-the-scan-nypd",
        note="The page's address: /{slug}/. Letters, digits and dashes only.",
    ),
    Field("Date", "pelican", example="2021-01-26", note="The day the campaign starts, YYYY-MM-DD."),
    Field("Modified", "pelican"),
    Field(
        "Status",
        "pelican",
        example="draft",
        note="'draft' builds a preview at /drafts/{slug}/ only. Delete the line to publish.",
    ),
    Field(
        "Summary",
        "pelican",
        example="The NYPD is taking public comments…",
        note="One or two sentences under the headline.",
    ),
    Field("Image", "megaphone", example="images/ban-the-scan-nypd.png"),
    Field(
        "To",
        "megaphone",
        single=False,
        same_as_original=True,
        example="postact@nypd.org",
        note="Who receives the letter. Several addresses: separate them with commas.",
    ),
    Field("Targets", "megaphone", single=False, same_as_original=True, example="ny-senate"),
    # The lists' titles in this file's language (model/titles.py): a translation's own.
    Field("Titles", "megaphone", example="Senator = Senador \\| Assembly Member = Asambleísta"),
    Field(
        "Cc",
        "megaphone",
        single=False,
        same_as_original=True,
        example="council@example.org",
        note="Optional copies, written like To.",
    ),
    Field(
        "Bcc",
        "megaphone",
        single=False,
        same_as_original=True,
        example="tally@example.org",
        note="Optional hidden copies, written like To. Visitors see them on the page.",
    ),
    Field(
        "Count",
        "megaphone",
        same_as_original=True,
        example="Friends of the Park <tally@example.org>",
    ),
    Field(
        "Subject",
        "megaphone",
        example="Public comment: ban facial recognition",
        note="The email's subject line. 'Subjects: A | B | C' offers several at random.",
    ),
    Field(
        "Subjects",
        "megaphone",
        single=False,
        example="Ban the scan \\| No face scans \\| Protect our privacy",
    ),
    Field(
        "Deadline",
        "megaphone",
        same_as_original=True,
        example="2021-02-25",
        note="The last day people can send, YYYY-MM-DD (until 23:59), or YYYY-MM-DD HH:MM.",
    ),
    Field(
        "Timezone",
        "megaphone",
        same_as_original=True,
        example="America/New_York",
        note="Where the deadline is, such as America/New_York or Europe/Madrid.",
    ),
    # Public comment mode (model/comment.py)
    Field(
        "Docket",
        "megaphone",
        same_as_original=True,
        example="Facial Recognition: Impact & Use Policy",
    ),
    Field(
        "Portal",
        "megaphone",
        same_as_original=True,
        example="https://comments.example.org/EXA-2026-0001",
    ),
    Field("Limit", "megaphone", same_as_original=True, example="5000"),
    Field("Published", "megaphone", same_as_original=True, example="no"),
    # A call (model/calls.py)
    Field(
        "Call",
        "megaphone",
        same_as_original=True,
        example="Office of the Commissioner <646-610-5000>",
    ),
    Field("Action", "megaphone", example="call"),
    Field("Lang", "pelican", example="es"),
    Field("Translation", "pelican"),
    Field("Tags", "pelican", single=False),
    Field("Category", "pelican", single=False),
    Field("Author", "pelican", single=False),
    Field("Authors", "pelican", single=False),
)
# Pelican fields that would change where or how a page is written: a campaign
# is published at its Slug with the theme's template, nothing else.
REFUSED = ("save_as", "url", "template", "lang_save_as", "lang_url")

BY_KEY = {field.key: field for field in FIELDS}
BY_KEY_NAME = {field.name: field for field in FIELDS}
KNOWN = tuple(field.key for field in FIELDS)
SINGLE_VALUED = tuple(field.key for field in FIELDS if field.single)
SAME_AS_ORIGINAL = tuple(field.name for field in FIELDS if field.same_as_original)
