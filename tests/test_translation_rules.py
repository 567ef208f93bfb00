"""A translation is the same campaign in another language: what is sent, to whom and
until when comes from the original, and a Slug a slip away from the original's is
said, never published as a second campaign. `make html` and `make check` alike."""

import re

import pytest

from helpers import both_commands, campaign_md, write_files

SENATE = "area,name,title,email\n1,Tony Palumbo,Senator,palumbo@nysenate.gov\n"
ASSEMBLY = "area,name,title,email\n1,Fred Thiele,Member,thiele@nyassembly.gov\n"
LISTS = {"targets/ny-senate.csv": SENATE, "targets/ny-assembly.csv": ASSEMBLY}


def with_fields(text: str, *lines: str) -> str:
    """Header lines added before Date (campaign_md has no parameter for them)."""
    return text.replace("Date:", "\n".join(lines) + "\nDate:", 1)


def original(**fields) -> str:
    return campaign_md(slug="park", summary="The park.", **fields)


def spanish(*lines: str, **fields) -> str:
    """A translation of `original`: its own words, and whatever else it is given."""
    words = {
        "title": "Mantener el parque",
        "summary": "El parque.",
        "subject": "Mantengan el parque",
        "body": "Por qué importa.",
        "letter": "Estimado Concejo:\n\nMantengan el parque abierto.\n\n[Su nombre]",
    }
    return with_fields(campaign_md(**{"slug": "park", **words, **fields}), "Lang: es", *lines)


def lines_with(report: str, code: str) -> list[str]:
    return [line for line in report.splitlines() if f"[{code}]" in line]


def stopped(tmp_path, campaigns: dict, code: str, files=None) -> list[str]:
    """Both commands stop, and say the same lines with `code`: those lines."""
    content = write_files(tmp_path, campaigns, files)
    status, built, checked, report = both_commands(content, tmp_path / "output")
    assert status == 1 and checked == 1, built + report
    assert "Traceback" not in built + report
    found = lines_with(report, code)
    assert found and found == lines_with(built, code), built + report
    assert not (tmp_path / "output").exists()  # nothing was published
    return found


def built(tmp_path, campaigns: dict, files=None) -> str:
    content = write_files(tmp_path, campaigns, files)
    status, printed, checked, report = both_commands(content, tmp_path / "output")
    assert status == 0 and checked == 0, printed + report
    return printed + report


# --- What is sent, and to whom, comes from the original --------------------------

DIFFERENCES = {  # field: (the original's file, the translation's file, the line to write)
    "To": (original(), spanish(to="otro@example.org"), "write 'To: council@example.org'"),
    "Cc": (original(cc="clerk@example.org"), spanish(), "add the line 'Cc: clerk@example.org'"),
    "Bcc": (original(), spanish(bcc="spy@example.org"), "delete this line"),
    "Deadline": (original(), spanish(deadline="2030-02-28"), "write 'Deadline: 2030-01-31'"),
    "Timezone": (
        original(timezone="America/Chicago"),
        spanish(),
        "add the line 'Timezone: America/Chicago'",
    ),
    "Count": (
        with_fields(original(), "Count: tally@example.org"),
        spanish(),
        "add the line 'Count: tally@example.org'",
    ),
    "Targets": (
        with_fields(original(to=None), "Targets: ny-senate"),
        spanish("Targets: ny-assembly", to=None),
        "write 'Targets: ny-senate'",
    ),
}


@pytest.mark.parametrize("field", sorted(DIFFERENCES))
def test_a_translation_that_sends_otherwise_stops_both_commands(tmp_path, field):
    english, translation, instead = DIFFERENCES[field]
    campaigns = {"park.md": english, "park.es.md": translation}
    (line,) = stopped(tmp_path, campaigns, "translation-differs", LISTS)
    where = re.match(r"(\S+?):(\d+): \[translation-differs\] (\w+):", line)
    assert where, line
    assert where.group(1).endswith("campaigns/park.es.md") and where.group(3) == field
    # The translation's line for the field, or the Lang line when it left the field out.
    number = int(where.group(2))
    written = translation.split("\n")[number - 1]
    assert written.startswith(f"{field}:" if f"\n{field}:" in translation else "Lang:")
    assert "campaigns/park.md" in line and instead in line


def test_only_the_field_that_differs_is_named_never_the_words(tmp_path):
    """Title, Summary, Subject, the explanation and the letters are the translation's own;
    so are the names before the addresses, their order and their capitals."""
    english = original(to="Council <council@example.org>, mayor@example.org", cc="c@example.org")
    translation = spanish(
        "Targets: ny-assembly",
        to="alcalde <MAYOR@example.org>, Concejo <council@example.org>",
        cc="c@example.org",
        deadline="2030-01-31 23:59",  # the same moment as a day alone
        letters=["Hola,\n\nUna.\n\n[Su nombre]", "Buenas,\n\nOtra.\n\n[Su nombre]"],
    )
    campaigns = {"park.md": with_fields(english, "Targets: ny-senate"), "park.es.md": translation}
    (line,) = stopped(tmp_path, campaigns, "translation-differs", LISTS)
    assert " Targets: this translation has 'Targets: ny-assembly'" in line


def test_a_draft_translation_is_held_to_its_original_too(tmp_path):
    """Pelican pairs a draft only with drafts: checked by Slug, it is right when published."""
    campaigns = {
        "park.md": original(),
        "park.es.md": spanish("Status: draft", deadline="2030-03-01"),
    }
    (line,) = stopped(tmp_path, campaigns, "translation-differs")
    assert " Deadline: " in line and "'Deadline: 2030-03-01'" in line


# --- A Slug a slip away from the original's --------------------------------------


@pytest.mark.parametrize("slug", ["Park", "PARK", "prak", "parc", "parks", "park-"])
def test_a_translation_slug_close_to_the_original_says_did_you_mean(tmp_path, slug):
    campaigns = {"park.md": original(), "parque.es.md": spanish(slug=slug)}
    (line,) = stopped(tmp_path, campaigns, "translation-slug-near")
    assert re.search(r"campaigns/parque\.es\.md:2: \[translation-slug-near\] Slug: ", line), line
    assert "Did you mean 'Slug: park'" in line and "campaigns/park.md" in line


def test_a_copy_named_after_its_original_but_with_no_slug_is_said(tmp_path):
    """Without a Slug, Pelican makes one from the translated Title: a second campaign."""
    campaigns = {"park.md": original(), "park.es.md": spanish(slug=None)}
    (line,) = stopped(tmp_path, campaigns, "translation-slug-near")
    assert "'mantener-el-parque'" in line and "Did you mean 'Slug: park'" in line


def test_a_translation_left_behind_when_its_original_changes_slug_is_said(tmp_path):
    campaigns = {
        "park.md": original().replace("Slug: park", "Slug: green"),
        "park.es.md": spanish(),
    }
    (line,) = stopped(tmp_path, campaigns, "translation-slug-near")
    assert "Did you mean 'Slug: green'" in line and "campaigns/park.md" in line


def test_campaigns_that_are_really_different_are_not_taken_for_translations(tmp_path):
    """Only a file in another language with no original of its own is a slip: not two
    originals, not another ward or year, not a campaign that says it stands alone or
    sends otherwise, not a file close to an original that has this language already."""
    campaigns = {
        "park.md": original(),
        "parks.md": campaign_md(slug="parks", title="Parks"),  # two campaigns in English
        "ward-4.md": campaign_md(slug="ward-4"),
        "ward-3.es.md": spanish(slug="ward-3"),  # a Spanish-only campaign, another ward
        "vote-2025.md": campaign_md(slug="vote-2025"),
        "vote-2024.es.md": spanish(slug="vote-2024"),
        "pool.md": campaign_md(slug="pool"),
        "pool.es.md": spanish(slug="pool"),
        "pools.es.md": spanish(slug="pools"),  # pool has its Spanish already
        "parkk.es.md": spanish("Translation: false", slug="parkk"),
        # A French campaign of its own: it writes by another day (tests/test_messages.py).
        "parc.md": with_fields(campaign_md(slug="parc", deadline="2030-02-01"), "Lang: fr"),
        "Park.es.md": spanish(slug="Park"),  # the one slip
    }
    (line,) = stopped(tmp_path, campaigns, "translation-slug-near")
    assert "campaigns/Park.es.md:" in line


# --- How close is close (model/translation.py, pure) -----------------------------


@pytest.mark.parametrize(
    "one, other, distance",
    [("park", "park", 0), ("park", "prak", 1), ("park", "parks", 1), ("park", "pool", 3)],
)
def test_a_swapped_pair_of_letters_is_one_slip(one, other, distance):
    from pelican.plugins.megaphone.model.translation import edits

    assert edits(one, other) == edits(other, one) == distance


@pytest.mark.parametrize(
    "one, other, close",
    [
        ("Ban-The-Scan", "ban-the-scan", True),
        ("ban-the-scna", "ban-the-scan", True),
        ("ban-the-sca", "ban-the-scan", True),
        ("ward-3", "ward-4", False),  # another ward, another campaign
        ("vote-2024", "vote-2025", False),
        ("park", "pork-1", False),
        ("bus", "bud", False),  # one letter of three is a word of its own
        ("park", "pool", False),
    ],
)
def test_close_slugs_differ_by_case_or_a_slip_never_by_a_number(one, other, close):
    from pelican.plugins.megaphone.model.translation import close_slugs

    assert close_slugs(one, other) is close
