"""The theme's stylesheet and script, ready for a fast, cache-friendly page.

- The stylesheet is small, so it is inlined: the page renders after the first
  round trip with no render-blocking request. The Content-Security-Policy
  allows exactly that <style> by its hash, not 'unsafe-inline'.
- So is the one line that closes a page built open and loaded after its
  deadline before the first paint (closed-before-paint.js): the same bytes
  on every page, allowed by their hash.
- The script's file name carries a hash of its content, so a host or CDN can
  cache it forever: a new version gets a new name. It is served without its
  comment lines."""

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


def shipped_script(path: str) -> bytes:
    """The script as the site serves it: without its lines of `//` comments, which
    explain the code to the people who keep it and are a quarter of its bytes on a
    phone's connection. (The script has no template strings, so no line inside a
    string can start with `//`; a test proves the shipped script runs the same.)"""
    with open(path, encoding="utf-8") as source:
        lines = source.read().split("\n")
    return "\n".join(line for line in lines if not line.lstrip().startswith("//")).encode()


def fingerprinted_name(path: str, data: bytes) -> str:
    """`megaphone.js` → `megaphone.1a2b3c4d5e.js`, from the bytes served."""
    digest = hashlib.sha256(data).hexdigest()[:10]
    stem, extension = os.path.splitext(os.path.basename(path))
    return f"{stem}.{digest}{extension}"
