"""Issue 22: representatives' titles in a translation's own words (`Titles`): the list
says "Senator" once; the Spanish page says "Senador", in [Target title], the list's
heading, each representative's page and the finder's data."""

from __future__ import annotations

import csv
import json
import shutil

import pytest

from helpers import ROOT, build, campaign_md, render, soup
from pelican.plugins.megaphone.commands.pelican_run import run_pelican
from pelican.plugins.megaphone.model.campaign import read_campaign
from pelican.plugins.megaphone.model.messages import ContentError
from pelican.plugins.megaphone.model.targets import Target, TargetList
from pelican.plugins.megaphone.model.titles import parse_titles
from settings_under_test import CONF

LIST = ROOT / "tests" / "fixtures" / "targets" / "ny-senate.csv"
LETTER_EN = "Dear [Target title] [Target name],\n\nPlease support S79.\n\n[Your name]"
LETTER_ES = "Estimado/a [Target title] [Target name]:\n\nApoye la S79.\n\n[Su nombre]"
LISTS = (
    TargetList(
        "ny-senate",
        (
            Target("1", "Tony Palumbo", "Senator", ("palumbo@nysenate.gov",)),
            Target("2", "Ana Díaz", "Assembly Member", ("diaz@nyassembly.gov",)),
        ),
    ),
)


def first_row() -> dict[str, str]:
    with open(LIST, encoding="utf-8", newline="") as source:
        return next(csv.DictReader(source))


def site(tmp_path, titles: str | None = "Senator = Senador"):
    content = tmp_path / "content"
    (content / "campaigns").mkdir(parents=True)
    (content / "targets").mkdir()
    shutil.copy(LIST, content / "targets" / "ny-senate.csv")
    english = campaign_md(slug="s79", to=None, subject="Support S79", letter=LETTER_EN)
    english = english.replace("Subject:", "Targets: ny-senate\nSubject:")
    spanish = campaign_md(slug="s79", to=None, subject="Apoye la S79", letter=LETTER_ES)
    extra = "Targets: ny-senate\n" + (f"Titles: {titles}\n" if titles is not None else "")
    spanish = spanish.replace("Subject:", "Lang: es\n" + extra + "Subject:")
    (content / "campaigns" / "s79.md").write_text(english, "utf-8")
    (content / "campaigns" / "s79.es.md").write_text(spanish, "utf-8")
    return content


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("titles")
    return build(site(root), root / "out", today="2021-01-01")


def test_the_spanish_letter_says_the_spanish_title(built):
    row = first_row()
    page = soup(built / "es" / "s79" / "to" / row["area"] / "index.html")
    letter = page.find("pre", class_="letter-body").get_text()
    assert letter.startswith(f"Estimado/a Senador {row['name']}:")
    assert f"Senador {row['name']}" in page.find("h2", id="target-heading").get_text()
    assert "Senator" not in page.get_text()


def test_the_english_pages_keep_the_lists_title(built):
    row = first_row()
    page = soup(built / "s79" / "to" / row["area"] / "index.html")
    assert (
        page.find("pre", class_="letter-body").get_text().startswith(f"Dear Senator {row['name']},")
    )


def test_the_spanish_list_and_the_finders_data_say_the_spanish_title(built):
    page = soup(built / "es" / "s79" / "index.html")
    assert "Senador" in page.find("h3", id="targets-ny-senate").get_text()
    data = json.loads((built / "es" / "s79" / "targets" / "data.json").read_text("utf-8"))
    assert {target[2] for target in data["lists"][0]["targets"]} == {"Senador"}
    english = json.loads((built / "s79" / "targets" / "data.json").read_text("utf-8"))
    assert {target[2] for target in english["lists"][0]["targets"]} == {"Senator"}


def test_a_translation_without_titles_is_warned_at_its_lang_line(tmp_path):
    content = site(tmp_path, titles=None)
    outcome = run_pelican(str(CONF), {"PATH": str(content), "OUTPUT_PATH": str(tmp_path / "o")})
    assert outcome.ok
    said = [str(w) for w in outcome.warnings if "[titles-untranslated]" in str(w)]
    assert len(said) == 1, said
    assert "s79.es.md:4: [titles-untranslated] Titles: this translation into es" in said[0]
    assert "'Titles: Senator = ...'" in said[0]


def refused(text: str) -> ContentError:
    with pytest.raises(ContentError) as error:
        parse_titles(text, LISTS)
    return error.value


def test_titles_are_read_in_any_case_and_spacing_several_with_a_bar():
    assert parse_titles("senator=Senador |  Assembly   Member = Asambleísta", LISTS) == {
        "Senator": "Senador",
        "Assembly Member": "Asambleísta",
    }


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Senador", "titles-syntax"),
        ("= Senador", "titles-syntax"),
        ("Senatro = Senador", "titles-unknown"),
        ("Senator = Senador | senator = Senadora", "titles-repeated"),
        ("Senator =", "titles-empty"),
        ("Senator = [Target name]", "titles-own-words"),
        ("Senator = " + "S" * 81, "titles-own-words"),
        ("Senator = Sena\u200bdor", "invisible-characters"),
    ],
)
def test_a_wrong_titles_line_is_refused_with_its_code(text, code):
    assert refused(text).code == code


def test_an_unknown_title_names_the_titles_the_lists_give():
    assert "which give 'Senator', 'Assembly Member'" in str(refused("Senatro = Senador"))


def test_titles_without_targets_is_a_problem_at_the_field():
    text = campaign_md(slug="park", fields={"Titles": "Senator = Senador"})
    head, rest = text.split("\n\n", 1)
    fields = (line.split(":", 1) for line in head.splitlines())
    metadata = {key.strip().lower(): value.strip() for key, value in fields}
    reading = read_campaign(
        file="park.md",
        metadata=metadata,
        html=render(rest),
        default_timezone="America/New_York",
        today=None,
    )
    assert [(p.field, p.code) for p in reading.problems] == [("Titles", "titles-without-targets")]


def test_a_long_translated_title_that_pushes_the_letter_out_of_the_links_is_said():
    """An attacker's review: the budget was checked with the blanks empty, so 80 ñ in
    a title took the letter out of every representative's link, with no warning."""
    letter = (
        "Estimado/a [Target title] [Target name]:\n\n"
        + "Apoye la S79. " * 50
        + "\n\nGracias, [Target title]. Un saludo a su oficina, [Target title]."
    )
    text = campaign_md(slug="s79", to=None, subject="Apoye la S79", letter=letter)
    head, rest = text.split("\n\n", 1)
    fields = (line.split(":", 1) for line in head.splitlines())
    metadata = {key.strip().lower(): value.strip() for key, value in fields}
    metadata["targets"] = "ny-senate"

    def warned(title: str) -> bool:
        reading = read_campaign(
            file="s79.es.md",
            metadata={**metadata, "titles": f"Senator = {title}"},
            html=render(rest),
            default_timezone="America/New_York",
            today=None,
            target_lists={LISTS[0].name: LISTS[0]},
        )
        assert not reading.problems, reading.problems
        return any("[link-over-budget]" in str(w) for w in reading.warnings)

    assert not warned("Senador")
    assert warned("ñ" * 80)


CASES = (
    TargetList(
        "ny-senate",
        (
            Target("1", "Tony Palumbo", "Senator", ("palumbo@nysenate.gov",)),
            Target("2", "Mario Mattera", "SENATOR", ("mattera@nysenate.gov",)),
            Target("3", "Dean Murray", "Assembly  Member", ("murray@nyassembly.gov",)),
        ),
    ),
)


def test_a_title_is_one_however_the_list_capitalises_or_spaces_it():
    """An attacker's review: with `Senator` and `SENATOR` in a list, only one was
    translated, and naming both was refused as a repeat."""
    assert parse_titles("Senator = Senador | assembly member = Asambleísta", CASES) == {
        "Senator": "Senador",
        "SENATOR": "Senador",
        "Assembly  Member": "Asambleísta",
    }
    with pytest.raises(ContentError) as error:
        parse_titles("Senator = A | SENATOR = B", CASES)
    assert error.value.code == "titles-repeated"


@pytest.mark.parametrize("text", ["|", " | | "])
def test_a_titles_line_of_nothing_is_refused(text):
    with pytest.raises(ContentError) as error:
        parse_titles(text, LISTS)
    assert error.value.code == "titles-syntax"


def _warnings(tmp_path, spanish_titles: str | None, lang: str = "es") -> list[str]:
    content = site(tmp_path, titles=spanish_titles)
    if lang != "es":
        path = content / "campaigns" / "s79.es.md"
        path.write_text(path.read_text("utf-8").replace("Lang: es", f"Lang: {lang}"), "utf-8")
    outcome = run_pelican(str(CONF), {"PATH": str(content), "OUTPUT_PATH": str(tmp_path / "o")})
    assert outcome.ok
    return [str(w) for w in outcome.warnings if "[titles-untranslated]" in str(w)]


def test_a_titles_line_that_leaves_a_title_out_is_warned_for_it(tmp_path):
    shutil.copy(LIST, tmp_path / "list.csv")
    rows = (tmp_path / "list.csv").read_text("utf-8").splitlines()
    # The list's second row is an Assembly Member: one title the Spanish file leaves out.
    rows[2] = rows[2].replace(",Senator,", ",Assembly Member,")
    content = site(tmp_path, titles="Senator = Senador")
    (content / "targets" / "ny-senate.csv").write_text("\n".join(rows) + "\n", "utf-8")
    outcome = run_pelican(str(CONF), {"PATH": str(content), "OUTPUT_PATH": str(tmp_path / "o")})
    said = [str(w) for w in outcome.warnings if "[titles-untranslated]" in str(w)]
    assert len(said) == 1 and "('Assembly Member')" in said[0] and "'Senator'" not in said[0]


def test_a_translation_into_the_same_language_is_not_warned(tmp_path):
    assert _warnings(tmp_path, None, lang="en-gb") == []


def test_titles_for_lists_that_give_none_names_that():
    untitled = (TargetList("ny-senate", (Target("1", "Tony Palumbo", "", ("p@nysenate.gov",)),)),)
    with pytest.raises(ContentError) as error:
        parse_titles("Senator = Senador", untitled)
    assert error.value.code == "titles-unknown" and "which give no titles" in str(error.value)
