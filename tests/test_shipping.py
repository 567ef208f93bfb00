"""What a pull request can publish: the bytes that ship, each path's one owner, and
Pelican's own features (pages, {static}, {attach}, {filename}) held to the same rules.

Each case of issue 18 stops `make html` and `make check` alike with
`file:line: [code]`, or, where the build is right to go on, ships nothing
that the case tried to plant."""

import os
import shutil
import subprocess
import sys

import pytest

from helpers import (
    both_commands,
    build_as_make_does,
    campaign_md,
    picture,
    write_example,
    write_files,
)
from pelican.plugins.megaphone.model.shipped_page import Allowed, page_findings
from pelican.plugins.megaphone.site.claims import Claims, unclaimed_files
from settings_under_test import CONF, ROOT

FIXTURES = ROOT / "tests" / "fixtures"

PNG = picture("PNG")
REFRESH = '<meta http-equiv="refresh" content="0;url=https://phish.example/">'


def shipped(output):
    return b"".join(p.read_bytes() for p in output.rglob("*") if p.is_file())


def page(slug="bad", **fields):
    return {f"{slug}.md": campaign_md(slug=slug, summary="S", **fields)}


def only_in(text: str, code: str) -> str:
    lines = [line for line in text.splitlines() if f"[{code}]" in line]
    assert lines, text
    return lines[0]


CASES = {
    "a page in content/pages/": (
        page(),
        {"pages/about.md": 'Title: About\nSlug: x" onmouseover="alert(1)\n\nHello.\n'},
        "pages/about.md:1: [page-not-campaign]",
    ),
    "Save_as in a page": (
        page(),
        {"pages/home.md": "Title: Home\nSave_as: index.html\n\n<p>Write to us</p>\n"},
        "pages/home.md:1: [page-not-campaign]",
    ),
    "{attach} of a picture": (
        page(body="![x]({attach}/images/index.html.png)"),
        {"images/index.html.png": PNG},
        "[site-link-kind] explanation:",
    ),
    "{attach} in the Summary": (
        {"bad.md": campaign_md(slug="bad", summary="See <img src='{attach}/images/p.png'>")},
        {"images/p.png": PNG},
        "[site-link-kind] Summary:",
    ),
    "{filename} to nothing": (
        page(body="[the other campaign]({filename}/campaigns/nothing.md)"),
        {},
        "[site-link-missing] explanation:",
    ),
    "{static} to nothing": (
        page(body="![chart]({static}/images/missing.png)"),
        {},
        "[site-link-missing] explanation:",
    ),
    "{tag} link": (page(body="[more]({tag}parks)"), {}, "[site-link-kind] explanation:"),
    "a Date that cannot be written in UTC": (
        page(date="0001-01-01", timezone="Asia/Tokyo"),
        {},
        "[date-out-of-range] Date:",
    ),
    "a hidden file among the pictures": (
        page(),
        {"images/.htaccess": b"\x00\x00\x00\x1cftypavif" + b"\x00" * 32},
        "[output-host-file]",
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_each_case_stops_both_commands(tmp_path, name):
    campaigns, files, expected = CASES[name]
    content = write_files(tmp_path, campaigns, files)
    status, built, checked, report = both_commands(content, tmp_path / "output")
    for output in (built, report):
        assert "Traceback" not in output
        assert expected in output, output
    assert status == 1 and checked == 1
    assert not (tmp_path / "output").exists()  # nothing was published


def test_a_published_campaign_cannot_link_to_a_draft(tmp_path):
    campaigns = {
        **page(body="[the next one]({filename}/campaigns/next.md)"),
        "next.md": campaign_md(slug="next", summary="S").replace("Date:", "Status: draft\nDate:"),
    }
    content = write_files(tmp_path, campaigns)
    status, built, checked, report = both_commands(content, tmp_path / "output")
    line = only_in(report, "site-link-draft")
    assert "/campaigns/bad.md:" in line and "next.md" in line
    assert status == 1 and checked == 1


def test_a_draft_may_link_to_a_draft_and_a_campaign_to_a_campaign(tmp_path):
    campaigns = {
        **page(body="[the other one]({filename}/campaigns/other.md)"),
        "other.md": campaign_md(slug="other", summary="S"),
    }
    content = write_files(tmp_path, campaigns)
    status, built, checked, report = both_commands(content, tmp_path / "output")
    assert status == 0 and checked == 0, built + report
    html = (tmp_path / "output" / "bad" / "index.html").read_text("utf-8")
    assert 'href="/other/"' in html


def test_a_picture_name_with_markup_is_escaped_where_it_is_written(tmp_path):
    """Pelican wrote the resolved address into the attribute raw: a picture named
    `x"><meta http-equiv="refresh" ...>.png` put a redirect on the campaign page."""
    name = 'x"><meta http-equiv="refresh" content="0;url=https:phish.example">.png'
    content = write_files(tmp_path, page(body=f"![chart]({{static}}/images/{name})"), {})
    (content / "images").mkdir()
    (content / "images" / name).write_bytes(PNG)
    status, built, checked, report = both_commands(content, tmp_path / "output")
    assert status == 1 and checked == 1 and "[picture-name]" in report, built + report
    assert not (tmp_path / "output").exists()


def test_a_link_is_escaped_where_it_is_written(tmp_path):
    """Were such a name ever allowed, the address goes into the attribute escaped."""
    from types import SimpleNamespace

    from pelican.plugins.megaphone.site.site_links import resolve_links

    name = 'images/x"><meta http-equiv="refresh">.png'
    (tmp_path / "images").mkdir()
    (tmp_path / name).write_bytes(PNG)
    item = SimpleNamespace(url=name, save_as=name)
    context = {"PATH": str(tmp_path), "static_content": {name: item}}
    article = SimpleNamespace(source_path=str(tmp_path / "campaigns" / "park.md"))
    escaped = "images/x&quot;&gt;&lt;meta http-equiv=&quot;refresh&quot;&gt;.png"  # as Markdown
    html = resolve_links(f'<img src="{{static}}/{escaped}">', article, context, "")
    assert html == f'<img src="/{escaped}">'


def test_two_files_claiming_one_path_name_both(tmp_path):
    """A translation's flyer where another campaign's flyer is: one replaced the other."""
    translation = campaign_md(slug="flyer", summary="S", title="Mantener").replace(
        "Date:", "Lang: es\nDate:"
    )
    campaigns = {
        "es.md": campaign_md(slug="es", summary="S"),
        "flyer.md": campaign_md(slug="flyer", summary="S"),
        "flyer.es.md": translation,
    }
    content = write_files(tmp_path, campaigns)
    status, built, checked, report = both_commands(content, tmp_path / "output")
    line = only_in(report, "output-taken")
    assert "es/flyer/index.html" in line and ("es.md" in line and "flyer.es.md" in line)
    assert status == 1 and checked == 1


def test_claims_refuse_host_files_and_a_file_where_a_folder_must_be():
    claims = Claims()
    claims.claim("park/index.html", "park.md")
    claims.claim("park", "images.md")  # a file where the folder of park/ is
    claims.claim("_redirects", "a.md")
    claims.claim(".well-known/security.txt", "b.md")
    claims.claim("images/.htaccess", "c.md")
    claims.claim("PARK/INDEX.HTML", "other.md")  # one file on macOS and Windows
    assert [(p.file, p.code) for p in claims.problems] == [
        ("images.md", "output-taken"),
        ("a.md", "output-host-file"),
        ("b.md", "output-host-file"),
        ("c.md", "output-host-file"),
        ("other.md", "output-taken"),
    ]


def test_nothing_unclaimed_ships(tmp_path):
    claims = Claims()
    claims.claim("park/index.html", "park.md")
    claims.claim_folder("theme", "the site")
    for name in ("park/index.html", "park/index.html.gz", "theme/js/x.js", "park/extra.html"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", "utf-8")
    assert unclaimed_files(str(tmp_path), claims) == ["park/extra.html"]


ALLOWED = Allowed(
    scripts=frozenset({"/theme/js/megaphone.1234.js"}),
    inline_scripts=frozenset({"closeIt()"}),
    styles=frozenset({"body{}"}),
    policies=frozenset({"default-src 'self'"}),
)
THEME_PAGE = (
    '<!doctype html><html><head><meta charset="utf-8">'
    '<meta http-equiv="Content-Security-Policy" content="default-src \'self\'">'
    '<meta name="description" content="x"><meta property="og:title" content="x">'
    '<link rel="icon" href="data:,"><style>body{}</style><script>closeIt()</script>'
    '<script src="/theme/js/megaphone.1234.js" defer></script></head>'
    '<body><a href="mailto:a@example.org?subject=x">send</a>'
    '<a href="https://mail.google.com/">Gmail</a><a href="tel:+15551234">call</a>'
    "PLANT</body></html>"
)


@pytest.mark.parametrize(
    "planted",
    [
        REFRESH,
        '<meta http-equiv="Content-Security-Policy" content="default-src *">',
        '<script src="/images/x.js"></script>',
        "<script>alert(1)</script>",
        "<style>a{}</style>",
        '<base href="https://phish.example/">',
        '<iframe src="/x"></iframe>',
        '<img src="/x.png" onerror="alert(1)">',
        '<a href="javascript:alert(1)">x</a>',
        '<a href=" JaVa\tScRiPt:alert(1)">x</a>',
        '<form action="https://phish.example/"><input name="x"></form>',
        '<link rel="stylesheet" href="/x.css">',
        '<object data="/x.swf"></object>',
        "<img/onerror=alert(1)/src=x>",
        "<IMG SRC=x ONERROR='alert(1)'>",
        "<script>alert(1)",
        '<svg><a xlink:href="javascript:alert(1)">x</a></svg>',
        '<p data-x=">" onclick="alert(1)">x</p>',
    ],
)
def test_the_page_as_written_refuses_what_no_page_holds(planted):
    assert page_findings(THEME_PAGE.replace("PLANT", ""), ALLOWED) == []
    assert page_findings(THEME_PAGE.replace("PLANT", planted), ALLOWED) != []


def test_every_kind_of_page_the_theme_writes_passes_the_last_look(tmp_path):
    """Open and closed campaigns, translations, drafts, flyers, calendar files, a
    representative's pages and their data: all claimed, all as the theme writes them."""
    content = write_example(tmp_path)
    (content / "targets").mkdir()
    shutil.copy(FIXTURES / "targets" / "ny-senate.csv", content / "targets")
    senators = campaign_md(slug="s79", to=None, summary="S")
    (content / "campaigns" / "s79.md").write_text(
        senators.replace("Subject:", "Targets: ny-senate\nSubject:"), "utf-8"
    )
    for today in ("2021-02-22", "2021-03-01"):  # open, then closed
        status, printed = build_as_make_does(content, tmp_path / today, today)
        assert status == 0, printed
    built = tmp_path / "2021-02-22"
    assert (built / "ban-the-scan-nypd" / "flyer" / "index.html").is_file()
    assert (built / "s79" / "to" / "1" / "index.html").is_file()


def test_a_file_no_folder_reads_is_said_and_never_ships(tmp_path):
    files = {"notes.txt": "TODO check with Maria", "other/about.md": "Title: About\n\nSECRET-7f\n"}
    content = write_files(tmp_path, page(), files)
    status, built, checked, report = both_commands(content, tmp_path / "output")
    assert status == 0 and checked == 0, built + report
    for name in ("content/notes.txt", "content/other/about.md"):
        assert f"{name}: [file-not-used]" in report.replace(str(tmp_path) + "/", "")
    assert b"SECRET-7f" not in shipped(tmp_path / "output")


def test_a_page_as_written_that_no_check_caught_stops_the_build(tmp_path):
    """The last look reads the bytes on disk: here a theme override plants a redirect
    that no check of the campaign file could see. The last good site stays."""
    from pelican.plugins.megaphone.commands.build import build_site

    content = write_files(tmp_path, page())
    output = tmp_path / "output"
    assert build_site(str(CONF), str(content), str(output), MEGAPHONE_TODAY="2021-01-01").ok
    good = shipped(output)
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    article = (ROOT / "theme" / "templates" / "article.html").read_text("utf-8")
    (overrides / "article.html").write_text(
        article.replace("{% block meta %}", "{% block meta %}" + REFRESH), "utf-8"
    )
    outcome = build_site(
        str(CONF),
        str(content),
        str(output),
        MEGAPHONE_TODAY="2021-01-01",
        THEME_TEMPLATES_OVERRIDES=[str(overrides)],
    )
    assert [(p.file, p.code) for p in outcome.problems] == [
        ("bad/index.html", "output-page-unsafe")
    ]
    assert "meta http-equiv='refresh'" in outcome.problems[0].message
    assert shipped(output) == good
    # `make check` builds into a folder it throws away: it finds the same page.
    overrides_line = f"THEME_TEMPLATES_OVERRIDES = [{str(overrides)!r}]\n"
    conf = tmp_path / "conf.py"
    conf.write_text(
        f"from pelicanconf import *\n{overrides_line}MEGAPHONE_TODAY = '2021-01-01'\n", "utf-8"
    )
    checked = subprocess.run(
        [sys.executable, "-m", "pelican.plugins.megaphone.commands", "check", str(content)]
        + ["-s", str(conf)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": f"{ROOT}:{ROOT / '.plugin'}"},
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 1, checked.stdout + checked.stderr
    assert "bad/index.html: [output-page-unsafe]" in checked.stdout
    assert shipped(output) == good


def gps_photo(kind: str) -> bytes:
    """A picture as a phone writes one: where it was taken, in its EXIF."""
    from PIL import Image

    exif = Image.Exif()
    exif[0x010F] = "SecretCam"
    exif.get_ifd(0x8825)[2] = (40.0, 41.0, 21.0)  # GPS latitude
    return picture(kind, exif=exif)


MARK = b"PLANTED-4d1f"
EVERY_KIND = {  # name in content/ -> (bytes, refused with this code, or None)
    "images/photo.jpg": (gps_photo("JPEG"), None),
    "images/photo.webp": (gps_photo("WEBP"), None),
    "images/photo.png": (gps_photo("PNG"), None),
    "images/photo.avif": (gps_photo("AVIF"), None),
    "images/moving.gif": (picture("GIF", comment=MARK), None),
    "images/nested/deeper.png": (picture("PNG"), None),
    "images/.gitkeep": (b"", None),
    "targets/ny-senate.csv": ((FIXTURES / "targets" / "ny-senate.csv").read_bytes(), None),
    "targets/notes.txt": (MARK, None),
    "notes.txt": (MARK, None),
    "other/about.md": (b"Title: About\n\n" + MARK + b"\n", None),
    "pages/about.md": (b"Title: About\n\n" + MARK + b"\n", "page-not-campaign"),
    "images/.htaccess": (b"GIF89a" + MARK, "picture-hidden"),
    "images/x.js": (b"GIF89a;alert(1)//" + MARK, "static-not-image"),
    "images/x.html": (picture("GIF"), "static-not-image"),
    "images/fake.png": (b"\x89PNG\r\n\x1a\n" + MARK, "picture-unreadable"),
    'images/q"><b.png': (picture("PNG"), "picture-name"),
    "images/a b.png": (picture("PNG"), "picture-name"),
    "images/.well-known/security.png": (picture("PNG"), "picture-hidden"),
}


def test_a_site_with_a_file_of_every_kind_ships_only_checked_data_and_pictures(tmp_path):
    """Every kind of file content/ can hold: what is refused stops both commands by name;
    without those, every file in output/ was written by the site (none is a copy of a
    file from content/), every picture is its pixels again, and no GPS tag survives."""
    from PIL import Image

    campaigns = {
        "park.md": campaign_md(slug="park", summary="S").replace(
            "Date:", "Image: images/photo.jpg\nDate:"
        ),
        "park.es.md": campaign_md(slug="park", summary="S", title="Parque").replace(
            "Date:", "Lang: es\nDate:"
        ),
        "next.md": campaign_md(slug="next").replace("Date:", "Status: draft\nDate:"),
        "s79.md": campaign_md(slug="s79", to=None, summary="S").replace(
            "Subject:", "Targets: ny-senate\nSubject:"
        ),
    }
    content = write_files(
        tmp_path, campaigns, {name: data for name, (data, _) in EVERY_KIND.items()}
    )
    status, built, checked, report = both_commands(content, tmp_path / "output")
    assert status == 1 and checked == 1 and not (tmp_path / "output").exists()
    for name, (_, code) in EVERY_KIND.items():
        if code:
            assert any(
                f"[{code}]" in line and name.split("/")[-1] in line for line in report.splitlines()
            ), (name, code, report)
    for name, (_, code) in EVERY_KIND.items():
        if code:
            (content / name).unlink()
    status, built, checked, report = both_commands(content, tmp_path / "output")
    assert status == 0 and checked == 0, built + report
    sources = {p.read_bytes() for p in content.rglob("*") if p.is_file() and p.stat().st_size}
    output = tmp_path / "output"
    pictures = 0
    for path in (p for p in output.rglob("*") if p.is_file()):
        data = path.read_bytes()
        assert data not in sources, path  # nothing is copied from content/
        assert MARK not in data, path
        if path.suffix in (".png", ".jpg", ".webp", ".avif", ".gif"):
            pictures += 1
            with Image.open(path) as image:
                exif = image.getexif()
                assert not exif.get_ifd(0x8825) and 0x010F not in exif, path
                assert "comment" not in image.info and "exif" not in image.info, path
    assert pictures == 6


def test_a_file_name_with_a_line_break_stays_on_its_own_line():
    """GitHub reads `::error ...` at the start of a line as a command of its own."""
    from pelican.plugins.megaphone.model.report import Problem

    name = "content/campaigns/x\n::error file=README.md::owned\n.md"
    assert str(Problem(name, "To", "wrong [code]")).count("\n") == 0


def test_a_links_query_and_fragment_are_not_escaped_twice(tmp_path):
    from types import SimpleNamespace

    from pelican.plugins.megaphone.site.site_links import resolve_links

    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "p.png").write_bytes(PNG)
    item = SimpleNamespace(url="images/p.png", save_as="images/p.png")
    context = {"PATH": str(tmp_path), "static_content": {"images/p.png": item}}
    article = SimpleNamespace(source_path=str(tmp_path / "campaigns" / "park.md"))
    html = '<a href="{static}/images/p.png?a=1&amp;b=2#x&amp;y">p</a>'  # as Markdown writes it
    assert resolve_links(html, article, context, "") == (
        '<a href="/images/p.png?a=1&amp;b=2#x&amp;y">p</a>'
    )


def test_a_checkout_that_tracks_compiled_python_is_refused_before_anything_runs(tmp_path):
    """A pull request can `git add -f` what .gitignore leaves out: compiled Python that
    is loaded without its source, or a .venv whose python is its own."""
    import subprocess

    from helpers import make

    copy = tmp_path / "checkout"
    shutil.copytree(
        ROOT,
        copy,
        ignore=shutil.ignore_patterns(
            ".git", ".venv", ".plugin", "node_modules", "output", "cache", "*.pyc"
        ),
    )
    marker = tmp_path / "ran"
    planted = copy / "plugins" / "nh3.py"
    planted.write_text(f"import pathlib\npathlib.Path({str(marker)!r}).touch()\n", "utf-8")
    import py_compile

    py_compile.compile(str(planted), cfile=str(copy / "plugins" / "nh3.pyc"), doraise=True)
    planted.unlink()
    for command in (["init", "-q"], ["add", "-A"], ["add", "-f", "plugins/nh3.pyc"]):
        subprocess.run(["git", *command], cwd=copy, check=True, capture_output=True)
    os.utime(copy / "requirements.txt", (0, 0))  # the shared .venv is up to date
    ran = make("check", f"VENV={ROOT / '.venv'}", cwd=copy)
    assert ran.returncode != 0 and "plugins/nh3.pyc" in ran.stdout + ran.stderr
    assert not marker.exists()


def test_more_pixels_than_a_site_may_publish_are_refused(tmp_path, monkeypatch):
    """Each picture is decoded and written again: many large ones could keep the build
    machine busy for an hour. (The limits are lowered here, as the real ones are large.)"""
    from pelican.plugins.megaphone.site import static_files

    monkeypatch.setattr(static_files, "MAX_SITE_PIXELS", 2 * 120 * 63)
    files = {f"images/p{n}.png": PNG for n in range(3)}  # 120 × 63 each
    content = write_files(tmp_path, page(), files)
    status, built, checked, report = both_commands(content, tmp_path / "output")
    assert status == 1 and checked == 1 and "[pictures-too-many]" in report, report
