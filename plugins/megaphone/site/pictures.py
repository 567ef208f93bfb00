"""A picture is its pixels: every picture from content/ is decoded and written again.

A file that merely starts like a picture can be anything after its first bytes
(a script, a page, a host's configuration), and a real photo carries where it
was taken (EXIF GPS), the camera and the editor's notes. So nothing from
content/ is published as it arrived: its pixels are decoded and encoded again,
in the format its name says, with the colour profile and nothing else. The
same file always gives the same bytes (builds are reproducible).

Only the decoders of the five published formats are ever used: Pillow knows
many more (EPS runs Ghostscript), and a stranger's file picks its decoder by
its first bytes."""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from PIL import Image, ImageOps, ImageSequence, JpegImagePlugin, features

# The format each published extension is written in, as Pillow names it.
SAVE_FORMATS = {
    ".png": "PNG",
    ".jpg": "JPEG",
    ".jpeg": "JPEG",
    ".gif": "GIF",
    ".webp": "WEBP",
    ".avif": "AVIF",
}
OPENED_FORMATS = ("PNG", "JPEG", "GIF", "WEBP", "AVIF")
# Far more than any web page needs (a 12-megapixel phone photo is a quarter of
# it), and little enough that a "decompression bomb" cannot eat the build's memory.
MAX_PIXELS = 50_000_000
MAX_FRAMES = 1000  # over a minute and a half of animation at ten frames a second
# The colour space a profile must describe for the pixels it comes with (ICC's names).
PROFILE_SPACES = {
    "RGB": "RGB",
    "RGBA": "RGB",
    "P": "RGB",  # a palette of RGB colours
    "L": "GRAY",
    "LA": "GRAY",
    "CMYK": "CMYK",
}
# What a frame keeps of what its file said: how to show it, never who made it,
# where, or with what (EXIF, XMP, comments, text chunks are all left behind).
FRAME_KEYS = ("duration", "transparency", "disposal", "blend", "loop", "background")
JPEG_QUALITY = 90  # for a picture that was not a JPEG already
LOSSY_QUALITY = 85  # WebP and AVIF from a lossy source


class PictureError(Exception):
    """A picture that cannot be published; the subclass says why."""


class PictureUnreadable(PictureError):
    pass


class PictureTooLarge(PictureError):
    def __init__(self, described: str) -> None:
        super().__init__(described)
        self.described = described  # "9000 × 9000 pixels", in words for the message


class FormatUnsupported(PictureError):
    pass


def avif_supported() -> bool:
    """Whether this Pillow was built with AVIF (the wheels are; some system packages not)."""
    return bool(features.check("avif"))


def save_format(suffix: str) -> str | None:
    return SAVE_FORMATS.get(suffix.lower())


def _decoders() -> tuple[str, ...]:
    """OPENED_FORMATS this Pillow has: one built without libavif has no AVIF decoder,
    and asking Pillow for a decoder it lacks is an error of its own."""
    Image.init()
    return tuple(kind for kind in OPENED_FORMATS if kind in Image.OPEN)


def _open(source: bytes | str) -> Image.Image:
    """Only our five decoders, on bytes or a file; Pillow's own bomb warning is ours
    to turn into a message."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            opened = io.BytesIO(source) if isinstance(source, bytes) else source
            return Image.open(opened, formats=_decoders())
        except Image.DecompressionBombError as bomb:
            raise PictureTooLarge(f"far more than {MAX_PIXELS:,} pixels") from bomb


def _check_size(image: Image.Image) -> int:
    """The number of frames, once the whole picture is known to fit in MAX_PIXELS."""
    width, height = image.size
    frames = getattr(image, "n_frames", 1)
    if width * height * frames > MAX_PIXELS or frames > MAX_FRAMES:
        described = f"{width} × {height} pixels" + (f", {frames} frames" if frames > 1 else "")
        raise PictureTooLarge(described)
    return frames


def _kept_info(frame: Image.Image) -> dict:
    return {key: frame.info[key] for key in FRAME_KEYS if key in frame.info}


def _clean(frame: Image.Image) -> Image.Image:
    """A copy of the frame's pixels with only FRAME_KEYS of what its file said:
    Pillow's encoders fall back on the image's info for EXIF, XMP and comments."""
    copy = frame.copy()
    copy.info = _kept_info(frame)
    return copy


def _upright(image: Image.Image) -> Image.Image:
    """The picture as the camera meant it (EXIF orientation applied), since the
    tag that said how to turn it is dropped with the rest of the EXIF."""
    try:
        turned = ImageOps.exif_transpose(image)
    except Exception:  # a damaged EXIF block: the pixels are still good, as stored
        return image
    turned.info = {**turned.info, **_kept_info(image)}
    return turned


def _frames(image: Image.Image, count: int, kind: str) -> list[Image.Image]:
    """Every frame of an animation, or the one picture, upright. (A phone's JPEG
    can hold a second, smaller picture: only the first is the photo.)"""
    if count == 1 or kind == "JPEG":
        return [_clean(_upright(image))]
    return [_clean(frame) for frame in ImageSequence.Iterator(image)]


def _without_alpha(frame: Image.Image) -> Image.Image:
    """JPEG has no transparency: what was see-through shows white, not black."""
    if frame.mode in ("RGB", "L", "CMYK"):
        return frame
    rgba = frame.convert("RGBA")
    white = Image.new("RGB", rgba.size, "white")
    white.paste(rgba, mask=rgba.getchannel("A"))
    return white


def _for_png(frame: Image.Image) -> Image.Image:
    if frame.mode in ("1", "L", "LA", "I", "I;16", "P", "RGB", "RGBA"):
        return frame
    converted = frame.convert("RGBA" if "A" in frame.mode else "RGB")
    converted.info = frame.info
    return converted


def _jpeg_options(source: Image.Image) -> dict:
    """A JPEG keeps its own quality (its quantization tables and chroma
    subsampling): encoding it again at another quality would blur it or swell it."""
    tables = getattr(source, "quantization", None)
    if source.format != "JPEG" or not tables:
        return {"quality": JPEG_QUALITY}
    options: dict = {"qtables": tables}
    sampling = JpegImagePlugin.get_sampling(source)
    if sampling >= 0:
        options["subsampling"] = sampling
    return options


def _lossless(source: Image.Image, data: bytes) -> bool:
    """A PNG, a GIF or a lossless WebP stays lossless: a screenshot or a drawing
    would smudge at any lossy quality."""
    return source.format in ("PNG", "GIF") or (source.format == "WEBP" and b"VP8L" in data)


def _fitting_profile(icc: bytes | None, mode: str) -> bytes | None:
    """The colour profile, if it describes pixels of this mode. A CMYK photo written
    as a PNG has RGB pixels: its CMYK profile would make browsers show wrong colours
    or none, so it goes (the pixels alone are close enough)."""
    if not icc:
        return None
    try:
        from PIL import ImageCms  # LittleCMS: in Pillow's wheels, maybe not elsewhere

        space = ImageCms.ImageCmsProfile(io.BytesIO(icc)).profile.xcolor_space.strip()
    except Exception:  # no LittleCMS, or a damaged profile: none is better than a bad one
        return None
    return icc if PROFILE_SPACES.get(mode) == space else None


def _options(
    kind: str, source: Image.Image, first: dict, data: bytes, frames: list[Image.Image]
) -> dict:
    """How to save: `first` is the info of the file's first frame (reading the
    other frames changes `source.info`)."""
    options: dict = {}
    icc = _fitting_profile(first.get("icc_profile"), frames[0].mode)
    if icc and kind != "GIF":  # GIF has no place for one
        options["icc_profile"] = icc
    if len(frames) > 1:
        options.update(
            save_all=True,
            append_images=frames[1:],
            duration=[frame.info.get("duration", 100) for frame in frames],
            loop=first.get("loop", 0),
        )
    if kind == "PNG":
        options["optimize"] = True  # a few per cent smaller; the build cache keeps the time
    elif kind == "JPEG":
        options.update(_jpeg_options(source))
    elif kind in ("WEBP", "AVIF"):
        if kind == "WEBP" and _lossless(source, data):
            options["lossless"] = True
        else:
            options["quality"] = LOSSY_QUALITY
    if kind == "AVIF":
        options["max_threads"] = 1  # the same bytes whatever the machine's cores
    return options


def _encoded(kind: str, frames: list[Image.Image], options: dict) -> bytes:
    out = io.BytesIO()
    frames[0].save(out, format=kind, **options)
    return out.getvalue()


def published_picture(data: bytes, suffix: str) -> bytes:
    """The bytes to publish for a picture file's bytes, in the format of `suffix`
    ('.png', '.jpg'...): its pixels, upright, with its colour profile only."""
    kind = save_format(suffix)
    if kind is None:
        raise FormatUnsupported(suffix)
    if kind == "AVIF" and not avif_supported():
        raise FormatUnsupported(suffix)
    try:
        with _open(data) as source:
            count = _check_size(source)
            source.load()
            first = dict(source.info)
            frames = _frames(source, count, kind)
            if kind == "JPEG":
                frames = [_without_alpha(frames[0])]
            elif kind == "PNG":
                frames = [_for_png(frame) for frame in frames]
            return _encoded(kind, frames, _options(kind, source, first, data, frames))
    except PictureError:
        raise
    except Exception as error:  # any decoder's failure on a stranger's bytes: not a picture
        raise PictureUnreadable(str(error)) from error


@dataclass(frozen=True)
class PictureSize:
    width: int  # as shown: after the EXIF orientation turns it
    height: int


def _orientation(image) -> int | None:
    """The EXIF orientation from what the header holds. (A PNG's getexif() decodes every
    pixel to look for an eXIf chunk after them; a phone writes its EXIF before them.)"""
    if image.format != "PNG":
        return image.getexif().get(0x0112)
    raw = image.info.get("exif")
    if not raw:
        return None
    exif = Image.Exif()
    exif.load(raw)
    return exif.get(0x0112)


def picture_size(path: str) -> PictureSize | None:
    """The size of a picture file as shown, from its header alone (no pixel is decoded)."""
    try:
        with _open(path) as image:
            width, height = image.size
            if _orientation(image) in (5, 6, 7, 8):  # turned a quarter
                width, height = height, width
    except Exception:  # unreadable: static_problems says so, with advice
        return None
    return PictureSize(width, height)
