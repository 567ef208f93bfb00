"""A QR code of a page's address, as inline SVG for the printable flyer."""

from __future__ import annotations

import io

import segno


def qr_svg(url: str, title: str) -> str:
    code = segno.make(url, error="m")
    out = io.BytesIO()
    code.save(out, kind="svg", xmldecl=False, svgns=True, nl=False, scale=6, border=4,
              title=title, svgclass="qr", lineclass=None)
    return out.getvalue().decode("utf-8")
