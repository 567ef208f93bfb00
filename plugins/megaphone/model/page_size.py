"""How large the pages of a campaign with Targets will be, before they are made.

Each representative gets a page carrying every letter version, filled in with
their name, title and area. A stranger's pull request could ask for hundreds
of megabytes that way (many versions, a long list, a long name written into
the letter a thousand times), so the build adds up the characters first,
without filling a single letter, and refuses what is over the limits."""

from __future__ import annotations

from .letter import blank_counts
from .limits import BYTES_PER_LETTER_CHAR, PAGE_BYTES, VERSION_BYTES
from .targets import TargetList, target_values


def _filled_length(length: int, blanks: dict[str, tuple[int, int]], values: dict[str, str]) -> int:
    """The length of a text once `fill` has put these values in (as it does: only
    values that are not blank)."""
    for name, value in values.items():
        if name in blanks and value.strip():
            times, written = blanks[name]
            length += times * len(value) - written
    return length


def target_pages_bytes(
    letters: tuple[str, ...],
    subjects: tuple[str, ...],
    lists: tuple[TargetList, ...],
    on_every_page: int = 0,
) -> int:
    """About how many bytes the representatives' pages take (limits.py says how
    each part was measured). Version n goes with subject n, as the links do.
    `on_every_page`: what each page carries whoever it writes to (the explanation)."""
    if not letters or not subjects:
        return 0
    versions = [
        (len(letter), blank_counts(letter), len(subject), blank_counts(subject))
        for letter, subject in (
            (letter, subjects[number % len(subjects)]) for number, letter in enumerate(letters)
        )
    ]
    total = 0
    for target_list in lists:
        for target in target_list.targets:
            values = target_values(target)
            total += PAGE_BYTES + on_every_page
            for letter_length, letter_blanks, subject_length, subject_blanks in versions:
                characters = _filled_length(letter_length, letter_blanks, values)
                characters += _filled_length(subject_length, subject_blanks, values)
                total += VERSION_BYTES + BYTES_PER_LETTER_CHAR * characters
    return total
