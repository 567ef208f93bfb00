"""The volunteers' guide explains every message the checks can produce."""

import re

from pelican.plugins.megaphone.model.messages import PROBLEMS, WARNINGS
from settings_under_test import ROOT

DOCS = ROOT / "docs"


def test_every_problem_and_warning_has_its_own_entry_in_the_guide():
    guide = (DOCS / "errors.md").read_text("utf-8")
    entries = set(re.findall(r"^#### `([a-z0-9-]+)`$", guide, re.M))
    assert entries == set(PROBLEMS) | set(WARNINGS)
    errors, warnings = guide.split("## Warnings")
    assert all(f"`{code}`" in errors for code in PROBLEMS)
    assert all(f"`{code}`" in warnings for code in WARNINGS)


def test_the_catalogue_is_exactly_what_the_code_can_report():
    """Each code the checks raise is in the catalogue, and each entry is raised somewhere."""
    source = "\n".join(p.read_text("utf-8") for p in (ROOT / "plugins" / "megaphone").rglob("*.py"))
    code = r'"([a-z0-9]+(?:-[a-z0-9]+)+)"'
    # say("code", ...), problem("Field", "code", ...), problem(name, "code"), SomeError("code")
    used = set(
        re.findall(r'(?:say|problem|Error)\(\s*(?:(?:"[A-Za-z]+"|[a-z_]+),\s*){0,2}' + code, source)
    )
    # code = "one" if ... else "other"
    used |= {
        c for pair in re.findall(r"code = " + code + " if .* else " + code, source) for c in pair
    }
    used |= {f"{prop}-missing" for prop in ("title", "date")}  # Pelican's own "could not find" log
    assert used == set(PROBLEMS) | set(WARNINGS)


def test_the_guide_links_resolve():
    for page in DOCS.glob("*.md"):
        for target in re.findall(r"\]\(([^)#:]+\.md)", page.read_text("utf-8")):
            assert (DOCS / target).is_file(), (page.name, target)
    readme = (ROOT / "README.md").read_text("utf-8")
    assert "docs/README.md" in readme


def test_the_guide_documents_every_field_the_plugin_reads():
    guide = (DOCS / "writing-a-campaign.md").read_text("utf-8")
    for field in (
        "Title",
        "Slug",
        "Date",
        "Status",
        "Summary",
        "Image",
        "To",
        "Cc",
        "Bcc",
        "Subject",
        "Subjects",
        "Deadline",
        "Timezone",
        "Lang",
    ):
        assert f"| `{field}` |" in guide, field
