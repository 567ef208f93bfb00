"""Target lists: who represents whom, as CSV files volunteers can edit.

`content/targets/<list>.csv` has the columns area,name,title,email (one row
per representative; `email` may hold several addresses separated by commas;
further columns, such as phone, are kept and shown). An optional area map
`content/targets/<list>.postcodes.csv` has the columns postcode,area; a
postcode may map to several areas, one row each.

Everything here is pure: text in, a TargetList and plain-words problems out,
each naming the file, the line and the column."""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from difflib import get_close_matches

from .addresses import parse_recipients
from .messages import say
from .report import Problem

COLUMNS = ("area", "name", "title", "email")
MAP_COLUMNS = ("postcode", "area")
_DIGITS = re.compile(r"^\d+$")


@dataclass(frozen=True)
class Target:
    area: str
    name: str
    title: str
    emails: tuple[str, ...]
    extra: tuple[tuple[str, str], ...] = ()  # further columns, in file order
    line: int = 0


@dataclass(frozen=True)
class TargetList:
    name: str
    targets: tuple[Target, ...]
    postcodes: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (postcode, areas), sorted

    def by_area(self) -> dict[str, Target]:
        return {target.area: target for target in self.targets}


@dataclass
class ListReading:
    targets: TargetList | None = None
    problems: list[Problem] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (file, text)


def _rows(text: str) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """The header (lower-cased) and each row with its line number."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    try:
        header = [name.strip().lower() for name in next(reader)]
    except StopIteration:
        return [], []
    rows = []
    for values in reader:
        if not any(value.strip() for value in values):
            continue
        cells = {name: value.strip() for name, value in zip(header, values, strict=False)}
        rows.append((reader.line_num, cells))
    return header, rows


def read_target_list(
    name: str, file: str, text: str, map_file: str = "", map_text: str | None = None
) -> ListReading:
    """One list, and its area map if it has one."""
    reading = ListReading()

    def problem(line: int | None, where: str, code: str, **values) -> None:
        reading.problems.append(Problem(file, where, say(code, **values), line, code))

    header, rows = _rows(text)
    missing = [column for column in COLUMNS if column not in header]
    for column in missing:
        problem(1, column, "targets-column-missing", column=column, columns=",".join(COLUMNS))
    if missing:
        return reading
    targets: list[Target] = []
    seen_areas: dict[str, int] = {}
    for line, cells in rows:
        area = cells.get("area", "")
        if not area:
            problem(line, "area", "targets-area-empty")
            continue
        if area in seen_areas:
            problem(line, "area", "targets-area-twice", area=area, first=seen_areas[area])
            continue
        seen_areas[area] = line
        if not cells.get("email"):
            problem(line, "email", "targets-email-empty", area=area)
            continue
        read = parse_recipients(cells["email"])
        for error in read.problems:
            reading.problems.append(Problem(file, "email", str(error), line, error.code))
        if read.problems:
            continue
        extra = tuple(
            (column, cells.get(column, ""))
            for column in header
            if column not in COLUMNS and cells.get(column, "")
        )
        targets.append(
            Target(area, cells.get("name", ""), cells.get("title", ""), read.addresses, extra, line)
        )
    reading.warnings.extend((file, w) for w in _shared_addresses(targets))
    postcodes: tuple[tuple[str, tuple[str, ...]], ...] = ()
    if map_text is not None:
        postcodes = _read_map(
            map_file, map_text, {t.area for t in targets} | set(seen_areas), reading
        )
        mapped = {area for _, areas in postcodes for area in areas}
        for target in targets:
            if target.area not in mapped:
                reading.warnings.append(
                    (
                        file,
                        say(
                            "targets-area-unmapped",
                            area=target.area,
                            line=target.line,
                            map=map_file,
                        ),
                    )
                )
    if not reading.problems:
        reading.targets = TargetList(name, tuple(targets), postcodes)
    return reading


def _shared_addresses(targets: list[Target]) -> list[str]:
    """Real lists have this: two members of one chamber listing the same inbox."""
    owners: dict[str, list[Target]] = defaultdict(list)
    for target in targets:
        for address in target.emails:
            owners[address.lower()].append(target)
    return [
        say(
            "targets-address-shared",
            address=address,
            areas=", ".join(t.area for t in found),
            lines=", ".join(str(t.line) for t in found),
        )
        for address, found in owners.items()
        if len(found) > 1
    ]


def _read_map(
    file: str, text: str, areas: set[str], reading: ListReading
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    header, rows = _rows(text)
    missing = [column for column in MAP_COLUMNS if column not in header]
    for column in missing:
        reading.problems.append(
            Problem(
                file,
                column,
                say("targets-column-missing", column=column, columns=",".join(MAP_COLUMNS)),
                1,
                "targets-column-missing",
            )
        )
    if missing:
        return ()
    lengths = Counter(
        len(cells.get("postcode", ""))
        for _, cells in rows
        if _DIGITS.match(cells.get("postcode", ""))
    )
    usual = lengths.most_common(1)[0][0] if lengths else 0
    by_postcode: dict[str, list[str]] = defaultdict(list)
    unknown: dict[str, int] = {}
    for line, cells in rows:
        postcode, area = cells.get("postcode", ""), cells.get("area", "")
        if not postcode or not area:
            column = "postcode" if not postcode else "area"
            reading.problems.append(
                Problem(
                    file, column, say("targets-map-empty", column=column), line, "targets-map-empty"
                )
            )
            continue
        if _DIGITS.match(postcode) and len(postcode) < usual:
            reading.problems.append(
                Problem(
                    file,
                    "postcode",
                    say("targets-postcode-number", postcode=postcode, fixed=postcode.zfill(usual)),
                    line,
                    "targets-postcode-number",
                )
            )
            continue
        if area not in areas:
            unknown.setdefault(area, line)
            continue
        if area not in by_postcode[postcode]:
            by_postcode[postcode].append(area)
    for area, line in unknown.items():
        reading.problems.append(
            Problem(
                file,
                "area",
                say("targets-map-unknown-area", area=area),
                line,
                "targets-map-unknown-area",
            )
        )
    return tuple(sorted((postcode, tuple(found)) for postcode, found in by_postcode.items()))


def list_names(value) -> list[str]:
    """`Targets: ny-senate, ny-assembly` as names."""
    if isinstance(value, (list, tuple)):
        value = ",".join(value)
    return [name.strip() for name in str(value or "").split(",") if name.strip()]


def unknown_list(name: str, known: list[str]) -> str:
    """The words for a `Targets:` name with no list in content/targets/."""
    guess = get_close_matches(name, known, n=1, cutoff=0.6)
    hint = (
        f" Did you mean '{guess[0]}'?"
        if guess
        else (
            f" The lists are: {', '.join(sorted(known))}."
            if known
            else " Put the list in content/targets/<name>.csv first."
        )
    )
    return say("targets-unknown-list", name=name, hint=hint)


# The placeholders a target fills by itself, on its own page.
TARGET_PLACEHOLDERS = ("Target name", "Target title", "Area")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def target_values(target: Target) -> dict[str, str]:
    """What `[Target name]`, `[Target title]` and `[Area]` become for one target."""
    return {"Target name": target.name, "Target title": target.title, "Area": target.area}


def area_slugs(targets: tuple[Target, ...]) -> dict[str, str]:
    """Each area's folder name under /<slug>/to/: ASCII letters, digits and dashes only,
    never empty, never two the same (`District 1` -> `district-1`; `Área 7` -> `area-7`)."""
    slugs: dict[str, str] = {}
    taken: set[str] = set()
    for number, target in enumerate(targets, start=1):
        plain = unicodedata.normalize("NFKD", target.area).encode("ascii", "ignore").decode()
        base = _NOT_SLUG.sub("-", plain.lower()).strip("-")[:60].strip("-") or f"area-{number}"
        slug, suffix = base, 2
        while slug in taken:
            slug, suffix = f"{base}-{suffix}", suffix + 1
        taken.add(slug)
        slugs[target.area] = slug
    return slugs


# A map up to this many postcodes goes whole into the campaign's one data
# file; a larger one is split by the postcode's first characters, so that a
# visitor downloads only the shard of the postcode they typed.
INLINE_POSTCODES = 2000
SHARD_PREFIX = 3


def normal_postcode(text: str) -> str:
    """As the page's script reads a typed postcode: no spaces, capitals."""
    return "".join(text.split()).upper()


def _json(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def target_data(lists: tuple[TargetList, ...], pages: dict[tuple[str, str], str]) -> dict:
    """The files the campaign page's script may fetch, from the site itself:
    `data.json` (every target: area, name, title, addresses and page; and each
    small map) and, for a large map, `<list>/<prefix>.json` shards.
    `pages` maps (list, area) to the target page's path. Same data, same bytes."""
    files: dict[str, bytes] = {}
    data: dict = {"lists": [], "postcodes": {}, "shards": {}}
    for target_list in lists:
        data["lists"].append(
            {
                "name": target_list.name,
                "targets": [
                    [t.area, t.name, t.title, list(t.emails), pages[(target_list.name, t.area)]]
                    for t in target_list.targets
                ],
            }
        )
        if not target_list.postcodes:
            continue
        by_postcode: dict[str, list[str]] = defaultdict(list)
        for written, found in target_list.postcodes:
            known = by_postcode[normal_postcode(written)]
            for area in found:
                if area not in known:
                    known.append(area)
        if len(by_postcode) <= INLINE_POSTCODES:
            data["postcodes"][target_list.name] = dict(by_postcode)
            continue
        data["shards"][target_list.name] = SHARD_PREFIX
        shards: dict[str, dict[str, list[str]]] = defaultdict(dict)
        for postcode, in_areas in by_postcode.items():
            shards[shard_name(postcode)][postcode] = in_areas
        for prefix, shard in shards.items():
            files[f"{target_list.name}/{prefix}.json"] = _json(shard)
    files["data.json"] = _json(data)
    return files


def target_file_names(lists: tuple[TargetList, ...]) -> list[str]:
    """The names of the files `target_data` writes, without making them."""
    names = ["data.json"]
    for target_list in lists:
        postcodes = {normal_postcode(written) for written, _ in target_list.postcodes}
        if len(postcodes) > INLINE_POSTCODES:
            names += sorted({f"{target_list.name}/{shard_name(p)}.json" for p in postcodes})
    return names


def shard_name(postcode: str) -> str:
    """The shard file of a (normalised) postcode: its first characters, safe as
    a file name (the script does the same)."""
    head = postcode[:SHARD_PREFIX].lower()
    return "".join(c if c.isascii() and c.isalnum() else "_" for c in head)
