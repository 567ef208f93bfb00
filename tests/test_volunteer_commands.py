"""`make campaign` and `make check`, run the way volunteers run them."""

from datetime import date, timedelta

from helpers import build, campaign_md, soup, write_site
from helpers import make as run_make
from pelican.plugins.megaphone.commands.__main__ import main as commands
from pelican.plugins.megaphone.commands.check import check
from settings_under_test import CONF, ROOT


def make(*arguments):
    return run_make(*arguments, CAMPAIGN_TODAY="")


def test_make_campaign_writes_a_draft_that_builds_right_away(tmp_path):
    content = tmp_path / "content"
    result = make("campaign", "TITLE=Tell the Council: no scans!", f"INPUTDIR={content}")
    assert result.returncode == 0, result.stdout + result.stderr
    path = content / "campaigns" / "tell-the-council-no-scans.md"
    assert f"Created {path}" in result.stdout
    text = path.read_text("utf-8")
    assert "\nSlug: tell-the-council-no-scans\n" in text  # the file is named after its Slug
    for field in (
        "Title:",
        "Slug:",
        "Status: draft",
        "Date:",
        "Summary:",
        "To:",
        "Subject:",
        "Deadline:",
        "Timezone:",
        "```letter",
    ):
        assert field in text
    out = build(content, tmp_path / "out")  # today's date: the deadline is 30 days away
    draft = soup(out / "drafts" / "tell-the-council-no-scans" / "index.html")
    assert draft.find("h1").get_text() == "Tell the Council: no scans!"
    assert draft.find(attrs={"data-link": "mailto"}) is not None  # open, with its links
    assert (
        "How to fill this in"
        not in (out / "drafts" / "tell-the-council-no-scans" / "index.html").read_text()
    )
    again = make("campaign", "TITLE=Tell the Council: no scans!", f"INPUTDIR={content}")
    assert again.returncode != 0 and "already exists" in again.stdout


def test_make_campaign_needs_a_title(tmp_path, capsys):
    # What `make campaign TITLE=` runs, in-process (`make campaign` itself runs above).
    status = commands(["campaign", "", "--content", str(tmp_path)])
    assert status != 0 and 'make campaign TITLE="' in capsys.readouterr().out
    assert list(tmp_path.iterdir()) == []


def test_make_check_names_every_broken_file_and_writes_nothing(tmp_path):
    content = write_site(
        tmp_path,
        {
            "a-no-to.md": campaign_md(slug="a", to=None),
            "b-bad-deadline.md": campaign_md(slug="b", deadline="2021-02-30", summary="S"),
            "c-no-letter.md": campaign_md(slug="c", letter=None),
            "d-good.md": campaign_md(slug="d", summary="Fine."),
        },
    )
    (content / "campaigns" / "e-not-utf8.md").write_bytes(
        campaign_md(slug="e", subject="Café").encode("latin-1")
    )
    result = make("check", f"INPUTDIR={content}")
    out = result.stdout
    assert result.returncode != 0, out
    assert "Traceback" not in out + result.stderr
    for name, code in (
        ("a-no-to.md", "to-missing"),
        ("b-bad-deadline.md", "deadline-no-such-day"),
        ("c-no-letter.md", "letter-missing"),
        ("e-not-utf8.md", "file-not-utf8"),
    ):
        assert f"content/campaigns/{name}" in out and f"[{code}]" in out
    # One line each: file, line, code, field, message; errors first, then warnings.
    assert "content/campaigns/b-bad-deadline.md:7: [deadline-no-such-day] Deadline: " in out
    lines = out.splitlines()
    errors = [
        n
        for n, line in enumerate(lines)
        if "[file-not-read]" not in line
        and ("[to-missing]" in line or "[letter-missing]" in line or "[file-not-utf8]" in line)
    ]
    warnings = [n for n, line in enumerate(lines) if "[image-missing]" in line]
    assert errors and warnings and max(errors) < min(warnings), out
    assert not any(line.startswith(" ") for line in lines)  # no indented continuation
    assert "content/campaigns/d-good.md: [image-missing] has no Image" in out  # warnings too
    assert not (tmp_path / "output").exists() and not list(ROOT.glob("output/a/index.html"))


def check_in_process(content, capsys) -> tuple[int, str]:
    """`make check`'s own code, in-process: its exit status and what it printed."""
    status = check(str(content), str(CONF))
    return status, capsys.readouterr().out


def test_make_check_passes_a_good_site_with_warnings(tmp_path, capsys):
    soon = (date.today() + timedelta(days=60)).isoformat()  # open, and not far off
    content = write_site(tmp_path, {"soon.md": campaign_md(slug="soon", deadline=soon)})
    status, out = check_in_process(content, capsys)
    assert status == 0, out
    assert "No problems. 2 warnings." in out  # no Summary, no Image


def test_make_check_stops_translations_that_write_to_others(tmp_path, capsys):
    content = write_site(
        tmp_path,
        {
            "park.md": campaign_md(slug="park", summary="S"),
            "park.es.md": campaign_md(slug="park", summary="S", to="otro@example.org").replace(
                "Date:", "Lang: es\nDate:"
            ),
        },
    )
    status, out = check_in_process(content, capsys)
    assert status == 1
    assert "[translation-differs]" in out
    assert "otro@example.org" in out and "council@example.org" in out


def test_make_html_says_one_plain_line_not_pelicans_own(tmp_path):
    from helpers import build_as_make_does

    content = write_site(tmp_path, {"park.md": campaign_md(summary="Keep it open.")})
    status, printed = build_as_make_does(content, tmp_path / "out", "2025-01-01")
    assert status == 0, printed
    assert f"Built {tmp_path / 'out'}/ for preview on this computer" in printed
    assert "Done: Processed" not in printed and "Writing" not in printed


def test_a_new_campaign_goes_where_the_sites_settings_say(tmp_path, capsys):
    """A site owner's campaign folder and time zone, not this repository's."""
    conf = tmp_path / "siteconf.py"
    conf.write_text('TIMEZONE = "Europe/Berlin"\nCAMPAIGN_PATHS = ["posts/campaigns"]\n', "utf-8")
    content = tmp_path / "content"
    status = commands(["campaign", "Rettet den Park", "--content", str(content), "-s", str(conf)])
    assert status == 0, capsys.readouterr().out
    text = (content / "posts" / "campaigns" / "rettet-den-park.md").read_text("utf-8")
    assert "\nTimezone: Europe/Berlin\n" in text
    conf.write_text('MEGAPHONE_TIMEZONE = "Asia/Kolkata"\nTIMEZONE = "UTC"\n', "utf-8")
    assert commands(["campaign", "Park", "--content", str(content), "-s", str(conf)]) == 0
    assert "\nTimezone: Asia/Kolkata\n" in (content / "campaigns" / "park.md").read_text("utf-8")


def test_a_settings_file_that_cannot_be_read_gives_the_examples_and_says_so(tmp_path, capsys):
    conf = tmp_path / "pelicanconf.py"
    conf.write_text("TIMEZONE = (\n", "utf-8")
    content = tmp_path / "content"
    assert commands(["campaign", "Park", "--content", str(content), "-s", str(conf)]) == 0
    said = capsys.readouterr().out
    assert "could not be read (SyntaxError" in said and "Traceback" not in said
    assert "\nTimezone: America/New_York\n" in (content / "campaigns" / "park.md").read_text()


def test_make_campaign_kind_comment_writes_a_public_comment_that_builds(tmp_path, capsys):
    content = tmp_path / "content"
    conf = tmp_path / "none.py"  # no settings file: the examples
    argv = ["campaign", "Keep the trail", "--content", str(content), "-s", str(conf)]
    assert commands([*argv, "--kind", "comment"]) == 0, capsys.readouterr().out
    text = (content / "campaigns" / "keep-the-trail.md").read_text("utf-8")
    for field in ("Docket: ", "Portal: https://", "Limit: ", "Status: draft"):
        assert f"\n{field}" in text, field
    out = build(content, tmp_path / "out")
    draft = soup(out / "drafts" / "keep-the-trail" / "index.html")
    assert draft.find(class_="docket") is not None
    assert draft.find(attrs={"data-module": "megaphone-limit"}) is not None
    assert draft.find(class_="portal") is not None
    # Published as it is, its made-up docket and form are the template's, and refused.
    (content / "campaigns" / "keep-the-trail.md").write_text(
        text.replace("Status: draft\n", ""), "utf-8"
    )
    assert commands(["check", str(content), "-s", str(CONF)]) != 0
    said = capsys.readouterr().out
    assert "AGENCY-2027-0001" in said and "keep-the-trail.md" in said


def test_make_campaign_says_which_kinds_there_are(tmp_path, capsys):
    argv = ["campaign", "Park", "--content", str(tmp_path), "--kind", "petition"]
    assert commands(argv) != 0
    assert "--kind letter or --kind comment or --kind call" in capsys.readouterr().out
    assert list(tmp_path.iterdir()) == []


def test_make_campaign_kind_call_writes_a_call_that_builds(tmp_path, capsys):
    content = tmp_path / "content"
    argv = ["campaign", "Call the Mayor", "--content", str(content), "-s", str(tmp_path / "x.py")]
    assert commands([*argv, "--kind", "call"]) == 0, capsys.readouterr().out
    text = (content / "campaigns" / "call-the-mayor.md").read_text("utf-8")
    assert "\nCall: " in text and "\n```call\n" in text and "\n```voicemail\n" in text
    assert "\nTo:" not in text and "\nSubject:" not in text
    out = build(content, tmp_path / "out")
    draft = soup(out / "drafts" / "call-the-mayor" / "index.html")
    assert draft.find(attrs={"data-call-link": True})["href"] == "tel:+12125550100"
    assert draft.find(attrs={"data-link": True}) is None  # a call alone


def test_a_new_campaign_in_a_folder_pelican_does_not_read_is_said_at_once(tmp_path, capsys):
    conf = tmp_path / "siteconf.py"
    conf.write_text('ARTICLE_PATHS = ["posts"]\n', "utf-8")
    argv = ["campaign", "Park", "--content", str(tmp_path / "content"), "-s", str(conf)]
    assert commands(argv) == 0
    said = capsys.readouterr().out
    assert "will not read campaigns/" in said and "ARTICLE_PATHS" in said
    conf.write_text('ARTICLE_PATHS = ["posts", "campaigns"]\n', "utf-8")
    assert commands(["campaign", "Pool", *argv[2:]]) == 0
    assert "will not read" not in capsys.readouterr().out


def test_the_guide_is_named_where_the_reader_has_it(tmp_path, monkeypatch):
    """Under this repository's Makefile, docs/…; for a site owner with the installed
    package, the copy it carries beside the plugin (a path that exists)."""
    from pelican.plugins.megaphone.commands import said_as

    monkeypatch.setenv("MEGAPHONE_MAKE", "1")
    assert said_as.guide("errors.md") == "docs/errors.md"
    monkeypatch.delenv("MEGAPHONE_MAKE")
    package = tmp_path / "site-packages" / "pelican" / "plugins" / "megaphone"
    (package / "commands").mkdir(parents=True)
    (package / "docs").mkdir()
    (package / "docs" / "errors.md").write_text("# Errors\n", "utf-8")
    monkeypatch.setattr(said_as, "__file__", str(package / "commands" / "said_as.py"))
    monkeypatch.chdir(tmp_path / "site-packages")
    found = said_as.guide("errors.md")
    assert (
        found == "pelican/plugins/megaphone/docs/errors.md"
        and (tmp_path / "site-packages" / found).is_file()
    )
