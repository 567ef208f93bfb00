"""The theme's stylesheet and script, ready for a fast, cache-friendly page.

- The stylesheet is small, so it is inlined: the page renders after the first
  round trip with no render-blocking request. The Content-Security-Policy
  allows exactly that <style> by its hash, not 'unsafe-inline'.
- The script's file name carries a hash of its content, so a host or CDN can
  cache it forever: a new version gets a new name."""

from __future__ import annotations

import base64
import hashlib
import os
from dataclasses import dataclass


@dataclass(frozen=True)
class InlineStyle:
    css: str
    csp_source: str  # e.g. 'sha256-...'


def inline_style(path: str) -> InlineStyle:
    with open(path, encoding="utf-8") as source:
        css = source.read().strip()
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    return InlineStyle(css, f"'sha256-{digest}'")


def fingerprinted_name(path: str) -> str:
    """`megaphone.js` → `megaphone.1a2b3c4d5e.js`, from the file's bytes."""
    with open(path, "rb") as source:
        digest = hashlib.sha256(source.read()).hexdigest()[:10]
    stem, extension = os.path.splitext(os.path.basename(path))
    return f"{stem}.{digest}{extension}"
