"""The theme's stylesheet and script, ready for a fast, cache-friendly page.

- The stylesheet is small, so it is inlined: the page renders after the first
  round trip with no render-blocking request. The Content-Security-Policy
  allows exactly that <style> by its hash, not 'unsafe-inline'.
- So is the one line that closes a page built open and loaded after its
  deadline before the first paint (closed-before-paint.js): the same bytes
  on every page, allowed by their hash.
- The script's file name carries a hash of its content, so a host or CDN can
  cache it forever: a new version gets a new name."""

from __future__ import annotations

import base64
import hashlib
import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Inline:
    """A file's text as the page carries it inside <style> or <script>, and
    the CSP source that allows exactly those bytes."""

    text: str
    csp_source: str  # e.g. 'sha256-...'


def csp_hash(text: str) -> str:
    """The CSP source for an inline <style> or <script> with exactly this text."""
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return f"'sha256-{digest}'"


def inline(path: str) -> Inline:
    with open(path, encoding="utf-8") as source:
        text = source.read().strip()
    if "</" in text:  # would end the <style> or <script> early
        raise ValueError(f"{path}: cannot be inlined, it contains '</'")
    return Inline(text, csp_hash(text))


def fingerprinted_name(path: str) -> str:
    """`megaphone.js` → `megaphone.1a2b3c4d5e.js`, from the file's bytes."""
    with open(path, "rb") as source:
        digest = hashlib.sha256(source.read()).hexdigest()[:10]
    stem, extension = os.path.splitext(os.path.basename(path))
    return f"{stem}.{digest}{extension}"
