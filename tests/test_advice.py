"""Advice that does what it says: two seats that share a name are told apart, not
merged; a close but unknown language code gets "did you mean" from Babel's list;
and `make language` takes the code the advice names, writing the catalogue where
both the build and `make translations` read it."""

import re
import shutil
import subprocess
from urllib.parse import urljoin

import pytest
from babel.messages.pofile import read_po

from helpers import (
    build,
    build_as_make_does,
    campaign_md,
    make,
    picture,
    soup,
    write_files,
    write_site,
)
from pelican.plugins.megaphone.commands.check import check
from pelican.plugins.megaphone.model.language import LanguageError, check_language, close_languages
from pelican.plugins.megaphone.model.targets import read_target_list
from settings_under_test import CONF, ROOT

TWO_AURANGABADS = (
    "area,name,title,email\n"
    "Aurangabad,Abhay Kumar Sinha,MP,bihar@example.org\n"
    "Aurangabad,Sandipanrao Bhumre,MP,maharashtra@example.org\n"
)


def test_two_seats_that_share_a_name_are_told_apart_not_merged():
    reading = read_target_list("lok-sabha", "content/targets/lok-sabha.csv", TWO_AURANGABADS)
    (problem,) = reading.problems
    assert (problem.line, problem.code) == (3, "targets-area-twice")
    said = problem.text
    assert "two seats that share a name" in said and "tell them apart" in said
    assert "'Aurangabad (state)'" in said  # the fix names the state or the number
    assert said.index("tell them apart") < said.index("separated by commas")  # merging is last
    assert "Only if both rows are for one seat" in said


def test_the_guide_says_not_to_merge_two_seats():
    guide = (ROOT / "docs" / "errors.md").read_text("utf-8")
    entry = guide.split("#### `targets-area-twice`")[1].split("####")[0]
    assert "do not merge them" in entry and "Aurangabad (Bihar)" in entry


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("pb", "'pa' (Punjabi)"),  # a code made from the name
        ("jp", "'ja' (Japanese)"),  # one letter away
        ("Spanish", "'es' (Spanish)"),  # the name written out
        ("español", "'es' (Spanish)"),
        ("pt_BR", "'pt-br' (Portuguese (Brazil))"),  # Babel's spelling of a page code
        ("pt-bx", "'pt' (Portuguese)"),  # a region Babel does not have
    ],
)
def test_a_close_unknown_language_code_gets_did_you_mean(typed, meant):
    with pytest.raises(LanguageError) as raised:
        check_language(typed)
    assert raised.value.code == "lang-unknown"
    assert f"Did you mean {meant}?" in str(raised.value)


@pytest.mark.parametrize(
    ("typed", "new"),
    [("iw", "he"), ("in", "id"), ("ji", "yi"), ("mo", "ro"), ("arb", "ar"), ("iw-il", "he-il")],
)
def test_a_replaced_code_that_babel_still_reads_is_refused_with_todays(typed, new):
    """A page's lang picks the screen reader's voice: `iw` may get none for Hebrew."""
    with pytest.raises(LanguageError) as raised:
        check_language(typed)
    assert raised.value.code == "lang-old-code"
    assert str(raised.value).endswith(f"Write 'Lang: {new}'. [lang-old-code]")
    assert check_language(new) == new


@pytest.mark.parametrize("code", ["tl", "fil", "yue", "ckb", "haw", "he", "zh", "no"])
def test_a_current_code_with_an_alias_in_cldr_is_kept(code):
    assert check_language(code) == code


def test_every_suggested_code_is_one_babel_and_make_language_know():
    for typed in ("pb", "sp", "zz", "xq", "d", "eng-uk", "pt_BR", "hebrew", "Indonesian", "iw"):
        for code in close_languages(typed):
            assert check_language(code) == code, (typed, code)


def test_a_code_nothing_is_close_to_gets_an_example():
    with pytest.raises(LanguageError, match="such as 'es' \\(Spanish\\)"):
        check_language("qqqqq")


def test_lang_pb_is_one_problem_and_no_advice_to_run_make_language_with_it(tmp_path, capsys):
    content = write_site(
        tmp_path,
        {
            "p.md": campaign_md(slug="p", summary="S"),
            "p.pb.md": campaign_md(slug="p", summary="S").replace("Date:", "Lang: pb\nDate:"),
        },
    )
    assert check(str(content), str(CONF)) == 1
    out = capsys.readouterr().out
    assert "[lang-unknown] Lang: 'pb' is not a language code" in out
    assert "Did you mean 'pa' (Punjabi)?" in out
    assert "CODE=pb" not in out and "[theme-not-translated]" not in out, out


def _catalogues(tmp_path):
    folder = tmp_path / "translations"
    folder.mkdir()
    shutil.copy(ROOT / "theme" / "translations" / "messages.pot", folder)
    return folder


def test_make_language_with_an_unknown_code_says_did_you_mean_in_one_line(tmp_path):
    folder = _catalogues(tmp_path)
    result = make("language", "CODE=pb", f"CATALOGUES={folder}")
    assert result.returncode == 2 and "Traceback" not in result.stdout + result.stderr
    said, makes = result.stderr.splitlines()
    assert said.startswith("make language: [lang-unknown] CODE: 'pb' is not a language code")
    assert said.endswith("Did you mean 'pa' (Punjabi)?") and makes.endswith("Error 1")
    assert sorted(p.name for p in folder.iterdir()) == ["messages.pot"]


def test_make_language_writes_where_the_build_and_make_translations_read(tmp_path):
    """`Lang: pt-br` is advised `make language CODE=pt-br`: pybabel alone failed on that
    code with a traceback, and the build failed on its catalogue ("expected only letters")."""
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    folder = theme / "translations"
    shutil.rmtree(folder / "es")
    result = make("language", "CODE=pt-br", f"CATALOGUES={folder}")
    assert result.returncode == 0, result.stdout + result.stderr
    po = folder / "pt_BR" / "LC_MESSAGES" / "messages.po"
    assert f"Started {po}" in result.stdout
    with po.open("rb") as source:
        assert str(read_po(source).locale) == "pt_BR"
    again = make("language", "CODE=pt-br", f"CATALOGUES={folder}")  # never started again
    assert again.returncode == 2 and "exists already" in again.stdout
    text = po.read_text("utf-8").replace(
        'msgid "Send this email"\nmsgstr ""', 'msgid "Send this email"\nmsgstr "Enviar este email"'
    )
    po.write_text(text, "utf-8")
    page = campaign_md(slug="p", summary="S").replace("Date:", "Lang: pt-br\nDate:")
    content = write_site(tmp_path, {"p.md": campaign_md(slug="p", summary="S"), "p.pt.md": page})
    out = build(content, tmp_path / "out", "2021-01-01", THEME=str(theme))
    assert "Enviar este email" in soup(out / "pt-br" / "p" / "index.html").get_text()
    update = [ROOT / ".venv" / "bin" / "pybabel", "update", "-i", folder / "messages.pot"]
    done = subprocess.run([*update, "-d", folder], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr  # `make translations` reads the folder


def _advised_picture(content, tmp_path, slip: str, code: str) -> str:
    """What the message for `slip` says to write, for a picture saved in content/images/."""
    page = campaign_md(slug="park", summary="S", body=slip)
    write_files(tmp_path, {"park.md": page}, {"images/gate.png": picture()})
    status, said = build_as_make_does(content, tmp_path / "refused", "2021-01-01")
    assert status == 1 and f"[{code}]" in said, said
    advice = re.search(r"write (!\[what it shows\]\(\S*<file name>\))", said).group(1)
    return advice.replace("<file name>", "gate.png")


@pytest.mark.parametrize(
    ("slip", "code"),
    [
        ("![b](https://example.org/gate.png)", "html-image-elsewhere"),
        ('<svg width="10" height="10"></svg>', "html-element"),
    ],
)
def test_a_picture_written_as_the_advice_says_is_shown(tmp_path, slip, code):
    """The advice once said ![…](images/<file name>): on the page at /park/ that is
    /park/images/…, which nothing writes, so the picture was missing, in silence."""
    content = tmp_path / "content"
    advised = _advised_picture(content, tmp_path, slip, code)
    page = campaign_md(slug="park", summary="S", body=f"Why.\n\n{advised}")
    write_files(tmp_path, {"park.md": page})
    out = build(content, tmp_path / "out", "2021-01-01")
    (image,) = soup(out / "park" / "index.html").find_all("img", alt="what it shows")
    shown = urljoin("/park/", image["src"]).removeprefix("/")
    assert (out / shown).is_file(), image["src"]


def test_a_misnamed_translation_is_told_to_rename_the_file_not_to_change_its_slug(tmp_path, capsys):
    """Changing the Slug of one file of a translated campaign splits it in two."""
    page = campaign_md(slug="new-name", summary="S")
    content = write_site(
        tmp_path,
        {
            "old.md": page,
            "new-name.es.md": page.replace("Date:", "Lang: es\nDate:"),
            "alone.es.md": page.replace("new-name", "solo").replace("Date:", "Lang: es\nDate:"),
        },
    )
    assert check(str(content), str(CONF)) == 0
    lines = [
        line for line in capsys.readouterr().out.splitlines() if "[slug-not-file-name]" in line
    ]
    alone, translated = sorted(lines)  # by file: alone.es.md, old.md
    assert "/old.md: " in translated and "Rename the file to 'new-name.md'" in translated
    assert "Slug: old" not in translated and "keep the Slug" in translated
    assert "/alone.es.md: " in alone and "the page is at /es/solo/" in alone
    assert "or write 'Slug: alone'" in alone  # a campaign in one language may change it


def test_an_english_variant_is_not_told_to_translate_the_theme_into_english(tmp_path, capsys):
    page = campaign_md(slug="park", summary="S")
    content = write_site(
        tmp_path, {"park.md": page, "park.en-us.md": page.replace("Date:", "Lang: en-us\nDate:")}
    )
    assert check(str(content), str(CONF)) == 0
    assert "[theme-not-translated]" not in capsys.readouterr().out
