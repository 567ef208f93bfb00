"""Messages a person can read: one line each, errors before warnings, a repeated
warning said once by `make html`, GitHub annotations, no line from make itself,
and the theme's languages (issue 10, section 7)."""

import re
import shutil

from helpers import (
    build,
    build_as_make_does,
    campaign_md,
    make,
    make_html,
    soup,
    write_site,
)
from pelican.plugins.megaphone.commands.check import check, report_lines
from pelican.plugins.megaphone.commands.pelican_run import run_pelican
from pelican.plugins.megaphone.model.report import Problem, annotation, one_line
from settings_under_test import CONF, ROOT

FRENCH = campaign_md(
    slug="parc", deadline="2026-12-15 17:00", timezone="Europe/Paris", summary="S"
).replace("Date:", "Lang: fr\nDate:")


def test_a_problem_is_one_line_with_file_line_code_and_field():
    problem = Problem(
        "content/campaigns/park.md", "To", "'x' is not\nan address. Write one. [address-invalid]", 5
    )
    assert one_line(problem) == (
        "content/campaigns/park.md:5: [address-invalid] To: 'x' is not an address. Write one."
    )
    warning = Problem("content/campaigns/park.md", "", "has no Summary. [summary-missing]")
    assert str(warning) == "content/campaigns/park.md: [summary-missing] has no Summary."


def test_github_annotations_escape_what_github_requires():
    problem = Problem("content/a,b:c.md", "Subject", "100% wrong\r\nreally [subject-empty]", 3)
    assert annotation(problem, "error") == (
        "::error file=content/a%2Cb%3Ac.md,line=3,title=subject-empty::"
        "Subject: 100%25 wrong%0D%0Areally"
    )
    no_line = Problem("content/x.md", "", "has no Image. [image-missing]")
    assert annotation(no_line, "warning") == (
        "::warning file=content/x.md,title=image-missing::has no Image."
    )


def test_make_check_prints_annotations_only_under_github_actions(tmp_path, capsys, monkeypatch):
    content = write_site(
        tmp_path, {"a.md": campaign_md(slug="a", to=None), "b.md": campaign_md(slug="b")}
    )
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    assert check(str(content), str(CONF)) == 1
    assert "::error" not in capsys.readouterr().out
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert check(str(content), str(CONF)) == 1
    out = capsys.readouterr().out
    assert re.search(r"^::error file=[^,]*/a\.md,title=to-missing::To: is missing", out, re.M)
    assert re.search(r"^::warning file=[^,]*/b\.md,title=image-missing::has no Image", out, re.M)


def test_errors_come_before_warnings():
    error = Problem("z.md", "To", "bad [to-empty]", 1)
    warning = Problem("a.md", "", "meh [image-missing]")
    assert report_lines([error], [warning], ["other"]) == [str(error), "error: other", str(warning)]


def test_make_html_says_a_repeated_warning_once_with_the_count(tmp_path):
    content = write_site(
        tmp_path, {f"c{n}.md": campaign_md(slug=f"c{n}", summary="S") for n in range(6)}
    )
    status, out = build_as_make_does(content, tmp_path / "out")
    assert status == 0, out
    lines = [line for line in out.splitlines() if "[image-missing]" in line]
    assert len(lines) == 1, out
    assert "in 6 files" in lines[0] and "make check" in lines[0]
    # and the preview note, in one line, pointing to make publish
    (note,) = [line for line in out.splitlines() if "for preview" in line]
    assert "make publish" in note


def test_a_warning_in_few_files_is_said_for_each(tmp_path):
    content = write_site(tmp_path, {"c1.md": campaign_md(slug="c1", summary="S")})
    status, out = build_as_make_does(content, tmp_path / "out")
    assert status == 0
    assert "content/campaigns/c1.md: [image-missing] has no Image" in out


def test_a_failed_command_exits_1_and_make_adds_one_line(tmp_path):
    """The command says what is wrong and exits 1; make adds its own one line,
    "make: *** [Makefile:NN: check] Error 1", and exits with its status for a failed
    command, 2: no signal (make once interrupted itself, and said 130)."""
    content = write_site(tmp_path, {"a.md": campaign_md(slug="a", to=None)})
    for target in ("check", "html"):
        result = make(target, f"INPUTDIR={content}", f"OUTPUTDIR={tmp_path / 'out'}")
        said = result.stdout + result.stderr
        assert result.returncode == 2, said
        assert "[to-missing]" in said
        makes = [line for line in said.splitlines() if line.startswith("make")]
        assert makes == [f"make: *** [Makefile:{_recipe_line(target)}: {target}] Error 1"], said
        assert not (tmp_path / "out").exists()


def _recipe_line(target: str) -> int:
    """The line of the Makefile that runs the target's command (make names it)."""
    lines = (ROOT / "Makefile").read_text().splitlines()
    return lines.index(f"{target}: $(VENV)/.built") + 2


def test_make_k_goes_on_after_a_failed_command(tmp_path):
    """`make -k check campaign`: check fails, and campaign still runs."""
    content = write_site(tmp_path, {"a.md": campaign_md(slug="a", to=None)})
    result = make("-k", "check", "campaign", f"INPUTDIR={content}", "TITLE=Save the pool")
    said = result.stdout + result.stderr
    assert result.returncode == 2, said
    assert "[to-missing]" in said
    assert (content / "campaigns" / "save-the-pool.md").exists(), said
    assert said.count("Error 1") == 1 and "Created " in result.stdout


def test_the_file_name_should_be_the_slug(tmp_path, capsys):
    content = write_site(
        tmp_path,
        {
            "park.md": campaign_md(slug="park", summary="S"),
            "park.es.md": campaign_md(slug="park", summary="S").replace("Date:", "Lang: es\nDate:"),
            "old-name.md": campaign_md(slug="new-name", summary="S"),
        },
    )
    assert check(str(content), str(CONF)) == 0
    out = capsys.readouterr().out
    (line,) = [line for line in out.splitlines() if "[slug-not-file-name]" in line]
    assert re.match(r"\S*/old-name\.md: ", line) and "'new-name.md'" in line


def test_a_language_without_a_catalogue_is_named(tmp_path, capsys):
    lac = FRENCH.replace("Slug: parc", "Slug: lac")
    pages = {"parc.md": FRENCH, "lac.md": lac, "park.md": campaign_md(slug="park")}
    content = write_site(tmp_path, pages)
    assert check(str(content), str(CONF)) == 0
    out = capsys.readouterr().out
    total = len(
        re.findall(r"^msgid \".", (ROOT / "theme/translations/messages.pot").read_text(), re.M)
    )
    said = "[theme-not-translated] fr: the theme is not translated into this language"
    assert f"{said} (none of its {total} strings)" in out
    assert out.count("[theme-not-translated]") == 1  # once per language, not per page
    assert "make language CODE=fr" in out
    assert "] es:" not in out  # no page uses Spanish here


def _theme_with_french(tmp_path, translations: dict[str, str]):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    po = theme / "translations" / "fr" / "LC_MESSAGES" / "messages.po"
    po.parent.mkdir(parents=True)
    entries = "".join(f'msgid "{key}"\nmsgstr "{value}"\n\n' for key, value in translations.items())
    po.write_text('msgid ""\nmsgstr ""\n"Language: fr\\n"\n\n' + entries, "utf-8")
    return theme


def test_an_incomplete_catalogue_is_counted(tmp_path):
    theme = _theme_with_french(tmp_path, {"campaigns": "campagnes"})
    content = write_site(tmp_path, {"parc.md": FRENCH})
    outcome = run_pelican(
        str(CONF),
        {"PATH": str(content), "OUTPUT_PATH": str(tmp_path / "out"), "THEME": str(theme)},
    )
    assert outcome.ok
    total = len(
        re.findall(r"^msgid \".", (ROOT / "theme/translations/messages.pot").read_text(), re.M)
    )
    said = [str(w) for w in outcome.warnings if "[theme-translation-incomplete]" in str(w)]
    assert len(said) == 1 and said[0].startswith(str(theme / "translations/fr/LC_MESSAGES"))
    assert (
        said[0]
        .split(".po: ", 1)[1]
        .startswith(
            f"[theme-translation-incomplete] fr: 1 of {total} strings translated, so pages in "
            "this language ("
        )
    )
    assert "parc.md) show the rest in English, marked as English" in said[0]


def _lang_around(element) -> str:
    return element.find_parent(attrs={"lang": True})["lang"]


def _deadline_words(out):
    page = soup(next(out.rglob("parc/index.html")))
    return page.find("time").get_text()


def test_a_french_page_without_a_catalogue_says_its_deadline_in_french_by_cldr(tmp_path):
    """Issue 22: dates come from CLDR for any language Babel knows; the theme's words
    that have no translation are English, and marked so (the deadline inside is not)."""
    content = write_site(tmp_path, {"parc.md": FRENCH})
    out = build(content, tmp_path / "out", today="2026-12-01")
    assert _deadline_words(out) == "mardi 15 décembre 2026, 17:00, heure : Paris"
    page = soup(next(out.rglob("parc/index.html")))
    sentence = page.find("p", class_="deadline")
    assert sentence.get_text().startswith("Closes mardi")
    assert [str(s) for s in sentence.find_all("span", lang="en")] == [
        '<span lang="en">Closes </span>'
    ]
    assert _lang_around(page.find("time")) == "fr"


def test_a_hindi_page_says_its_deadline_in_hindi_with_no_catalogue(tmp_path):
    hindi = FRENCH.replace("Lang: fr", "Lang: hi")
    content = write_site(tmp_path, {"parc.md": hindi})
    out = build(content, tmp_path / "out", today="2026-12-01")
    words = _deadline_words(out)
    assert "दिसंबर" in words and "पेरिस" in words, words  # December, Paris
    page = soup(next(out.rglob("parc/index.html")))
    assert page.html["lang"] == "hi" and _lang_around(page.find("time")) == "hi"
    assert page.find("p", class_="deadline").find("span", lang="en").get_text() == "Closes "


def test_a_french_page_gets_french_dates_without_an_entry_in_LOCALES(tmp_path):
    theme = _theme_with_french(
        tmp_path,
        {
            "EEEE d MMMM y 'at' h:mm a": "EEEE d MMMM y 'à' HH:mm",
            "{when}, {city} time": "{when}, heure de {city}",
        },
    )
    content = write_site(tmp_path, {"parc.md": FRENCH})
    out = build(content, tmp_path / "out", today="2026-12-01", THEME=str(theme))
    assert _deadline_words(out) == "mardi 15 décembre 2026 à 17:00, heure de Paris"


def test_make_html_of_a_broken_site_prints_one_line_per_problem(tmp_path):
    content = write_site(tmp_path, {"a.md": campaign_md(slug="a", to=None, subject="")})
    result = make_html(content, tmp_path / "out")
    said = result.stdout + result.stderr
    assert result.returncode != 0
    assert re.search(r"^\S*/a\.md: \[to-missing\] To: is missing", said, re.M), said
    assert re.search(r"^\S*/a\.md:\d+: \[subject-empty\] Subject: is empty", said, re.M), said
    assert not any(line.startswith("  ") for line in said.splitlines()), said
