"""Only pictures are published from content/, and nothing from outside it."""

import os
from pathlib import Path

import pytest

from helpers import EXAMPLE_CONTENT, picture
from pelican.plugins.megaphone.site.static_files import (
    copy_problems,
    file_picture_kind,
    image_field_problems,
    link_problems,
    picture_kind,
    static_problems,
)

# The first bytes of each kind, written out by hand from each format's specification.
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 20
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 20
GIF = b"GIF89a\x01\x00\x01\x00" + b"\x00" * 20
WEBP = b"RIFF\x24\x00\x00\x00WEBPVP8 " + b"\x00" * 20
AVIF = b"\x00\x00\x00\x1cftypavif\x00\x00\x00\x00avifmif1miaf" + b"\x00" * 8
AVIF_COMPATIBLE = b"\x00\x00\x00\x20ftypmif1\x00\x00\x00\x00mif1avifmiafMA1B" + b"\x00" * 8
HEIC = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 8


@pytest.mark.parametrize(
    "head, kind",
    [
        (PNG, "PNG"),
        (JPEG, "JPEG"),
        (GIF, "GIF"),
        (b"GIF87a" + b"\x00" * 10, "GIF"),
        (WEBP, "WebP"),
        (AVIF, "AVIF"),
        (AVIF_COMPATIBLE, "AVIF"),
    ],
)
def test_pictures_are_known_by_their_first_bytes(head, kind):
    assert picture_kind(head) == kind


@pytest.mark.parametrize(
    "head",
    [
        b"<html><script>alert(1)</script>",
        b"<?xml version='1.0'?><svg",
        b"<svg onload=x>",
        b"alert(document.cookie)",
        b"",
        b"\x89PNG",
        b"RIFF\x00\x00\x00\x00WAVEfmt ",
        HEIC,
        b"%PDF-1.7",
        b"PK\x03\x04",
    ],
)
def test_anything_else_is_not_a_picture(head):
    assert picture_kind(head) is None


def the_site(tmp_path: Path) -> Path:
    content = tmp_path / "site" / "content"
    (content / "images").mkdir(parents=True)
    (content / "campaigns").mkdir()
    (content / "campaigns" / "park.md").write_text("Title: Park\n", "utf-8")
    (content / "images" / "park.png").write_bytes(picture("PNG"))
    return content


def codes(problems):
    return sorted((Path(p.file).name, p.code) for p in problems)


def test_real_pictures_pass(tmp_path):
    content = the_site(tmp_path)
    for name, kind in [("a.jpg", "JPEG"), ("b.gif", "GIF"), ("c.webp", "WEBP"), ("d.avif", "AVIF")]:
        (content / "images" / name).write_bytes(picture(kind))
    (content / "images" / "sub").mkdir()
    (content / "images" / "sub" / "e.JPEG").write_bytes(picture("JPEG"))
    (content / "images" / "sub" / "café-été_2.png").write_bytes(picture("PNG"))  # any letters
    (content / "images" / "sub" / "公園.png").write_bytes(picture("PNG"))
    assert static_problems(content, ["images"]) == []
    assert link_problems(content) == []


@pytest.mark.parametrize(
    "name, data, advice",
    [
        ("evil.png", b"<html><script>alert(1)</script></html>", "save it again as PNG or JPEG"),
        (
            "chart.svg",
            b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>",
            "Convert chart.svg to PNG",
        ),
        (
            "x.html",
            b"<meta http-equiv=refresh content='0;url=https://phish.example'>",
            "Delete x.html",
        ),
        ("x.js", b"alert(1)", "Delete x.js"),
        ("x.css", b"body{}", "Delete x.css"),
        ("notes.txt", b"hello", "Delete notes.txt"),
        ("photo.jpg", b"", "save it again as PNG or JPEG"),
    ],
)
def test_files_that_are_not_pictures_are_refused_with_advice(tmp_path, name, data, advice):
    content = the_site(tmp_path)
    (content / "images" / name).write_bytes(data)
    problems = static_problems(content, ["images"])
    assert codes(problems) == [(name, "static-not-image")]
    assert advice in problems[0].message and problems[0].field == "file"
    if name.endswith((".png", ".jpg")):
        assert "its name ends in" in problems[0].message


def test_ignored_files_are_skipped_but_hidden_files_are_not(tmp_path):
    """Pelican copies .htaccess (it could make a host serve a .png as a page)."""
    content = the_site(tmp_path)
    (content / "images" / ".gitkeep").write_bytes(b"")
    (content / "images" / ".#park.png").write_bytes(b"editor lock")
    (content / "images" / ".htaccess").write_bytes(b"AddType text/html .png\n")
    assert codes(static_problems(content, ["images"])) == [(".htaccess", "picture-hidden")]
    assert codes(static_problems(content, ["images"], ignore=[".#*"])) == [
        (".gitkeep", "picture-hidden"),
        (".htaccess", "picture-hidden"),
    ]


def test_files_outside_the_static_paths_are_not_its_business(tmp_path):
    content = the_site(tmp_path)
    assert static_problems(content, ["images", "missing-folder"]) == []


# --- Links (symlinks) ----------------------------------------------------------


@pytest.fixture
def outside(tmp_path) -> Path:
    secret = tmp_path / "secret.txt"
    secret.write_text("API_TOKEN=hunter2", "utf-8")
    return secret


def test_a_link_to_a_file_outside_is_refused_and_not_read(tmp_path, outside):
    content = the_site(tmp_path)
    os.symlink(outside, content / "images" / "cat.png")
    problems = link_problems(content)
    assert codes(problems) == [("cat.png", "symlink-outside")]
    assert str(outside) in problems[0].message
    assert static_problems(content, ["images"]) == []  # reported once, by link_problems


@pytest.mark.parametrize("target", ["/proc/self/environ", "../../.git/config", "/", "/etc"])
def test_links_to_secrets_on_the_build_machine_are_refused(tmp_path, target):
    content = the_site(tmp_path)
    (tmp_path / "site" / ".git").mkdir()
    (tmp_path / "site" / ".git" / "config").write_text("[remote]\n", "utf-8")
    os.symlink(target, content / "images" / "pic.png")
    assert codes(link_problems(content)) == [("pic.png", "symlink-outside")]


def test_a_linked_folder_anywhere_in_content_is_refused(tmp_path, outside):
    content = the_site(tmp_path)
    os.symlink(outside.parent, content / "campaigns" / "more")
    assert codes(link_problems(content)) == [("more", "symlink-outside")]


def test_a_link_loop_and_a_broken_link_lead_nowhere(tmp_path):
    content = the_site(tmp_path)
    os.symlink("loop.png", content / "images" / "loop.png")
    os.symlink("a", content / "images" / "b")
    os.symlink("b", content / "images" / "a")
    os.symlink("missing.png", content / "images" / "gone.png")
    os.symlink("..", content / "images" / "up")  # a loop through folders, inside content
    assert codes(link_problems(content)) == [
        ("a", "symlink-broken"),
        ("b", "symlink-broken"),
        ("gone.png", "symlink-broken"),
        ("loop.png", "symlink-broken"),
    ]
    assert static_problems(content, ["images"]) != []  # finishes, and finds park.md via up/


def test_a_link_inside_content_to_a_picture_is_fine(tmp_path):
    content = the_site(tmp_path)
    os.symlink("park.png", content / "images" / "same.png")
    assert link_problems(content) == [] and static_problems(content, ["images"]) == []


def test_a_link_inside_content_to_a_campaign_file_is_not_a_picture(tmp_path):
    content = the_site(tmp_path)
    os.symlink("../campaigns/park.md", content / "images" / "park-source.png")
    assert codes(static_problems(content, ["images"])) == [("park-source.png", "static-not-image")]


# --- The Image field -------------------------------------------------------------

FILE = "content/campaigns/park.md"


@pytest.mark.parametrize("value", ["images/park.png", " images/park.png ", ""])
def test_an_image_field_naming_a_picture_in_images_passes(tmp_path, value):
    assert image_field_problems(the_site(tmp_path), value, file=FILE) == []


@pytest.mark.parametrize(
    "value",
    [
        "/etc/passwd",
        "../../.git/config",
        "images/../../.git/config",
        "images/../campaigns/park.md",
        "campaigns/park.md",
        "https://tracker.example/p.png",
        "images",
        "images/",
        "images\\..\\..\\secret.png",
        "C:\\secret.png",
        "/proc/self/environ",
    ],
)
def test_an_image_field_outside_images_is_refused(tmp_path, value):
    problems = image_field_problems(the_site(tmp_path), value, file=FILE)
    assert [(p.code, p.field, p.file) for p in problems] == [("image-outside", "Image", FILE)]


def test_an_image_field_through_a_link_outside_is_refused(tmp_path, outside):
    content = the_site(tmp_path)
    os.symlink(outside, content / "images" / "cat.png")
    os.symlink(outside.parent, content / "images" / "dir")
    for value in ("images/cat.png", "images/dir/secret.txt"):
        assert [p.code for p in image_field_problems(content, value, file=FILE)] == [
            "image-outside"
        ]


def test_an_image_field_naming_a_fake_picture_or_nothing(tmp_path):
    content = the_site(tmp_path)
    (content / "images" / "fake.png").write_text("<script>alert(1)</script>", "utf-8")
    assert [p.code for p in image_field_problems(content, "images/fake.png", file=FILE)] == [
        "static-not-image"
    ]
    assert [p.code for p in image_field_problems(content, "images/none.png", file=FILE)] == [
        "image-not-found"
    ]


# --- What Pelican is about to copy ----------------------------------------------------


def test_copies_from_outside_content_or_to_outside_output_are_refused(tmp_path, outside):
    content = the_site(tmp_path)
    output = tmp_path / "site" / "output"
    (content / "images" / "fake.png").write_text("<html>", "utf-8")
    copies = [
        ("images/park.png", "images/park.png"),  # fine
        ("../../secret.txt", "park/secret.txt"),  # what {attach}../../../secret.txt pulls in
        ("../secret.txt", "../secret.txt"),  # {static}/../secret.txt: written outside output
        ("campaigns/park.md", "campaigns/park.md"),  # a source file, linked with {static}
        ("images/fake.png", "images/fake.png"),
        ("images/park.png", "../../escape.png"),
    ]
    problems = copy_problems(copies, content=content, output=output, static_paths=["images"])
    assert [(Path(p.file).name, p.code) for p in problems] == [
        ("secret.txt", "static-link-outside"),
        ("secret.txt", "static-link-outside"),
        ("park.md", "static-link-outside"),
        ("fake.png", "static-link-outside"),
        ("park.png", "static-link-outside"),
    ]
    assert "outside the output folder" in problems[-1].message


def test_copies_as_pelican_lists_them_with_absolute_sources(tmp_path, outside):
    """context['staticfiles'] holds absolute source paths."""
    content = the_site(tmp_path)
    copies = [
        (str(content / "images" / "park.png"), "images/park.png"),
        (str(outside), "park/secret.txt"),
    ]
    problems = copy_problems(
        copies, content=content, output=tmp_path / "out", static_paths=["images"]
    )
    assert [(p.file, p.code) for p in problems] == [(str(outside), "static-link-outside")]


def test_the_example_content_is_safe():
    content = EXAMPLE_CONTENT
    assert link_problems(content) == []
    assert static_problems(content, ["images"]) == []
    pictures = list((content / "images").glob("*.png"))
    assert pictures and all(file_picture_kind(p) == "PNG" for p in pictures)
