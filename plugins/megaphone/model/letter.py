"""Take the letter out of a campaign's rendered HTML.

The letter is the text of each fenced block whose info string is `letter`;
Python-Markdown renders it as <pre><code class="language-letter">, escaped but
otherwise untouched (no highlighting, no typographic filters). What remains
is the page's explanation."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bs4 import BeautifulSoup, Comment

LETTER_CLASS = "language-letter"
_PLACEHOLDER = re.compile(r"\[([^\[\]\n]+)\]")


@dataclass(frozen=True)
class Split:
    letters: tuple[str, ...]
    explanation: str  # the HTML without the letter blocks


def split_letters(html: str) -> Split:
    soup = BeautifulSoup(html, "html.parser")
    comments = soup.find_all(string=lambda text: isinstance(text, Comment))
    for comment in comments:  # notes for volunteers, such as `make campaign`'s
        comment.extract()
    letters = []
    for code in soup.find_all("code", class_=LETTER_CLASS):
        letters.append(_clean(code.get_text()))
        block = code.parent if code.parent and code.parent.name == "pre" else code
        block.decompose()
    return Split(tuple(letters), str(soup) if letters or comments else html)


def _clean(text: str) -> str:
    """Drop the blank lines Markdown keeps before the closing fence.

    Inside the text nothing changes: line for line, it is the email body."""
    return text.strip("\r\n")


def placeholders(letter: str) -> tuple[str, ...]:
    """The distinct `[Your name]`-style blanks, in order of appearance."""
    seen: dict[str, None] = {}
    for match in _PLACEHOLDER.finditer(letter):
        seen.setdefault(match.group(1), None)
    return tuple(seen)
