"""Bad content stops `make html` with the file and the field named, in plain
words, with no traceback, and with every problem reported at once.

Most cases run `make html`'s own code in-process (fast); a few run `make`
itself, end to end."""

import pytest

from helpers import build_as_make_does, campaign_md, make_html, write_site
from settings_under_test import ROOT

CASES = {
    "no To": (dict(to=None), "To", "is missing"),
    "empty To": (dict(to=""), "To", "is empty"),
    "not an address": (dict(to="postact at nypd.org"), "To", "not an email address"),
    "zero-width space": (dict(to="postact\u200b@nypd.org"), "To", "invisible character"),
    "bad Cc": (dict(cc="nobody"), "Cc", "not an email address"),
    "bad Bcc": (dict(bcc="x@"), "Bcc", "not an email address"),
    "unreadable Deadline": (dict(deadline="25 February"), "Deadline", "YYYY-MM-DD"),
    "date that does not exist": (dict(deadline="2021-02-30"), "Deadline", "not a real date"),
    "no Deadline": (dict(deadline=None), "Deadline", "is missing"),
    "unknown Timezone": (dict(timezone="New York"), "Timezone", "America/New_York"),
    "no letter": (dict(letter=None), "letter", "there is no letter"),
    "an empty second letter": (dict(letters=["One", ""]), "letter", "letter 2 is empty"),
    "empty Subject": (dict(subject=""), "Subject", "is empty"),
    "no Subject": (dict(subject=None), "Subject", "is missing"),
    "no Title": (dict(title=None), "Title", "is missing"),
    "unreadable Date": (dict(date="someday"), "Date", "YYYY-MM-DD"),
}


def assert_stops(result, *expected):
    """`result`: a finished `make` process, or (status, output) from build_as_make_does."""
    status, output = (
        result if isinstance(result, tuple) else (result.returncode, result.stdout + result.stderr)
    )
    assert status != 0, output
    assert "Traceback" not in output, output
    for text in expected:
        assert text in output, output
    return output


@pytest.mark.parametrize("name", CASES)
def test_each_bad_input_stops_the_build(tmp_path, name):
    fields, field, reason = CASES[name]
    content = write_site(tmp_path, {"bad.md": campaign_md(slug="bad", **fields)})
    output = assert_stops(
        build_as_make_does(content, tmp_path / "output"), "bad.md", f"{field}: ", reason
    )
    assert "bad.md:" in output
    assert not (tmp_path / "output" / "bad" / "index.html").exists()


def test_the_line_of_the_field_is_named(tmp_path):
    content = write_site(tmp_path, {"bad.md": campaign_md(slug="bad", deadline="soon")})
    line = campaign_md(slug="bad", deadline="soon").splitlines().index("Deadline: soon") + 1
    assert_stops(
        build_as_make_does(content, tmp_path / "output"),
        f"bad.md:{line}: [deadline-unreadable] Deadline: ",
    )


def test_two_campaigns_with_the_same_slug(tmp_path):
    content = write_site(
        tmp_path,
        {"one.md": campaign_md(slug="park"), "two.md": campaign_md(slug="park", title="Another")},
    )
    output = assert_stops(build_as_make_does(content, tmp_path / "output"), "Slug: ", "'park'")
    assert "one.md" in output and "two.md" in output


def test_every_problem_in_every_file_is_reported_at_once(tmp_path):
    content = write_site(
        tmp_path,
        {
            "a.md": campaign_md(slug="a", to="nobody", subject=""),
            "b.md": campaign_md(slug="b", deadline="2021-02-30", timezone="Mars/Olympus"),
            "good.md": campaign_md(slug="good"),
        },
    )
    output = assert_stops(build_as_make_does(content, tmp_path / "output"), "4 problems in 2 files")
    for text in ("a.md:", "To: ", "Subject: ", "b.md:", "Timezone: "):
        assert text in output


def test_bad_build_date_override(tmp_path):
    content = write_site(tmp_path, {"a.md": campaign_md(slug="a")})
    assert_stops(
        build_as_make_does(content, tmp_path / "output", today="yesterday"), "CAMPAIGN_TODAY"
    )


def test_a_plugin_that_cannot_load_fails_the_build(tmp_path):
    conf = tmp_path / "conf.py"
    conf.write_text(
        f"exec(open({str(ROOT / 'pelicanconf.py')!r}).read())\n"
        f"THEME = {str(ROOT / 'theme')!r}\n"
        "PLUGINS = ['megaphone', 'no_such_plugin']\n"
    )
    content = write_site(tmp_path, {"a.md": campaign_md(slug="a")})
    result = make_html(content, tmp_path / "output", conffile=conf)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "no_such_plugin" in output and "a plugin could not be loaded" in output
    assert "Traceback" not in output
    assert not (tmp_path / "output").exists()  # stopped before writing anything


def test_a_good_site_builds_with_make(tmp_path):
    content = write_site(tmp_path, {"a.md": campaign_md(slug="a")})
    result = make_html(content, tmp_path / "output", today="2021-01-01")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "output" / "a" / "index.html").exists()
