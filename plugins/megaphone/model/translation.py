"""A translation is the same campaign in another language.

What is sent, and to whom, comes from the original: a translation may change
only the words (Title, Summary, Subject, the explanation, the letters). The
fields that must agree are declared once, in schema.py (`same_as_original`), and
each has its fact in FACTS here.

Files are paired as Pelican pairs them (ARTICLE_TRANSLATION_ID = slug): the
same Slug, another Lang. The original of a group is the one in the site's
language that does not say `Translation: true`. Drafts are paired with
published files too, so that a draft translation is checked before it is
published. Pure: the hooks hand in plain values, never Pelican's objects."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Hashable
from dataclasses import dataclass

from . import schema
from .campaign import Campaign
from .messages import say
from .report import Problem, field_line, field_value


def _addresses(addresses: tuple[str, ...]) -> frozenset[str]:
    # The same people however they are ordered or capitalised; names are words.
    return frozenset(a.casefold() for a in addresses)


# The fact of the campaign each field decides, for the fields the schema says a
# translation must share (schema.SAME_AS_ORIGINAL). Two versions agree when the facts
# are equal, however each file writes them.
FACTS: dict[str, Callable[[Campaign], Hashable]] = {
    "To": lambda c: _addresses(c.to),
    "Cc": lambda c: _addresses(c.cc),
    "Bcc": lambda c: _addresses(c.bcc),
    "Targets": lambda c: tuple(t.name for t in c.targets),  # the order visitors go through
    "Deadline": lambda c: c.deadline.replace(tzinfo=None),  # the wall-clock time...
    "Timezone": lambda c: c.timezone,  # ...and where (an instant alone would hide a move)
    "Count": lambda c: c.count.casefold(),
    "Docket": lambda c: c.docket,
    "Portal": lambda c: c.portal,
    "Limit": lambda c: c.limit,
    "Published": lambda c: c.published,
    "Call": lambda c: c.call.e164 if c.call else "",  # the number, however it is written
}
# A field the schema declares without a fact here stops the import: it cannot be forgotten.
SAME_AS_ORIGINAL = {name: FACTS[name] for name in schema.SAME_AS_ORIGINAL}


@dataclass(frozen=True)
class Version:
    """One campaign file, as the translation checks need it."""

    file: str  # as the volunteer sees it
    slug: str
    lang: str
    translation: str  # the `Translation` field as written, lower case ("" if none)
    source: str  # the file's text: fields are quoted as written, and found by line
    campaign: Campaign | None  # None when the file has problems of its own

    def says_translation(self, default_lang: str) -> bool:
        """Meant to translate another file: in another language, or says so."""
        if self.translation == "false":  # the volunteer's word that it stands alone
            return False
        return self.translation == "true" or self.lang != default_lang


def original_of(group: list[Version], default_lang: str) -> Version:
    """The version the others translate, chosen as Pelican chooses (utils.get_original_items):
    not marked `Translation: true` (unless all are), then in the site's language."""
    candidates = [v for v in group if v.translation != "true"] or group
    originals = [v for v in candidates if v.lang == default_lang] or candidates
    return min(originals, key=lambda v: v.file)


def by_slug(versions: list[Version]) -> dict[str, list[Version]]:
    groups: dict[str, list[Version]] = defaultdict(list)
    for version in versions:
        groups[version.slug].append(version)
    return groups


# --- Every action field the same as the original's -------------------------------


def disagreements(versions: list[Version], default_lang: str) -> list[Problem]:
    """Each field of SAME_AS_ORIGINAL that a translation sets otherwise than its original."""
    problems = []
    for group in by_slug(versions).values():
        original = original_of(group, default_lang)
        for version in group:
            # Two files in one language are one address twice (slug-taken), not a translation.
            if version.lang != original.lang:
                problems += _differences(version, original)
    return problems


def _differences(translation: Version, original: Version) -> list[Problem]:
    ours, theirs = translation.campaign, original.campaign
    if ours is None or theirs is None:  # its own problems stop the build already
        return []
    return [
        _difference(translation, original, name)
        for name, fact in SAME_AS_ORIGINAL.items()
        if fact(ours) != fact(theirs)
    ]


def _as_written(version: Version, name: str) -> str:
    line = field_line(version.source, name)
    return f"'{name}: {field_value(version.source, name)}'" if line else f"no {name} line"


def _difference(translation: Version, original: Version, name: str) -> Problem:
    line = field_line(translation.source, name)
    if not field_line(original.source, name):
        instead = "delete this line"
    else:
        wanted = f"'{name}: {field_value(original.source, name)}'"
        instead = f"write {wanted} on this line" if line else f"add the line {wanted} to the fields"
    if line is None:  # a field left out: point at the line that makes it a translation
        line = field_line(translation.source, "Lang") or field_line(translation.source, "Slug")
    return Problem(
        translation.file,
        name,
        say(
            "translation-differs",
            these=_as_written(translation, name),
            original=original.file,
            those=_as_written(original, name),
            instead=instead,
        ),
        line or 1,
        "translation-differs",
    )


# --- The representatives' titles in the translation's words ----------------------


def untranslated_titles(versions: list[Version], default_lang: str) -> list[Problem]:
    """Warnings: each translation with representatives whose file does not say what all
    their titles are in its language (Titles), so its pages show the list's ("Senator")."""
    warnings = []
    for group in by_slug(versions).values():
        original = original_of(group, default_lang)
        for version in group:
            campaign = version.campaign
            if version.lang == original.lang or campaign is None or not campaign.targets:
                continue
            if version.lang.split("-")[0] == original.lang.split("-")[0]:
                continue  # en-gb of an en original: the same words
            titles = campaign.titles_left
            if not titles:
                continue
            named = ", ".join(repr(t) for t in titles[:5])
            words = say("titles-untranslated", lang=version.lang, titles=named, first=titles[0])
            line = field_line(version.source, "Lang") or field_line(version.source, "Targets")
            warnings.append(Problem(version.file, "Titles", words, line, "titles-untranslated"))
    return warnings


# --- A Slug that almost matches an original's ------------------------------------


def slug_near_misses(versions: list[Version], default_lang: str) -> list[Problem]:
    """A translation whose Slug matches no other file's but is a slip away from an
    original's: it would be published as a second campaign, unlinked, listed twice."""
    groups = by_slug(versions)
    problems = []
    for group in groups.values():
        for version in group:
            if not version.says_translation(default_lang):
                continue
            if any(v.lang != version.lang for v in group):  # paired already
                continue
            near = _nearest_original(version, groups, default_lang)
            if near is not None:
                problems.append(_near_miss(version, near))
    return problems


def _nearest_original(
    version: Version, groups: dict[str, list[Version]], default_lang: str
) -> Version | None:
    """The original that this file most likely meant to translate, if any."""
    found = []
    for slug, group in groups.items():
        if slug == version.slug:
            continue
        if any(v.lang == version.lang for v in group):  # it has this language already
            continue
        original = original_of(group, default_lang)
        if _meant_for(version, original):
            found.append((edits(version.slug.casefold(), slug.casefold()), original.file, original))
    return min(found, key=lambda f: f[:2])[2] if found else None


def _meant_for(version: Version, original: Version) -> bool:
    """Whether `version` looks like a translation of `original` whose Slug slipped."""
    if version.slug.casefold() == original.slug.casefold():
        return True  # capitals alone never make two campaigns (as for slug-same-name)
    if _file_base(version) in (original.slug, _file_base(original)):
        return True  # park.es.md, copied from park.md
    if not close_slugs(version.slug, original.slug):
        return False
    # A letter or two off, in a file named otherwise: a copy still sends what its original
    # sends, where a campaign of its own ('parc' in Paris beside 'park') writes elsewhere.
    return version.translation == "true" or _sends_the_same(version, original)


def _sends_the_same(one: Version, other: Version) -> bool:
    if one.campaign is None or other.campaign is None:
        return False
    return all(fact(one.campaign) == fact(other.campaign) for fact in SAME_AS_ORIGINAL.values())


def _near_miss(version: Version, original: Version) -> Problem:
    return Problem(
        version.file,
        "Slug",
        say(
            "translation-slug-near",
            slug=version.slug,
            near=original.slug,
            original=original.file,
        ),
        field_line(version.source, "Slug") or field_line(version.source, "Lang") or 1,
        "translation-slug-near",
    )


def _file_base(version: Version) -> str:
    """`park` for park.es.md: a copy named after its original, whatever Slug it says
    (or none: Pelican then makes one from the translated Title)."""
    stem = version.file.replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
    suffix = f".{version.lang}"
    return stem[: -len(suffix)] if stem.endswith(suffix) else stem


_NUMBERS = re.compile(r"\d+")


def close_slugs(one: str, other: str) -> bool:
    """The same but for case, or for an edit or two (a typed slip). Numbers must be
    the same: `ward-3` and `ward-4`, `vote-2024` and `vote-2025` are two campaigns."""
    a, b = one.casefold(), other.casefold()
    if a == b:
        return True
    if _NUMBERS.findall(a) != _NUMBERS.findall(b):
        return False
    distance = edits(a, b)
    # Two edits turn a short slug into any other ("park" into "pool"): at most a quarter.
    return distance <= 2 and distance * 4 <= min(len(a), len(b))


def edits(a: str, b: str) -> int:
    """Letters to add, remove, change or swap with a neighbour to turn a into b
    (optimal string alignment distance: a swapped pair is one slip)."""
    previous: list[int] = []
    row = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        before, previous, row = previous, row, [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], before[j - 2] + 1)
    return row[len(b)]
