"""A campaign file from a stranger: each attack and each input that used to end
in a traceback stops `make html` and `make check` alike, with a plain-words
problem that names the file and the field."""

import pytest

from helpers import both_commands, build_as_make_does, campaign_md, picture, write_site

TAGS = "".join(chr(0xE0000 + ord(c)) for c in " I withdraw my support.")
PNG = picture("PNG")


def md(**fields):
    return {"bad.md": campaign_md(slug=fields.pop("slug", "bad"), **fields)}


def header(line, **fields):
    """A campaign with one more header line, before Date."""
    return {"bad.md": campaign_md(slug="bad", **fields).replace("Date:", f"{line}\nDate:")}


CASES = {
    # The numbered cases of the report
    "1 meta refresh": (
        md(body='<meta http-equiv="refresh" content="1;url=http://phish.example/login">'),
        {},
        "explanation",
        "html-element",
    ),
    "2 script from the site": (
        md(body='<script src="/images/x.js"></script>'),
        {"images/x.js": b"alert(1)"},
        "explanation",
        "html-element",
    ),
    "3 html and svg pictures": (
        md(),
        {
            "images/evidence.html": b"<script>fetch('//x')</script>",
            "images/chart.svg": b"<svg onload=alert(1)></svg>",
        },
        "file",
        "static-not-image",
    ),
    "5 vertical tab in the explanation": (
        md(body="Why\x0bthis matters."),
        {},
        "explanation",
        "text-control",
    ),
    "5 vertical tab in the Title": (md(title="Keep\x0bit"), {}, "Title", "invisible-characters"),
    "5 vertical tab in the Summary": (
        md(summary="Keep\x0bit"),
        {},
        "Summary",
        "invisible-characters",
    ),
    "6 unknown Lang": (header("Lang: xx"), {}, "Lang", "lang-unknown"),
    "6 upper-case Lang": (header("Lang: ES"), {}, "Lang", "lang-case"),
    "7 Slug into another's folder": (
        {**md(slug="park"), "two.md": campaign_md(slug="park/flyer")},
        {},
        "Slug",
        "slug-characters",
    ),
    "8 deadline in year 9999": (
        md(deadline="9999-12-31", timezone="America/Los_Angeles"),
        {},
        "Deadline",
        "deadline-out-of-range",
    ),
    "8 deadline in year 1": (
        md(deadline="0001-01-01 00:00", timezone="Asia/Tokyo"),
        {},
        "Deadline",
        "deadline-out-of-range",
    ),
    "9 tag characters in the letter": (
        md(letter="Dear Council,\n\nKeep it." + TAGS),
        {},
        "letter",
        "letter-invisible",
    ),
    "9 bidi override in the Subject": (
        md(subject="Keep \u202eit open"),
        {},
        "Subject",
        "invisible-characters",
    ),
    # Section 4
    "Slug theme": (md(slug="theme"), {}, "Slug", "slug-reserved"),
    "Slug feeds": (md(slug="feeds"), {}, "Slug", "slug-reserved"),
    "Slug drafts": (md(slug="drafts"), {}, "Slug", "slug-reserved"),
    "Slug images": (md(slug="images"), {}, "Slug", "slug-reserved"),
    "Slug closed (the archive)": (md(slug="closed"), {}, "Slug", "slug-reserved"),
    "Slug robots.txt": (md(slug="robots.txt"), {}, "Slug", "slug-characters"),
    "Slug sitemap.xml": (md(slug="sitemap.xml"), {}, "Slug", "slug-characters"),
    "Slug remind.ics": (md(slug="remind.ics"), {}, "Slug", "slug-characters"),
    "Slug with ?": (md(slug="a?b"), {}, "Slug", "slug-characters"),
    "Slug with #": (md(slug="a#b"), {}, "Slug", "slug-characters"),
    "Slug with %": (md(slug="a%20b"), {}, "Slug", "slug-characters"),
    "Slugs differing in case": (
        {**md(slug="Park"), "two.md": campaign_md(slug="park")},
        {},
        "Slug",
        "slug-same-name",
    ),
    "Slugs differing in normalisation": (
        {**md(slug="caf\u00e9"), "two.md": campaign_md(slug="cafe\u0301")},
        {},
        "Slug",
        "slug-same-name",
    ),
    "deadline in 2300": (md(deadline="2300-01-01"), {}, "Deadline", "deadline-out-of-range"),
    "Image outside content/images": (
        header("Image: ../pelicanconf.py"),
        {},
        "Image",
        "image-outside",
    ),
    "Image that is not an image": (
        header("Image: images/fake.png"),
        {"images/fake.png": b"<html>not a picture</html>"},
        "Image",
        "static-not-image",
    ),
    "two Subject lines": (header("Subject: Another"), {}, "Subject", "field-repeated"),
    "posix time zone": (
        md(timezone="posix/Europe/Madrid"),
        {},
        "Timezone",
        "timezone-not-for-browsers",
    ),
    "right time zone": (md(timezone="right/UTC"), {}, "Timezone", "timezone-not-for-browsers"),
    "localtime": (md(timezone="localtime"), {}, "Timezone", "timezone-not-for-browsers"),
    "a skipped day": (
        md(deadline="2011-12-30", timezone="Pacific/Apia"),
        {},
        "Deadline",
        "deadline-skipped-day",
    ),
    "Save_as": (header("Save_as: index.html"), {}, "Save_as", "field-not-allowed"),
}


def write(tmp_path, files, extra):
    content = write_site(tmp_path, files)
    for name, data in extra.items():
        path = content / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return content


@pytest.mark.parametrize("name", CASES)
def test_each_case_stops_both_commands_in_plain_words(tmp_path, name):
    files, extra, field, code = CASES[name]
    content = write(tmp_path, files, extra)
    status, built, checked, report = both_commands(content, tmp_path / "output")
    for output in (built, report):
        assert "Traceback" not in output and "CRITICAL" not in output, output
        assert f"[{code}]" in output, output
        assert f"{field}: " in output, output
    assert status == 1 and checked == 1, (built, report)
    assert not (tmp_path / "output").exists()  # nothing was published


def test_a_symlink_out_of_content_is_never_read(tmp_path):
    for target in ("/proc/self/environ", str(tmp_path / "secret.txt")):
        (tmp_path / "secret.txt").write_text("TOKEN=hunter2", "utf-8")
        content = write(tmp_path, md(), {})
        (content / "images").mkdir(exist_ok=True)
        link = content / "images" / "logo.png"
        if link.is_symlink():
            link.unlink()
        link.symlink_to(target)
        status, built, checked, report = both_commands(content, tmp_path / "output")
        assert status == 1 and checked == 1
        assert "[symlink-outside]" in built and "logo.png" in built
        assert not (tmp_path / "output").exists()


def test_reStructuredText_and_HTML_files_are_not_read(tmp_path):
    (tmp_path / "secret.txt").write_text("TOKEN=hunter2", "utf-8")
    files = {
        **md(summary="S"),
        "leak.rst": f"Leak\n####\n\n:date: 2021-01-01\n\n.. include:: {tmp_path / 'secret.txt'}\n",
        "page.html": "<html><head><title>x</title></head><body>hunter2</body></html>",
        "park.MD": campaign_md(slug="park"),
    }
    content = write(tmp_path, files, {"images/card.png": PNG})
    status, built, checked, report = both_commands(content, tmp_path / "output")
    assert status == 0 and checked == 0, built + report
    for name in ("leak.rst", "page.html", "park.MD"):
        assert f"{name}: [file-not-read] is not read" in report
    published = b"".join(p.read_bytes() for p in (tmp_path / "output").rglob("*") if p.is_file())
    assert b"hunter2" not in published


def test_a_budget_that_is_not_a_number(tmp_path):
    content = write(tmp_path, md(), {})
    from helpers import build
    from pelican.plugins.megaphone.model.report import CampaignProblems

    with pytest.raises(CampaignProblems) as stop:
        build(content, tmp_path / "output", "2021-01-01", MEGAPHONE_MAILTO_BUDGET="1800")
    assert [(p.file, p.field, p.code) for p in stop.value.problems] == [
        ("pelicanconf.py", "MEGAPHONE_MAILTO_BUDGET", "budget-not-a-number")
    ]


def test_etc_gmt_minus_14_is_said_as_utc_plus_14(site):
    from helpers import soup

    out = site(md(timezone="Etc/GMT-14"), today="2021-01-01")
    when = soup(out / "bad" / "index.html").find(class_="deadline").get_text(" ", strip=True)
    assert "UTC+14 time" in when and "GMT-14" not in when


def test_no_byte_from_outside_content_and_theme_reaches_output(tmp_path):
    """Every way a campaign file can point outside content/: what builds publishes
    none of the secret's bytes, and what would publish them stops the build."""
    secret = "MEGAPHONE-SECRET-7f3a"
    (tmp_path / "secret.txt").write_text(secret, "utf-8")
    (tmp_path / "secret.png").write_text(secret, "utf-8")
    outside = tmp_path / "secret.txt"
    files = {
        **md(body="[a link out](../../secret.txt)", summary="S"),
        "leak.rst": f"Leak\n####\n\n:date: 2021-01-01\n\n.. include:: {outside}\n",
        "leak.html": f'<html><head><title>x</title></head><body><a href="{outside}">x</a></body>',
    }
    content = write(tmp_path, files, {"images/card.png": PNG})
    output = tmp_path / "output"

    def leaked():
        files = [p for p in output.rglob("*") if p.is_file()]
        assert files  # the last good site is there to look at
        return [p for p in files if secret.encode() in p.read_bytes()]

    assert build_as_make_does(content, output, "2021-01-01")[0] == 0
    assert leaked() == []
    attempts = {
        "attach": ("bad.md", md(body="![a]({attach}../../secret.png)", summary="S")["bad.md"]),
        "static": ("bad.md", md(body="[b]({static}/../secret.txt)", summary="S")["bad.md"]),
        "Image": ("bad.md", header("Image: ../secret.png")["bad.md"]),
    }
    for name, (file, text) in attempts.items():
        (content / "campaigns" / file).write_text(text, "utf-8")
        assert build_as_make_does(content, output, "2021-01-01")[0] == 1, name
        assert leaked() == [], name
    (content / "campaigns" / "bad.md").write_text(md(summary="S")["bad.md"], "utf-8")
    (content / "images" / "linked.png").symlink_to(tmp_path / "secret.png")
    assert build_as_make_does(content, output, "2021-01-01")[0] == 1
    assert leaked() == []


def test_an_invisible_character_in_the_explanation_names_its_line(tmp_path):
    text = campaign_md(slug="bad", body="First line.\n\nWhy\x0bthis matters.")
    line = text.split("\n").index("Why\x0bthis matters.") + 1
    content = write(tmp_path, {"bad.md": text}, {})
    status, printed = build_as_make_does(content, tmp_path / "output", "2021-01-01")
    assert status == 1 and f"bad.md:{line}: [text-control] explanation: " in printed, printed
