"""A picture is its pixels (issue 18): every picture from content/ is decoded and
written again, in the format its name says, with its colour profile and nothing
else it carried; whatever is not such a picture is refused before anything is
published."""

import io
import os
import zlib
from pathlib import Path

import pytest
from pelican import signals
from PIL import Image, ImageCms, ImageSequence, PngImagePlugin

from helpers import build, build_as_make_does, campaign_md, picture, write_site
from pelican.plugins.megaphone.model.report import CampaignProblems
from pelican.plugins.megaphone.site import pictures
from pelican.plugins.megaphone.site.static_files import share_image_warnings, static_problems

SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
GPS_INFO, ORIENTATION, MAKE = 0x8825, 0x0112, 0x010F
GPS_LATITUDE_REF, GPS_LATITUDE = 1, 2
TURN_QUARTER_CLOCKWISE = 6  # EXIF: the camera was held on its side


def opened(data: bytes) -> Image.Image:
    return Image.open(io.BytesIO(data))


def a_site(tmp_path: Path, images: dict[str, bytes], **fields) -> Path:
    content = write_site(tmp_path, {"park.md": campaign_md(slug="park", summary="S", **fields)})
    (content / "images").mkdir(exist_ok=True)
    for name, data in images.items():
        (content / "images" / name).write_bytes(data)
    return content


def refused(tmp_path: Path, name: str, data: bytes) -> list[tuple[str, str]]:
    content = a_site(tmp_path, {"park.png": picture("PNG"), name: data})
    return [(Path(p.file).name, p.code) for p in static_problems(content, ["images"])]


# --- What is refused --------------------------------------------------------------

GIF_SCRIPT = b"GIF89a=1;alert(document.domain)//" + b"\x00" * 16  # runs as a script, too
PNG_PAGE = b"\x89PNG\r\n\x1a\n<html><script>alert(1)</script></html>"
AVIF_SETTINGS = b"\x00\x00\x00\x1cftypavif\x00\x00\x00\x00avifmif1miaf\nAddType text/html .png\n"


@pytest.mark.parametrize(
    "name, data, code",
    [
        ("x.js", GIF_SCRIPT, "static-not-image"),
        ("x.js", picture("GIF"), "static-not-image"),  # even a whole, real GIF
        ("x.html", PNG_PAGE, "static-not-image"),
        ("x.svg", picture("PNG"), "static-not-image"),
        (".htaccess", AVIF_SETTINGS, "picture-hidden"),
        (".hidden.png", picture("PNG"), "picture-hidden"),
        ("garbage.png", b"\x89PNG\r\n\x1a\n" + os.urandom(200), "picture-unreadable"),
        ("page.png", PNG_PAGE, "picture-unreadable"),
        ("cut.jpg", picture("JPEG")[:200], "picture-unreadable"),
        ('a">b.png', picture("PNG"), "picture-name"),
        ("a<script>.png", picture("PNG"), "picture-name"),
        ("park gate.png", picture("PNG"), "picture-name"),
        ("100%.png", picture("PNG"), "picture-name"),
        ("what?.png", picture("PNG"), "picture-name"),
        ("a&b.png", picture("PNG"), "picture-name"),
        ("it's.png", picture("PNG"), "picture-name"),
    ],
)
def test_what_is_not_a_picture_by_name_bytes_and_pixels_is_refused(tmp_path, name, data, code):
    assert refused(tmp_path, name, data) == [(name, code)]


def test_the_advice_says_what_to_do(tmp_path):
    content = a_site(tmp_path, {"x.js": GIF_SCRIPT, 'a">b.png': picture("PNG")})
    messages = {Path(p.file).name: p.message for p in static_problems(content, ["images"])}
    assert "rename it to end in .gif" in messages["x.js"]
    assert "'\"' '>'" in messages['a">b.png'] and "Rename it" in messages['a">b.png']


def test_a_folder_name_counts_as_much_as_a_file_name(tmp_path):
    content = a_site(tmp_path, {})
    for folder in ('a"b', ".well-known"):
        (content / "images" / folder).mkdir()
        (content / "images" / folder / "park.png").write_bytes(picture("PNG"))
    assert sorted(p.code for p in static_problems(content, ["images"])) == [
        "picture-hidden",
        "picture-name",
    ]


def test_a_picture_with_more_pixels_than_a_page_needs_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(pictures, "MAX_PIXELS", 1000)  # 120 x 63 pixels is over it
    assert refused(tmp_path, "big.png", picture("PNG")) == [
        ("big.png", "picture-too-large"),
        ("park.png", "picture-too-large"),
    ]


def test_an_animation_of_too_many_frames_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(pictures, "MAX_FRAMES", 2)
    assert refused(tmp_path, "moving.gif", animated_gif()) == [("moving.gif", "picture-too-large")]


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return len(data).to_bytes(4, "big") + kind + data + zlib.crc32(kind + data).to_bytes(4, "big")


def test_a_decompression_bomb_is_refused_before_it_is_decoded(tmp_path):
    """A header saying 100000 x 100000 pixels: 30 GB once decoded."""
    header = (100_000).to_bytes(4, "big") * 2 + bytes([8, 2, 0, 0, 0])
    bomb = (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", zlib.compress(b"\x00" * 1000))
        + png_chunk(b"IEND", b"")
    )
    assert refused(tmp_path, "bomb.png", bomb) == [("bomb.png", "picture-too-large")]


def test_avif_is_refused_in_plain_words_where_pillow_cannot_write_it(tmp_path, monkeypatch):
    monkeypatch.setattr(pictures, "avif_supported", lambda: False)
    content = a_site(tmp_path, {"park.avif": picture("AVIF")})
    (problem,) = static_problems(content, ["images"])
    assert problem.code == "picture-avif-unsupported"
    assert "Save it as PNG or JPEG" in problem.message


def test_a_build_with_a_disguised_script_stops_and_publishes_nothing_of_it(tmp_path):
    content = a_site(tmp_path, {"x.js": GIF_SCRIPT, ".htaccess": AVIF_SETTINGS})
    status, printed = build_as_make_does(content, tmp_path / "output", "2021-01-01")
    assert status == 1
    assert "[static-not-image]" in printed and "[picture-hidden]" in printed
    assert "Traceback" not in printed
    published = [p for p in (tmp_path / "output").rglob("*") if p.is_file()]
    assert not any(p.name in ("x.js", ".htaccess") for p in published)


# --- What is published --------------------------------------------------------------


def photo_with_gps() -> bytes:
    """A JPEG as a phone writes one: where it was taken, the camera, held on its side,
    with a colour profile."""
    exif = Image.Exif()
    exif[ORIENTATION] = TURN_QUARTER_CLOCKWISE
    exif[MAKE] = "SecretCam"
    gps = exif.get_ifd(GPS_INFO)
    gps[GPS_LATITUDE_REF] = "N"
    gps[GPS_LATITUDE] = (40.0, 41.0, 21.0)
    data = picture("JPEG", size=(40, 20), exif=exif, icc_profile=SRGB, comment=b"at home")
    assert opened(data).getexif().get_ifd(GPS_INFO)  # the test's own photo has them
    return data


def png_with_text() -> bytes:
    text = PngImagePlugin.PngInfo()
    text.add_text("Author", "Jane Doe, 12 Secret Street")
    text.add_itxt("XML:com.adobe.xmp", "<x:xmpmeta>editor notes</x:xmpmeta>")
    return picture("PNG", pnginfo=text)


def animated_gif() -> bytes:
    frames = [Image.new("RGB", (12, 8), colour) for colour in ("red", "lime", "blue")]
    out = io.BytesIO()
    frames[0].save(
        out, "GIF", save_all=True, append_images=frames[1:], duration=[50, 60, 70], loop=0
    )
    return out.getvalue()


EVERY_FORMAT = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".gif": "GIF", ".webp": "WEBP"}
EVERY_FORMAT[".avif"] = "AVIF"  # this project's Pillow writes AVIF (a wheel built with libavif)


def marked(kind: str) -> bytes:
    """A picture in `kind`, carrying a mark that must not be published."""
    if kind == "GIF":  # no EXIF in a GIF: a comment
        return picture(kind, comment=b"SecretCam")
    exif = Image.Exif()
    exif[MAKE] = "SecretCam"
    return picture(kind, exif=exif)


def every_format() -> dict[str, bytes]:
    """Each format from a picture of its own kind, and from a PNG with text."""
    same = {f"same{suffix}": marked(kind) for suffix, kind in EVERY_FORMAT.items()}
    other = {f"from-png{suffix}": png_with_text() for suffix in EVERY_FORMAT}
    return same | other


def published_site(tmp_path: Path, **override) -> tuple[Path, Path]:
    images = {
        "photo.jpg": photo_with_gps(),
        "text.png": png_with_text(),
        "moving.gif": animated_gif(),
        **every_format(),
    }
    content = a_site(tmp_path, images)
    output = build(content, tmp_path / "output", "2021-01-01", **override)
    return content, output


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> tuple[Path, Path]:
    return published_site(tmp_path_factory.mktemp("pictures"))


def test_a_photo_loses_where_it_was_taken_and_keeps_its_colours_and_its_way_up(published):
    _, output = published
    data = (output / "images" / "photo.jpg").read_bytes()
    photo = opened(data)
    assert photo.format == "JPEG"
    assert dict(photo.getexif()) == {} and b"Exif" not in data
    assert b"SecretCam" not in data and b"at home" not in data
    assert photo.info.get("icc_profile") == SRGB
    # 40 x 20, left red and right blue, turned a quarter clockwise: red on top.
    assert photo.size == (20, 40)
    red, blue = photo.convert("RGB").getpixel((10, 5)), photo.convert("RGB").getpixel((10, 35))
    assert red[0] > 200 > red[2] and blue[2] > 200 > blue[0]


def test_a_colour_profile_that_does_not_describe_the_pixels_is_dropped():
    """A grey photo with an RGB profile: a browser would refuse the profile, or worse."""
    grey = Image.new("L", (8, 8), 128)
    out = io.BytesIO()
    grey.save(out, "JPEG", icc_profile=SRGB)
    assert "icc_profile" not in opened(pictures.published_picture(out.getvalue(), ".png")).info
    colour = opened(pictures.published_picture(picture("JPEG", icc_profile=SRGB), ".png"))
    assert colour.info["icc_profile"] == SRGB


def test_a_png_loses_its_text(published):
    _, output = published
    data = (output / "images" / "text.png").read_bytes()
    assert b"Jane Doe" not in data and b"editor notes" not in data
    assert b"tEXt" not in data and b"iTXt" not in data
    assert opened(data).info == {}


@pytest.mark.parametrize("suffix, kind", EVERY_FORMAT.items())
@pytest.mark.parametrize("source", ["same", "from-png"])
def test_every_format_is_written_again_in_the_format_its_name_says(published, source, suffix, kind):
    content, output = published
    name = source + suffix
    data = (output / "images" / name).read_bytes()
    assert b"SecretCam" not in data and b"Jane Doe" not in data  # written, not copied
    again = opened(data)
    assert again.format == kind
    again.load()  # decodes to the end
    assert again.size == opened((content / "images" / name).read_bytes()).size


def test_an_animated_gif_keeps_every_frame_and_its_timing(published):
    _, output = published
    gif = opened((output / "images" / "moving.gif").read_bytes())
    timing = [frame.info["duration"] for frame in ImageSequence.Iterator(gif)]
    assert timing == [50, 60, 70]
    colours = []
    for index in range(3):
        gif.seek(index)
        colours.append(gif.convert("RGB").getpixel((0, 0)))
    assert colours == [(255, 0, 0), (0, 255, 0), (0, 0, 255)]


def test_two_builds_without_a_cache_write_the_same_bytes(tmp_path, published):
    content, first = published
    _, second = published_site(tmp_path, MEGAPHONE_CACHE=False)
    names = sorted(p.name for p in (first / "images").iterdir())
    assert names == sorted(p.name for p in (second / "images").iterdir())
    for name in names:
        assert (first / "images" / name).read_bytes() == (second / "images" / name).read_bytes()
    # the same bytes, and not because both copied the file
    assert (first / "images" / "photo.jpg").read_bytes() != photo_with_gps()


def test_the_preview_links_an_unchanged_picture_to_the_site_on_screen(tmp_path):
    content = a_site(tmp_path, {"park.jpg": photo_with_gps()})
    live = build(content, tmp_path / "live", "2021-01-01")
    fresh = build(
        content, tmp_path / "fresh", "2021-01-01", MEGAPHONE_PREVIEW_LIVE_OUTPUT=str(live)
    )
    assert os.path.samefile(live / "images" / "park.jpg", fresh / "images" / "park.jpg")
    assert b"SecretCam" not in (fresh / "images" / "park.jpg").read_bytes()


def test_links_to_content_are_never_made_even_when_pelican_is_asked_to(tmp_path):
    content = a_site(tmp_path, {"park.png": png_with_text()})
    output = build(content, tmp_path / "output", "2021-01-01", STATIC_CREATE_LINKS=True)
    published, source = output / "images" / "park.png", content / "images" / "park.png"
    assert not published.is_symlink() and not os.path.samefile(published, source)
    assert b"Jane Doe" not in published.read_bytes()


def test_an_old_link_in_output_is_replaced_not_written_through(tmp_path):
    """An output folder from a build with STATIC_CREATE_LINKS (before this plugin wrote
    pictures) holds links to content/: writing through one would change the source."""
    source_bytes = png_with_text()
    content = a_site(tmp_path, {"park.png": source_bytes})
    output = tmp_path / "output"
    (output / "images").mkdir(parents=True)
    os.link(content / "images" / "park.png", output / "images" / "park.png")
    build(content, output, "2021-01-01", DELETE_OUTPUT_DIRECTORY=False)
    assert (content / "images" / "park.png").read_bytes() == source_bytes


def test_the_theme_is_still_published(published):
    _, output = published
    assert list((output / "theme").rglob("*.js"))


def test_a_warm_build_takes_the_pictures_from_the_cache(tmp_path, monkeypatch):
    content = a_site(tmp_path, {"park.jpg": photo_with_gps()})
    build(content, tmp_path / "one", "2021-01-01")
    encoded = []
    real = pictures.published_picture
    monkeypatch.setattr(
        "pelican.plugins.megaphone.site.static_files.published_picture",
        lambda data, suffix: encoded.append(suffix) or real(data, suffix),
    )
    build(content, tmp_path / "two", "2021-01-01")
    assert encoded == []
    assert (tmp_path / "one" / "images" / "park.jpg").read_bytes() == (
        tmp_path / "two" / "images" / "park.jpg"
    ).read_bytes()


def test_a_picture_that_fails_to_decode_stops_the_build(tmp_path):
    content = a_site(tmp_path, {"park.png": b"\x89PNG\r\n\x1a\n" + b"\x00" * 40})
    with pytest.raises(CampaignProblems) as stop:
        build(content, tmp_path / "output", "2021-01-01")
    assert [p.code for p in stop.value.problems] == ["picture-unreadable"]


def test_a_picture_spoiled_after_the_check_is_not_written_either(tmp_path):
    """Between the check and the writing (the pages are written in between), the
    file is changed: what is written is checked again, not copied."""
    content = a_site(tmp_path, {"park.png": picture("PNG", size=(64, 64))})

    def spoil(generator, writer):
        (content / "images" / "park.png").write_bytes(b"\x89PNG\r\n\x1a\n<script>")

    signals.article_writer_finalized.connect(spoil)
    with pytest.raises(CampaignProblems) as stop:
        build(content, tmp_path / "output", "2021-01-01")
    assert [p.code for p in stop.value.problems] == ["picture-unreadable"]
    assert not (tmp_path / "output" / "images" / "park.png").exists()


# --- The share Image ---------------------------------------------------------------


def noise_png(width: int, height: int) -> bytes:
    """Random pixels: no encoder can make them small."""
    image = Image.frombytes("RGB", (width, height), os.urandom(width * height * 3))
    out = io.BytesIO()
    image.save(out, "PNG", compress_level=1)
    return out.getvalue()


@pytest.mark.parametrize(
    "size, warned",
    [((1200, 630), False), ((1000, 600), False), ((630, 630), True), ((500, 262), True)],
)
def test_a_share_image_far_from_1200_by_630_is_warned_about(tmp_path, size, warned):
    content = a_site(tmp_path, {"share.png": picture("PNG", size=size)})
    warnings = share_image_warnings(content, "images/share.png")
    assert bool(warnings) == warned
    if warned:
        (text,) = warnings
        assert "[image-share-shape]" in text and "images/share.png" in text
        assert f"{size[0]} × {size[1]} pixels" in text and " KB)" in text


def test_a_share_image_over_5_mb_is_warned_about(tmp_path):
    content = a_site(tmp_path, {"heavy.png": noise_png(1900, 1000)})
    (text,) = share_image_warnings(content, "images/heavy.png")
    assert "[image-share-heavy]" in text and "images/heavy.png" in text
    assert "1900 × 1000 pixels" in text and " MB" in text


def test_a_turned_photo_is_measured_as_it_is_shown(tmp_path):
    content = a_site(tmp_path, {"photo.jpg": photo_with_gps()})
    (text,) = share_image_warnings(content, "images/photo.jpg")
    assert "20 × 40 pixels" in text


def test_the_warning_reaches_make_html(tmp_path):
    content = a_site(tmp_path, {"square.png": picture("PNG", size=(400, 400))})
    source = content / "campaigns" / "park.md"
    source.write_text(
        source.read_text("utf-8").replace("Date:", "Image: images/square.png\nDate:"), "utf-8"
    )
    status, printed = build_as_make_does(content, tmp_path / "output", "2021-01-01")
    assert status == 0, printed
    assert "park.md: [image-share-shape] the Image 'images/square.png' is 400 × 400" in printed
