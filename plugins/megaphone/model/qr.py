"""A QR code of a page's address, as inline SVG for the printable flyer."""

from __future__ import annotations

import io

import segno


def qr_svg(url: str, title: str) -> str:
    # A fixed mask: any of the eight is a valid code that phones read, and
    # scoring all eight to pick the "best" was most of a site build's time.
    code = segno.make(url, error="m", mask=0)
    out = io.BytesIO()
    code.save(
        out,
        kind="svg",
        xmldecl=False,
        svgns=True,
        nl=False,
        scale=6,
        border=4,
        title=title,
        svgclass="qr",
        lineclass=None,
    )
    return out.getvalue().decode("utf-8")
