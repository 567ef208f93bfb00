"""One declaration of the campaign file's fields (model/schema.py), used everywhere."""

import re

from pelican.plugins.megaphone.model import header, schema, translation
from pelican.plugins.megaphone.model.template import TEMPLATE
from settings_under_test import ROOT

GUIDE = (ROOT / "docs" / "writing-a-campaign.md").read_text("utf-8")


def guide_rows() -> dict[str, str]:
    """Field -> its example, from the guide's table of fields."""
    rows = re.findall(r"^\| `([A-Za-z]+)` \| [^|]+ \| `((?:[^`])*)` \|", GUIDE, re.M)
    return dict(rows)


def test_every_field_with_an_example_has_its_row_in_the_guide_with_that_example():
    rows = guide_rows()
    for field in schema.FIELDS:
        if field.example:
            assert rows.get(field.name) == f"{field.name}: {field.example}", field.name
    assert set(rows) <= {f.name for f in schema.FIELDS}  # and no row for a field it lacks


def test_the_header_checks_know_exactly_the_schema_fields():
    assert set(header.KNOWN_FIELDS) == {f.key for f in schema.FIELDS}
    assert set(header.SINGLE_VALUED) == {f.key for f in schema.FIELDS if f.single}


def test_a_translation_shares_exactly_what_the_schema_says_it_must():
    assert set(translation.SAME_AS_ORIGINAL) == {
        f.name for f in schema.FIELDS if f.same_as_original
    }


def test_make_campaign_writes_only_schema_fields_and_notes_each_it_explains():
    text = TEMPLATE.format(
        title="T", slug="t", today="2021-01-01", deadline="2021-02-01", timezone="America/New_York"
    )
    head = text.split("\n\n", 1)[0]
    keys = [line.split(":", 1)[0] for line in head.splitlines()]
    assert keys and all(key.lower() in schema.BY_KEY for key in keys)
    for field in schema.FIELDS:
        if field.note:
            assert f"  {field.name:<9} {field.note.format(slug='t')}" in text, field.name
