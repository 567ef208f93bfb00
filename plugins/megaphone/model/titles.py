"""`Titles`: the representatives' titles in a campaign's own words.

A list of representatives is written once, in one language ("Senator"), and its
titles go into `[Target title]`, the list's heading and each representative's page.
A translation says what each title is in its language:
`Titles: Senator = Senador | Assembly Member = Asambleísta`.

Pure: the campaign's readers (campaign.py) call these with the header's value."""

from __future__ import annotations

from dataclasses import replace

from .invisible import text_errors
from .messages import ContentError
from .targets import TargetList

TITLE_MAX = 80  # "Member of the Legislative Assembly"; a title, not a sentence
_SHOWN = 5  # titles named in a message


def list_titles(lists: tuple[TargetList, ...] | list[TargetList]) -> list[str]:
    """The titles the lists give, each once, in the order they first come."""
    return list(
        dict.fromkeys(t.title for target_list in lists for t in target_list.targets if t.title)
    )


def parse_titles(text: str, lists: tuple[TargetList, ...] | list[TargetList]) -> dict[str, str]:
    """{title in the list: title on this page}; raises ContentError with what to write.
    A title is one however the list capitalises or spaces it: `Senator = Senador` gives
    the rows that say `SENATOR` the same title."""
    spellings: dict[str, list[str]] = {}
    for title in list_titles(lists):
        spellings.setdefault(_same(title), []).append(title)
    named = ", ".join(repr(t[0]) for t in list(spellings.values())[:_SHOWN])
    if not spellings:  # the lists' title column is empty: nothing to translate
        raise ContentError("titles-unknown", text=text.strip(), titles="no titles")
    first = next(iter(spellings.values()))[0]
    given: dict[str, str] = {}
    done: set[str] = set()
    parts = [" ".join(part.split()) for part in text.split("|")]
    if not any(parts):
        raise ContentError("titles-syntax", text=text.strip(), first=first)
    for part in parts:
        if not part:
            continue
        original, equals, own = (side.strip() for side in part.partition("="))
        if not equals or not original:
            raise ContentError("titles-syntax", text=part, first=first)
        key = _same(original)
        if key not in spellings:
            raise ContentError("titles-unknown", text=original, titles=named)
        if key in done:
            raise ContentError("titles-repeated", text=spellings[key][0])
        if not own:
            raise ContentError("titles-empty", text=spellings[key][0])
        if len(own) > TITLE_MAX or any(c in own for c in "[]<>"):
            raise ContentError("titles-own-words", text=own, most=TITLE_MAX)
        for invisible in text_errors(own):
            raise invisible
        done.add(key)
        given.update({title: own for title in spellings[key]})
    return given


def _same(title: str) -> str:
    """A title as it is compared: in any case and spacing."""
    return " ".join(title.split()).casefold()


def with_titles(lists: list[TargetList], titles: dict[str, str]) -> list[TargetList]:
    """The lists with each representative's title in this campaign's words."""
    return [
        replace(
            target_list,
            targets=tuple(
                replace(t, title=titles.get(t.title, t.title)) for t in target_list.targets
            ),
        )
        for target_list in lists
    ]
